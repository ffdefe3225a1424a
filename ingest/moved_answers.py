"""An answer an upheld 非本网格 appeal counts in the grid its resident lives in (appeals.csv's resident_grid) is read as
a home of that grid: its door with the grid's compound read off its start (滨河小区9-1-102, named in the new 滨河雅苑
grid, is 滨河小区's 9栋1单元102), as that grid's own answers are read. Trial 201's re-check: moved, it kept its prefix
and counted beside the same home's own answer in its grid, one household twice (W03 1653.59 for 1655.29, exit 0)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from gridpay.ingest.compound_doors import door_after_compound
from gridpay.ingest.grid_aliases import listed_compounds
from gridpay.ingest.review_files import moving
from gridpay.ingest.survey_reading import survey_reading
from gridpay.ingest.survey_stage import stage_connection


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
            doors = dict(con.execute("select response_id, any_value(household_id) from surveys where response_id in "
                                     "(select unnest(?::varchar[])) group by response_id",
                                     [list(appeals.loc[moved, "response_id"].dropna())]).fetchall())
        for i in moved:
            door = doors.get(appeals.at[i, "response_id"])
            found = [v for c in listed.get(appeals.at[i, "resident_grid"], ())
                     if door and (v := door_after_compound(door, c, reading)) is not None]
            if found:
                appeals.at[i, "resident_household"] = found[0]
    appeals.to_parquet(path, index=False)
