"""grids.csv's optional `buildings` column: the buildings (楼栋) or village groups (组) of each grid, as the community
drew its grids (`1-12栋`, `锦华苑1-15栋; 锦华新村16-30栋`, `1-5组`), separated by ';'. Where a grid lists them, an answer
naming it with a door in a building grids.csv lists for another grid of its community only is a resident who chose the
wrong grid, or a paper form typed under the wrong one. Trial 234's volunteers typed 东园网格 for 东苑网格 by pinyin on
four complaints from 东苑's buildings: counted for 东园, W01 1874.70 for 1740.96, exit 0, grids.csv having no way to
say whose buildings they were."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.ingest.door_prefixes import answers_view
from gridpay.ingest.grid_aliases import listed_compound_names
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.folding import folded
from gridpay.transforms.grid_names import same_compound

_RANGE = r"(?P<{0}lo>\d+)(?:\s*[-~～—至到]\s*(?P<{0}hi>\d+))?"
# a building or a range, after a compound's name, with its units where a building is split (锦华苑7栋1-2单元)
_ENTRY = re.compile(rf"^(?P<compound>.*?[^\d\-~～—至到])?{_RANGE.format('')}\s*(?P<kind>栋|号楼|幢|座|组)?"
                    rf"(?:{_RANGE.format('u')}单元)?$")
_DOOR = re.compile(r"(?P<n>\d+)(?P<kind>栋|号楼|幢|座|组)(?:(?P<unit>\d+)单元)?")
_DASHED = re.compile(r"(?P<n>\d+)-(?P<unit>\d+)-\d+$")     # 3-1-402 after a name (和园小区3-1-402): building 3, unit 1
_SEPARATORS = re.compile(r"[;；,，、]")
COLUMNS = ("buildings", "楼栋", "所辖楼栋", "楼栋范围")      # its header in English or as HR heads it (trial 237: 楼栋)


def _kind(text: str | None) -> str | None:
    return None if not text else "组" if text == "组" else "栋"


@dataclass(frozen=True)
class Buildings:
    compound: str | None
    lo: int
    hi: int
    kind: str | None            # 栋 (号楼, 幢, 座) or 组; None: either
    units: tuple[int, int] | None = None     # a building split by unit: those of this grid

    def holds(self, door: Door) -> bool:
        return (self.lo <= door.number <= self.hi and (self.kind is None or self.kind == door.kind)
                and (self.compound is None or door.compound is None or same_compound(self.compound, door.compound))
                and (self.units is None or door.unit is None or self.units[0] <= door.unit <= self.units[1]))


@dataclass(frozen=True)
class Door:
    compound: str | None        # as the answer names it, or typed before the door (锦华新村3-1-101)
    number: int
    kind: str
    unit: int | None = None


def listed_buildings(grids: pd.DataFrame) -> dict[str, tuple[Buildings, ...]]:
    """grid_id -> the buildings its `buildings` cell lists (grids listing none left out). An entry that does not read
    as a number or a range of them (after a compound's name, with its units) stops the run (exit 2) naming the row."""
    column = next((c for c in COLUMNS if c in grids.columns), None)
    if column is None:
        return {}
    listed = {}
    for row in grids.itertuples(index=False):
        cell = getattr(row, column)
        parsed = []
        for entry in filter(None, (e.strip() for e in _SEPARATORS.split(cell if isinstance(cell, str) else ""))):
            found = _ENTRY.match(folded(entry).replace(" ", ""))      # 枫林苑7－12栋, typed full-width (trial 240)
            if not found or int(found["hi"] or found["lo"]) < int(found["lo"]):
                raise InputError(str(row.source_file), f"buildings '{entry}' is not a building or a range of them "
                                 f"(3栋, 1-12栋, 锦华苑1-15栋, 7栋1-2单元, 1-5组; separated by ';')",
                                 row=int(row.row_number), column=column)
            units = (int(found["ulo"]), int(found["uhi"] or found["ulo"])) if found["ulo"] else None
            parsed.append(Buildings(found["compound"] or None, int(found["lo"]), int(found["hi"] or found["lo"]),
                                    _kind(found["kind"]), units))
        if parsed:      # an entry without a compound in a grid of one listed compound is that compound's (trial 239)
            own = listed_compound_names(row.compounds) if "compounds" in grids.columns else ()
            listed[row.grid_id] = tuple(replace(b, compound=own[0]) if b.compound is None and len(own) == 1 else b
                                        for b in parsed)
    return listed


def door_building(household: str) -> Door | None:
    """The building of a staged household ('锦华苑 3栋2单元301', '3组15号', '锦华新村3-1-101'); None without one."""
    compound, _, door = household.rpartition(" ")
    found = _DOOR.search(door) or _DASHED.search(door)
    if found is None:
        return None
    typed = door[:found.start()].strip() or None        # a compound typed into the door itself, 小区 left blank
    return Door(compound or typed, int(found["n"]), _kind(found.groupdict().get("kind")) or "栋",
                int(found["unit"]) if found["unit"] else None)


def answer_door(household: str, named: str | None) -> Door | None:
    """An answer's door with the compound the answer names, where its home is its door alone (a grid of one compound:
    trial 239's 二期 answer 9 was said to be of both compounds' 7栋, and HR's correction to the wrong one passed unsaid)."""
    door = door_building(household)
    return replace(door, compound=named) if door is not None and door.compound is None and named else door


def other_grid_buildings(workdir: Path, month: str) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    """(grid, answer id, household, row, the grids listing its building) of each answer (not taken out by an upheld
    appeal) naming a grid that lists buildings, with a door in none of them; the grids of its community that list it
    (none: a building no grid lists, a door typed wrong or a list left short)."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    listed = listed_buildings(grids)
    if not listed:
        return []
    community = dict(zip(grids["grid_id"], grids["community"])) if "community" in grids.columns else {}
    with stage_connection(workdir) as con:
        answers_view(con, workdir, month)
        rows = con.execute("select grid_id, response_id::varchar, household_id, source_file || ' row ' || row_number, "
                           "compound from answers where grid_id in (select unnest(?::varchar[])) and household_id is "
                           "not null order by row_id", [list(listed)]).fetchall()
    found = []
    for grid, answer, household, where, named in rows:
        door = answer_door(household, named)
        # a village grid's door typed 3-15 is its 3组15号, not building 3 (trial 255's residents stopped the month as
        # doors of a building no grid lists; its re-check's neighbours typing 9-3, a group no grid lists, still stop)
        if door is not None and door.kind == "栋" and all(b.kind == "组" for b in listed[grid]):
            door = replace(door, kind="组", unit=None)
        if door is None or any(b.holds(door) for b in listed[grid]):
            continue
        owners = tuple(g for g, entries in listed.items() if g != grid and community.get(g) == community.get(grid)
                       and any(b.holds(door) for b in entries))
        found.append((grid, answer, household, where, owners))
    return found


def wrong_grid_in_own_buildings(workdir: Path, month: str) -> list[tuple[str, str, str, str]]:
    """(appeal id, answer id, grid, household) of each upheld 非本网格 appeal or HR correction of `month` whose answer
    gives a door in a building grids.csv lists for the grid the answer names: trial 249's correction typed 174 for 147
    took a resident's 不满意 out of 第二网格 (陈志强 1679.13 for 1666.70), and trial 241's 164 for 146 likewise."""
    path, grids = workdir / "appeals.parquet", pd.read_parquet(workdir / "grids.parquet")
    listed = listed_buildings(grids)
    if not listed or not path.is_file():
        return []
    appeals = pd.read_parquet(path, columns=["appeal_id", "month", "response_id", "category", "decision"])
    upheld = appeals[(appeals["month"] == month) & (appeals["category"] == "wrong_grid")
                     & (appeals["decision"] == "upheld")].dropna(subset=["response_id"])
    if upheld.empty:
        return []
    with stage_connection(workdir) as con:
        rows = con.execute("select response_id, grid_id, household_id, compound from surveys where household_id is not "
                           "null and response_id in (select unnest(?::varchar[]))", [list(upheld["response_id"])]
                           ).fetchall()
    answers = {row[0]: row[1:] for row in rows}
    found = []
    for appeal, answer in upheld[["appeal_id", "response_id"]].itertuples(index=False):
        if answer not in answers:
            continue
        grid, household, named = answers[answer]
        door = answer_door(household, named)
        if door is not None and grid in listed and any(b.holds(door) for b in listed[grid]):
            found.append((appeal, answer, grid, household))
    return found


def twin_compounds(workdir: Path, rows: list[tuple]) -> dict[str, str]:
    """answer id -> the compound of the grid it names that lists a building of its door's number too, of other_grid_
    buildings' rows whose door names another compound: 锦城苑 4栋 of 第二网格 beside 锦城花园 4栋 of 第一网格. Such an answer
    is a resident who chose the wrong grid, or one who chose the compound wrongly in its dropdown, the grid right (trial
    298's three 锦城苑 residents; the stop's advice followed moved them to 第一网格, W01 1732.32 for 1738.80, exit 0)."""
    listed = listed_buildings(pd.read_parquet(workdir / "grids.parquet"))
    twins = {}
    for grid, answer, household, _, _ in rows:
        door = door_building(household)
        if door is None or door.compound is None:
            continue
        own = next((b.compound for b in listed.get(grid, ()) if b.compound and not same_compound(b.compound, door.compound)
                    and b.holds(replace(door, compound=b.compound))), None)
        if own is not None:
            twins[answer] = own
    return twins
