"""An answer an upheld 非本网格 appeal counts in the grid its resident lives in (appeals.csv's resident_grid) is read as
a home of that grid: its door with the grid's compound read off its start (滨河小区9-1-102, named in the new 滨河雅苑
grid, is 滨河小区's 9栋1单元102), as that grid's own answers are read. Trial 201's re-check: moved, it kept its prefix
and counted beside the same home's own answer in its grid, one household twice (W03 1653.59 for 1655.29, exit 0)."""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from gridpay.ingest.compound_doors import door_after_compound
from gridpay.ingest.grid_aliases import listed_compounds
from gridpay.ingest.review_files import moving
from gridpay.ingest.survey_reading import survey_reading
from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.survey_values import compound_name

log = logging.getLogger("gridpay")


def place_moved_answers(workdir: Path, policy, month: str) -> None:
    """appeals.parquet's resident_household: the door of each of `month`'s moved answers as a home of its resident_grid
    (blank where the door does not start with a compound grids.csv lists for that grid, and on other months' appeals,
    whose answer ids this month's files may use for other answers: 问卷星's 序号 start from 1 on every form)."""
    path = workdir / "appeals.parquet"
    appeals = pd.read_parquet(path)
    appeals["resident_household"] = pd.Series(pd.NA, index=appeals.index, dtype="string")
    moved = appeals.index[moving(appeals, month)]
    if len(moved):
        listed = listed_compounds(pd.read_parquet(workdir / "grids.parquet"))
        reading = survey_reading(policy)
        with stage_connection(workdir) as con:
            rows = con.execute("select response_id, any_value(household_id), any_value(grid_id) from surveys where "
                               "response_id in (select unnest(?::varchar[])) group by response_id",
                               [list(appeals.loc[moved, "response_id"].dropna())]).fetchall()
        answers = {rid: (door, grid) for rid, door, grid in rows}
        by_compound, unkeyed = policy.review.moved_homes_by_compound, []
        for i in moved:
            door, grid = answers.get(rid := appeals.at[i, "response_id"], (None, None))
            home = _home_in(door, grid, target := appeals.at[i, "resident_grid"], listed, reading, by_compound)
            if home is not None:
                appeals.at[i, "resident_household"] = home
            if not by_compound and (keyed := _home_in(door, grid, target, listed, reading, True)) != home:
                unkeyed.append((rid, target, keyed))
        _say_unkeyed(workdir, unkeyed)
    appeals.to_parquet(path, index=False)


def _say_unkeyed(workdir: Path, unkeyed: list[tuple[str, str, str]]) -> None:
    """Under a policy before appeals.moved_homes_by_compound, a moved answer of a home that answered in its new grid
    too: counted twice there, said (trial 307's re-check: an older policy paid its October so, nothing said of it)."""
    with stage_connection(workdir) as con:
        twice = [(rid, grid, home, other) for rid, grid, home in unkeyed if home and (other := con.execute(
            "select min(response_id) from surveys where grid_id = ? and household_id = ?", [grid, home]).fetchone()[0])]
    for rid, grid, home, other in twice:
        log.warning("answer %s, moved into %s by HR's correction, is the home %s there, which answer %s gave too: this "
                    "policy counts them as two homes; appeals.moved_homes_by_compound = true (policy 2027.36) counts "
                    "one, the later: copy the key from the shipped policy into yours under a new version and run again",
                    rid, grid, home, other, extra={"notice": "policy"})


def _home_in(door: str | None, grid: str | None, resident_grid: str, listed: dict[str, tuple[str, ...]], reading,
             by_compound: bool) -> str | None:
    """The moved answer's home as its resident grid keys its own (survey_stage._household): the door alone in a grid of
    one compound, the compound and the door in a grid of several. With `by_compound` (appeals.moved_homes_by_compound,
    2027.36) the latter too, and a door alone from a grid of one compound the resident grid also lists is that
    compound's: trial 307's 和平新村 10栋1单元302, moved from 三网格 (one compound, homes by door) into 四网格 (two),
    counted beside the same home's own answer there (W04 1710.24 for 1764.63, exit 0)."""
    compounds = listed.get(resident_grid, ())
    found = [(c, v) for c in compounds if door and (v := door_after_compound(door, c, reading)) is not None]
    several = by_compound and reading.compound and len(compounds) > 1
    if found:
        compound, rest = found[0]
        return f"{compound_name(compound, reading.compound_suffix_dropped)} {rest}" if several else rest
    own = listed.get(grid, ())
    if several and door and " " not in door and len(own) == 1 and own[0] in compounds:
        return f"{compound_name(own[0], reading.compound_suffix_dropped)} {door}"
    return None
