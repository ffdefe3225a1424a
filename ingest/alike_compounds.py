"""One compound named two ways: 湖滨花园二期 on the paper sheet, 湖滨二期 typed online. Where the answers name
their compound, a home is its compound and door number, so one home under the two names is two households
and both answers count. A thirty-third trial was told to add the short name to grids.csv as a compound of
its own, did so, and the run then counted the home twice without a word (W07 1322.30 for 1326.41, exit 0).

gridpay cannot know that two names are one compound (湖滨花园 and 湖宾花园 may be neighbours), so the run
names, per grid, the door numbers answered under two names that read alike (transforms/grid_names.py), and
the way to say they are one: the other name after '=' in grids.csv's compounds (湖滨花园二期=湖滨二期)."""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pandas as pd

from gridpay.ingest.door_prefixes import DoorPairs, answers_view
from gridpay.ingest.grid_aliases import listed_compounds
from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.survey_values import compound_name
from gridpay.transforms.grid_names import compounds_read_alike, names_one_compound_maybe
from gridpay.transforms.privacy import regex_masked_sql

SHOWN = 3


@dataclass(frozen=True)
class AlikeCompounds(DoorPairs):
    compounds: tuple[str, str] = ("", "")        # the two names: the one grids.csv lists first, or the longer
    both_listed: bool = False          # grids.csv lists both, the shorter the start of two: '=' cannot make them one
    # (or, from output format 27, the start of the other: 金沙花园 and 金沙花园二期, two phases, trial 207)
    entries: bool = False              # grids.csv lists both, neither the other's start: the '=' name replaces an entry

    def line(self) -> str:
        named, other = self.compounds
        doors = "1 door number is" if self.pairs == 1 else f"{self.pairs} door numbers are"
        shown = "; ".join(f"{a} beside {b}" for a, b in self.shown)
        more = f" and {self.pairs - len(self.shown)} more" if self.pairs > len(self.shown) else ""
        said = (f"{self.grid_name} ({self.grid_id}): answers name the compounds {named} and {other}, which read "
                f"alike, and {doors} answered under both ({shown}{more}), each counted as a home of its own: ")
        if self.both_listed:        # trial 166's 阳光家园, listed on its own beside 阳光家园二期: the start of two phases
            return said + ("grids.csv lists both for the grid; if two of them are one home (check the paper form, or "
                           "call), once the month is published, set the older answer aside with an appeal upheld in "
                           "its 公示 window (category other, 其他; worker_id blank, as HR's own correction; its "
                           "decision_note naming the answer it repeats), and run again (one household, one voice)")
        instead = f" in place of {other}'s own entry, which grids.csv refuses beside it" if self.entries else ""
        return said + (f"if they are one compound, give the other name after '=' in grids.csv's compounds "
                       f"({named}={other}{instead}) and run again; if they are two compounds, nothing is to be done")


def alike_compounds(workdir: Path, suffix_dropped: bool = False, month: str | None = None,
                    short_names: bool = False, phases: bool = False) -> list[AlikeCompounds]:
    """Per grid and pair of compound names reading alike, the door numbers answered under both (each with
    its answers; masked), in the staged answers but those an upheld appeal of `month` takes out. A name
    grids.csv lists for the grid goes first in a pair. With `short_names` (output format 24), also a pair with
    a number written two ways, or one the start of the other (names_one_compound_maybe); with `phases` (output format
    27), a pair grids.csv lists for the grid, one the start of the other, is two listed compounds (both_listed)."""
    alike = names_one_compound_maybe if short_names else compounds_read_alike
    grids = pd.read_parquet(workdir / "grids.parquet")
    listed = {gid: {compound_name(n, suffix_dropped) for n in names} for gid, names in listed_compounds(grids).items()}
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    door = "substr(household_id, length(compound) + 2)"
    with stage_connection(workdir) as con:
        answers_view(con, workdir, month)
        rows = con.execute(
            f"select grid_id, {regex_masked_sql('door')} as door, "
            "list((compound, response_id) order by compound, response_id) from ("
            f"select grid_id, compound, {door} as door, response_id from answers where compound is not null "
            "and starts_with(household_id, compound || ' ')) group by grid_id, door "
            "having count(distinct compound) > 1 order by grid_id, door").fetchall()
    found: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    for gid, masked, answered in rows:
        by_name: dict[str, list[str]] = {}
        for compound, rid in answered:
            by_name.setdefault(compound, []).append(rid)
        for a, b in combinations(sorted(by_name), 2):
            if alike(a, b) and not _listed_apart(a, b, listed.get(gid, set())):
                first, second = _ordered(a, b, listed.get(gid, set()))
                found.setdefault((gid, first, second), []).append(
                    (f"{first} {masked} ({', '.join(by_name[first])})",
                     f"{second} {masked} ({', '.join(by_name[second])})"))
    everywhere = set().union(*listed.values()) if listed else set()
    made = []
    for (gid, a, b), pairs in found.items():
        both = short_names and {a, b} <= listed.get(gid, set())
        short, long = sorted((a, b), key=len)
        phased = both and (_starts_two(short, everywhere) or (phases and long.startswith(short)))
        made.append(AlikeCompounds(gid, names.get(gid, gid), len(pairs), tuple(pairs[:SHOWN]), (a, b), phased,
                                   phases and both and not phased))
    return made


_PLACE_WORDS = frozenset("前后东西南北上下左右内外大小新老")


def _listed_apart(a: str, b: str, listed: set[str]) -> bool:
    """Does grids.csv list both names for the grid, one word of place apart (前井胡同 and 后井胡同, 东苑 and 西苑)? Two
    places whose houses share numbers, as HR listed them: trial 191 was told at every run that its two lanes read
    alike, and offered 前井胡同=后井胡同, which would have made two lanes' homes one. A name listed beside its short
    form (湖滨花园二期, 湖滨二期: a thirty-third trial listed the short one as an earlier stop advised) is still said."""
    apart = [(x, y) for x, y in zip(a, b) if x != y]
    return ({a, b} <= listed and len(a) == len(b) and len(apart) == 1
            and apart[0][0] in _PLACE_WORDS and apart[0][1] in _PLACE_WORDS)


def _starts_two(short: str, listed: set[str]) -> bool:
    """Is the name the start of two listed compounds' names (阳光家园 of 阳光家园一期 and 阳光家园二期), so that it can be
    an '=' name of neither (grid_aliases.compound_other_names refuses it twice)?"""
    return sum(1 for c in listed if c != short and c.startswith(short)) >= 2


def _ordered(a: str, b: str, listed: set[str]) -> tuple[str, str]:
    """The name grids.csv lists first (the other is the one to give after '='), else the longer."""
    if (a in listed) != (b in listed):
        return (a, b) if a in listed else (b, a)
    return (a, b) if len(a) >= len(b) else (b, a)
