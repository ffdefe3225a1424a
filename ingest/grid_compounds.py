"""grids.csv's optional `compounds` column: the compounds (小区) a grid spans, separated by ';' or
'；'. Door numbers repeat from compound to compound (锦绣花园 7栋1单元101 and 新河小区 7栋1单元101),
so in a grid spanning two, two homes with one door number are one household under "one household,
one voice" unless the answers name their compound. Where the form asks it (a `compound` column,
小区 in a sheet, the policy's survey.questions.compound in a platform download) and the policy's
survey.household_compound is true, the compound is part of the household (ingest/survey_stage.py).
Answers that name no compound cannot be told apart: the run says so, naming the grid and the door
numbers answered more than once among them, so that HR checks them (and asks the compound next month)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gridpay.ingest.door_prefixes import SET_ASIDE, answers_view
from gridpay.ingest.grid_aliases import listed_compounds, listed_names
from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.survey_values import compound_name
from gridpay.transforms.grid_names import compounds_read_alike
from gridpay.transforms.privacy import regex_masked_sql

SHOWN = 3        # repeated door numbers named per grid; the rest are counted


@dataclass(frozen=True)
class MixedCompounds:
    grid_id: str
    grid_name: str
    compounds: tuple[str, ...]
    repeated_doors: int              # door numbers answered more than once, by at least one answer naming no compound
    unnamed: int                     # the grid's answers naming no compound
    named: int                       # ... and naming one
    unlisted: tuple[tuple[str, int], ...] = ()   # compounds answers name that grids.csv does not list, with their rows
    # the first repeated door numbers (masked), their answers (id, the compound each names or None)
    shown: tuple[tuple[str, tuple[tuple[str, str | None], ...]], ...] = ()

    def lines(self) -> list[str]:
        grid = f"{self.grid_name} ({self.grid_id})"
        said = []
        if self.unnamed and self.repeated_doors:     # none repeated: no home of it can have counted twice
            answers = f"{self.unnamed} of its answers name" if self.named else "the survey files name"
            doors = f"{self.repeated_doors} door number{'s' if self.repeated_doors != 1 else ''}"
            shown = "; ".join(f"'{door}' (answers {', '.join(_answers(ids))})" for door, ids in self.shown)
            more = f" and {self.repeated_doors - len(self.shown)} more" if self.repeated_doors > len(self.shown) else ""
            # some answers name their compound: one left blank is a household beside the named one, none set aside
            check = (f"check each answer's compound (the paper form, or a call) and fill it in the sheet HR types, "
                     f"or, in a platform's download (never edited), {SET_ASIDE}; and run again" if self.named else
                     "check them (quarantine.csv lists the answers set aside as duplicate_household), and ask the "
                     "compound on the form (the policy's survey.questions.compound, with survey.household_compound "
                     "= true); where the form asks it in other words (您家所在的胡同: trial 160's), set "
                     "survey.questions.compound to a text of that question's header, with a new version, and run "
                     "again")
            # ... two answers naming none are one household, the older set aside: where they are two homes, only a
            # typed copy naming its compound counts it (trial 153's two 2-1-201 were told to set aside the one already so)
            both = [door for door, ids in self.shown if sum(compound is None for _, compound in ids) > 1]
            check += (f"; where answers naming none are two homes ({', '.join(repr(d) for d in both)}), the older was "
                      f"set aside as the same household (quarantine.csv, duplicate_household): type it into the sheet "
                      f"HR types with its compound, dated when it was given, under an id of its own, and run again"
                      if both and self.named else "")
            said.append(f"{grid} spans {len(self.compounds)} compounds in grids.csv ({', '.join(self.compounds)}) "
                        f"and {answers} no compound: {doors} answered more than once by such answers cannot be told "
                        f"apart (two homes counted once, or one home twice): {shown}{more}; {check}")
        named = ", ".join(f"'{name}' on {rows} row{'s' if rows != 1 else ''}" for name, rows in self.unlisted)
        if self.unlisted and all(name.isdigit() for name, _ in self.unlisted):
            # 问卷星's 按序号 export gives the compound question's option number (a thirty-first trial was told
            # to add 1 to 4 to grids.csv as compounds)
            said.append(f"{grid}: answers name the compound by a number ({named}): a codes export (按序号) gives the "
                        f"compound question's option number, not its name; each number counts as a compound of its "
                        f"own, so a home also answered in a text download or a typed sheet counts twice: download the "
                        f"text export (按文本) instead")
        elif self.unlisted and len(self.compounds) == 1:    # read as the one compound's homes: door numbers alone
            said.append(f"{grid}: answers name compounds grids.csv does not list for it ({named}); as grids.csv lists "
                        f"{self.compounds[0]} alone for it, they are read as {self.compounds[0]}'s homes, by door "
                        f"number alone, so one door number in two of them counts as one home: if the grid spans "
                        f"them (a village, a 二期), list each in grids.csv's compounds column and run again")
        elif self.unlisted:
            alike = [(c, u) for u, _ in self.unlisted for c in self.compounds if compounds_read_alike(u, c)]
            form = (f"{alike[0][0]}={alike[0][1]}: '{alike[0][1]}' reads like {alike[0][0]}" if alike else
                    f"{self.compounds[0]}=<the other name>")
            said.append(f"{grid}: answers name compounds grids.csv does not list for it ({named}); each counts as a "
                        f"home of that compound, so a compound typed another way may count one home twice: check "
                        f"those answers in the survey file; a compound the grid does span goes into grids.csv's "
                        f"compounds, and another name of a listed one after its name and '=' ({form}), so that its "
                        f"homes are that compound's, not a compound of their own")
        return said


def _answers(ids: tuple[tuple[str, str | None], ...]) -> list[str]:
    """'79 in 南湖家园二期', 'P22 naming none': which of a door number's answers name a compound (a trial read
    'answers 79, 80, P22 name no compound' where two did)."""
    return [f"{rid} in {compound}" if compound else f"{rid} naming none" for rid, compound in ids]


@dataclass(frozen=True)
class OtherGridsCompound:
    """Answers to a grid naming a compound grids.csv lists under other grids, not under it: an alias
    given to the wrong grid (a field trial's renamed grid's old name, added to the grid the "did you
    mean" offered first, paid its answers to that grid's worker, exit 0), or a compound grids.csv
    misses for the grid."""
    grid_id: str
    grid_name: str
    compound: str
    rows: int
    owners: tuple[str, ...]          # "柏树湾网格 (S04)": the grids that list the compound
    aliases: tuple[str, ...] = ()    # the grid's aliases in grids.csv, any of which may be the owner's name
    owner_ids: tuple[str, ...] = ()  # the owners' grid ids
    taken: bool = False              # narrowed to the one owner that took the compound over (ingest/compound_grids.py)
    lists_none: bool = False         # grids.csv lists no compound for the grid named
    ids: tuple[str, ...] = ()        # their response ids, for the appeal the line advises (trial 115: none given)
    in_door: bool = False            # named at the start of the door number (ingest/door_compounds.py), not as 小区
    written: str = ""                # the compound as grids.csv writes it (滨河小区, read as 滨河: trial 201's "name 滨河")

    def __str__(self) -> str:
        alias = (f"; if they answered by an alias grids.csv gives {self.grid_id} ({', '.join(self.aliases)}), that "
                 f"name may be {' or '.join(self.owners)}'s" if self.aliases else "")
        ids = (f" (answer{'s' if len(self.ids) > 1 else ''} {', '.join(self.ids)}"
               f"{' ...' if self.rows > len(self.ids) else ''})" if self.ids else "")
        return (f"{self.rows} answer{'s' if self.rows != 1 else ''} to {self.grid_name} ({self.grid_id}) name "
                f"{self.written or self.compound}{' in the door number' if self.in_door else ''}, a compound grids.csv lists under {' and '.join(self.owners)}, not under "
                f"{self.grid_id}{alias}{ids}")


def grid_compound_rows(grids: pd.DataFrame, suffix_dropped: bool = False) -> pd.DataFrame:
    """(grid_id, compound) for each compound grids.csv lists, as answers name it, and (grid_id, null) for a grid
    it lists none for: the warehouse keeps each run's (raw_grid_compounds), so that a pooled window knows which
    compound a month's door-only home was, and which months it does not know (runs before the record)."""
    listed = listed_as_named(grids, suffix_dropped)
    rows = sorted({(gid, name) for gid in grids["grid_id"].dropna() for name in (listed.get(gid) or {None})},
                  key=lambda r: (r[0], r[1] or ""))
    return pd.DataFrame(rows, columns=["grid_id", "compound"], dtype="string")


def listed_as_named(grids: pd.DataFrame, suffix_dropped: bool = False) -> dict[str, set[str]]:
    """grid_id -> its compounds as answers name them (compound_name), for each grid grids.csv lists some of."""
    return {gid: {compound_name(n, suffix_dropped) for n in names} for gid, names in listed_compounds(grids).items()}


def other_grids_compounds(workdir: Path, suffix_dropped: bool = False, unlisted: bool = False,
                          month: str | None = None) -> list[OtherGridsCompound]:
    """(grid, compound) pairs of the staged answers (but those an upheld appeal of `month` takes out: trial 89's
    scorecard still said of one that an appeal would take it out) where the grid lists compounds in grids.csv (or,
    with `unlisted`, any grid), not that one, and other grids list it, most rows first."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    listed = listed_as_named(grids, suffix_dropped)
    owners: dict[str, list[str]] = {}
    for gid, names in listed.items():
        for name in names:
            owners.setdefault(name, []).append(gid)
    if len(listed) < (1 if unlisted else 2):
        return []
    known = set(grids["grid_id"])       # a grid grids.csv lacks is an invalid row's (trial 165: KeyError '不清楚')
    with stage_connection(workdir) as con:
        answers_view(con, workdir, month)
        named = [(gid, compound, rows) for gid, compound, rows in con.execute(
            "select grid_id, compound, count(*) as n from answers where compound is not null group by all "
            "order by n desc, grid_id, compound").fetchall()
            if (gid in listed or (unlisted and gid in known)) and compound not in listed.get(gid, ()) and compound in owners]
        # the ids of those pairs only, in one pass (a 10M-answer month's are nearly all of a grid's own compounds)
        ids = _pair_ids(con, [(gid, compound) for gid, compound, _ in named[:20]]) if named else {}
    labels = {row.grid_id: f"{row.grid_name} ({row.grid_id})" for row in grids.itertuples(index=False)}
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    written = {compound_name(n, suffix_dropped): n for ns in listed_compounds(grids).values() for n in ns}
    aliases = ({row.grid_id: listed_names(row.aliases) for row in grids.itertuples(index=False)}
               if "aliases" in grids.columns else {})
    return [OtherGridsCompound(gid, names[gid], compound, rows, tuple(labels[o] for o in owners[compound]),
                               aliases.get(gid, ()), tuple(owners[compound]), lists_none=gid not in listed,
                               ids=tuple(ids.get((gid, compound), ())), written=written.get(compound, ""))
            for gid, compound, rows in named]


def _pair_ids(con, pairs: list[tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
    """(grid, compound) -> the first ten response ids (masked as identifiers are) of the staged answers of each pair."""
    con.execute("create or replace temp table said_pairs (grid_id varchar, compound varchar)")
    con.executemany("insert into said_pairs values (?, ?)", pairs)
    return {(gid, compound): found for gid, compound, found in con.execute(
        f"select grid_id, compound, list(coalesce({regex_masked_sql('response_id')}, '?') order by row_id)[1:10] "
        f"from answers join said_pairs using (grid_id, compound) group by all").fetchall()}


def spanning_grids(grids: pd.DataFrame) -> dict[str, tuple[str, tuple[str, ...]]]:
    """grid_id -> (grid_name, its compounds) for the grids that grids.csv gives more than one compound."""
    name_of = dict(zip(grids["grid_id"], grids["grid_name"]))
    return {gid: (name_of[gid], names) for gid, names in listed_compounds(grids).items() if len(names) > 1}


def one_compound_grids(grids: pd.DataFrame) -> dict[str, str]:
    """grid_id -> compound of the grids grids.csv lists with exactly one compound: their homes are that
    compound's."""
    return {gid: names[0] for gid, names in listed_compounds(grids).items() if len(names) == 1}


def alias_one_compound_grids(workdir: Path, policy) -> dict[str, str]:
    """The one-compound grids whose answers by an alias also take the door number alone as the
    household, where the policy says so (survey.one_compound_aliases; before it, none)."""
    if not (policy.one_compound_aliases and policy.one_compound_grids and policy.household_compound):
        return {}
    return one_compound_grids(pd.read_parquet(workdir / "grids.parquet"))


def mixed_compounds(workdir: Path, suffix_dropped: bool = False, month: str | None = None,
                    unlisted_said: bool = True) -> list[MixedCompounds]:
    """Grids that grids.csv gives compounds whose answers this month do not all name one of them:
    answers naming no compound in a grid of several (with the door numbers answered more than once
    where one of the answers names none) and answers naming a compound grids.csv does not list for
    the grid, in a grid of one compound too (a twentieth trial's 金桥花园一期 and 二期, and a village
    grids.csv left out, were read as the listed compound's homes: two homes of one door number
    counted once). The staged survey rows, before validation's verdict, but those an upheld appeal of
    `month` takes out. Without `unlisted_said`, compounds grids.csv lists for no grid are left out (the
    policy stops on them: pipeline/file_stops.py)."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    name_of = dict(zip(grids["grid_id"], grids["grid_name"]))
    # a grid of one compound too: answers naming another (a phase, a village) are read as its homes
    spanning = spanning_grids(grids) | {gid: (name_of[gid], (c,)) for gid, c in one_compound_grids(grids).items()}
    if not spanning:
        return []
    grid_ids = f"grid_id in ({', '.join('?' for _ in spanning)})"
    # a named answer's household is '<compound> <door>': its door number is what follows the compound
    door = "case when compound is not null then substr(household_id, length(compound) + 2) else household_id end"
    with stage_connection(workdir) as con:
        answers_view(con, workdir, month)
        counts = {gid: (unnamed, named) for gid, unnamed, named in con.execute(
            f"select grid_id, count(*) filter (where compound is null), count(compound) from answers where {grid_ids} "
            "group by grid_id", list(spanning)).fetchall()}
        repeated = {gid: (n, doors) for gid, n, doors in con.execute(
            f"select grid_id, count(*), list(({regex_masked_sql('door')}, ids) order by door)[1:{SHOWN}] from ("
            f"select grid_id, {door} as door, list((response_id, compound) order by response_id) as ids from answers "
            f"where {grid_ids} and household_id is not null group by grid_id, door "
            "having count(*) > 1 and count(*) > count(compound)) group by grid_id", list(spanning)).fetchall()}
        named = con.execute(f"select grid_id, compound, count(*) from answers where {grid_ids} and compound is not null "
                            "group by all order by grid_id, compound", list(spanning)).fetchall()
    listed = listed_as_named(grids, suffix_dropped)
    elsewhere = set().union(*listed.values())       # another grid's compound: other_grids_compounds says it
    unlisted: dict[str, list[tuple[str, int]]] = {}
    for gid, compound, rows in named:
        if compound not in listed[gid] and compound not in elsewhere and unlisted_said:
            unlisted.setdefault(gid, []).append((compound, rows))
    found = []
    for gid, (name, names) in spanning.items():
        unnamed, named_rows = counts.get(gid, (0, 0)) if len(names) > 1 else (0, 0)     # one compound: its homes
        if unnamed or gid in unlisted:
            doors, shown = repeated.get(gid, (0, []))
            found.append(MixedCompounds(gid, name, names, doors, unnamed, named_rows, tuple(unlisted.get(gid, ())),
                                        tuple((door, tuple(tuple(i) for i in ids)) for door, ids in shown)))
    return found
