"""Answers to a grid that lists its compounds (小区) in grids.csv naming a compound no grid lists: a
neighbouring community's download renamed, so that its name no longer says whose it is (an eighty-sixth
trial's 桃源社区 file, holding only its 滨河网格's answers, a grid name both communities have, was paid to
our 滨河网格's worker: 1733.83 for 1684.54, exit 0, with one console line), a compound grids.csv misses, or
one typed another way in a sheet. Which it is, only HR can say; until then the month is not paid."""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gridpay.ingest.door_prefixes import answers_view
from gridpay.ingest.grid_compounds import listed_as_named
from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.unknown_grid_answers import says_not_known
from gridpay.transforms.grid_names import compounds_read_alike, numbers_written_apart


@dataclass(frozen=True)
class UnlistedCompound:
    file: str
    grid: str            # '滨河网格 (G07)'
    compound: str        # as the answers name it
    rows: int
    hint: str = ""       # what it may be of a listed compound, said after it

    def __str__(self) -> str:
        said = f"{self.file}: {self.rows} answer{'s' if self.rows != 1 else ''} to {self.grid} name '{self.compound}'"
        return f"{said} ({self.hint})" if self.hint else said


NAMES_SHOWN = 12   # unlisted compound names said with their answers; the rest by name


def said_by_compound(found: list[UnlistedCompound]) -> str:
    """Each compound name once, its answers by grid and file, the hint of its most answered grid: trial 166's 22
    (file, grid, name) entries ended in 'and 17 more', which the clerk could find nowhere."""
    names: dict[str, list] = {}
    for entry in found:
        names.setdefault(entry.compound, []).append(entry)
    said = []
    for compound, entries in list(names.items())[:NAMES_SHOWN]:
        rows = sum(e.rows for e in entries)
        by_grid: dict[str, int] = {}        # a grid's answers in each file summed (the re-check read G6 twice)
        for e in entries:
            by_grid[e.grid] = by_grid.get(e.grid, 0) + e.rows
        grids = ", ".join(f"{n} to {grid}" for grid, n in sorted(by_grid.items(), key=lambda g: -g[1]))
        files = ", ".join(dict.fromkeys(e.file for e in entries))
        hint = f" ({entries[0].hint})" if entries[0].hint else ""
        said.append(f"'{compound}' on {rows} answer{'s' if rows != 1 else ''} ({grids}; in {files}){hint}")
    rest = list(names)[NAMES_SHOWN:]
    more = (f"; and {len(rest)} more names on {sum(e.rows for n in rest for e in names[n])} answers "
            f"({', '.join(repr(n) for n in rest)})" if rest else "")
    return "; ".join(said) + more


def compound_hint(name: str, listed: list[str], own: Collection[str] = ()) -> str:
    """What an unlisted compound may be of a listed one, the answer's grid's own compounds (`own`) first: a typing of
    it (翠竹院, 翠竹苑: write 翠竹苑=翠竹院), a part holding its name (翠竹苑二期): a trial-88 clerk listed both as
    compounds of their own, as the stop's either-or offered, and one home answering under both names counted twice
    (+32.48 yuan, exit 0); or the start of its name (阳光家园 for 阳光家园二期): trial 166's 阳光家园, the start of two
    phases' names, was said to read like 阳光花园, a compound across the road, and the clerk who wrote it so had the
    phases' answers stopped as 阳光花园's. A 'don't know' (不知道) is none of them (trial 279)."""
    if says_not_known(name):     # trial 279: no way out offered fitted 不知道, and listed as a compound it paid wrong
        return (f"a resident's 'don't know', no compound's name: to count such answers as naming none, as if left "
                f"blank, add '{name}' to blank_answers in the [survey.platforms] table of your policy that reads the "
                f"download (问卷星's, 金数据's, ...: keep the table's own blank texts; a new version); never list it as "
                f"a compound (its doors would be homes apart from the grid's)")
    ordered = [c for c in listed if c in own] + [c for c in listed if c not in own]
    starts = [c for c in ordered if len(name) >= 2 and c != name and c.startswith(name) and not compounds_read_alike(name, c)]
    if len(starts) > 1:
        return (f"the start of {' and '.join(starts)}, compounds of their own: an other name after '=' can be one "
                f"compound's only; where their residents all write it, list '{name}' as a compound of its own under "
                f"each grid whose answers name it (a door answered under both names in a grid is then said), and ask "
                f"the compound as a choice (单选) on the form")
    if starts:
        return f"the start of {starts[0]}: if it is a short name of it, write {starts[0]}={name}"
    alike = next((c for c in ordered if compounds_read_alike(name, c) or numbers_written_apart(name, c)), None)
    if alike:
        return f"reads like {alike}: a typing of it is written {alike}={name}"
    part = next((c for c in sorted(ordered, key=len, reverse=True) if len(c) >= 2 and name.startswith(c)), None)
    if part:
        return (f"holds the name of {part}: if its door numbers are {part}'s own, write {part}={name}; only if they "
                f"repeat {part}'s (buildings numbered again) is it a compound of its own")
    # ... or begins as one does, an old or short name of it (trial 153's 二中宿舍 for 二中家属院 got no hint at all)
    begins = [c for c in ordered if len(c) >= 2 and not c[:2].isdigit() and name[:2] == c[:2]]
    if len(begins) == 1:
        return f"begins as {begins[0]} does: if it is another name of it (an old or short name), write {begins[0]}={name}"
    return ""


def unlisted_compounds(workdir: Path, suffix_dropped: bool = False, month: str | None = None) -> list[UnlistedCompound]:
    """(file, grid, compound) of the staged answers (but those an upheld appeal of `month` takes out) to grids
    grids.csv lists compounds for, naming a compound it lists for no grid, most rows first."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    listed = listed_as_named(grids, suffix_dropped)
    if not listed:                  # a community listing no compound: answers' compounds are not checked
        return []
    known = sorted(set().union(*listed.values()))
    with stage_connection(workdir) as con:
        answers_view(con, workdir, month)
        found = con.execute(
            "select source_file, grid_id, compound, count(*) as n from answers where compound is not null "
            "and list_contains($grids, grid_id) and not list_contains($known, compound) "
            "group by all order by n desc, source_file, grid_id, compound",
            {"grids": sorted(listed), "known": known}).fetchall()
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    return [UnlistedCompound(file, f"{names.get(gid) or gid} ({gid})", compound, n,
                             compound_hint(compound, known, listed.get(gid, ())))
            for file, gid, compound, n in found]
