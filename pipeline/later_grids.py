"""A month run with a later month's grids.csv: a grid nobody answered whose first worker in assignments.csv starts
after the month (a grid begun since). Trial 182's December, run with January's reference files, published a 公示
listing 金水七网格 (begun on 1 January) with 问卷不足, and 金水六网格 with January's 180 households for December's 300
(its response rate 23.33% for 14.00%), said only as a grid nobody answered or covered."""
from __future__ import annotations

import pandas as pd

from gridpay.core.month import Month
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.stop_messages import stop_line


def later_grids(ctx: RunContext) -> list[str]:
    """'name (id): ... from <day> (<worker>)' of each grid of grids.csv no answer of the month names, whose assignments
    all start after the month; never in an audit (it replays what was published)."""
    if ctx.request.replay is not None:
        return []
    grids = pd.read_parquet(ctx.workdir / "grids.parquet", columns=["grid_id", "grid_name"])
    rows = pd.read_parquet(ctx.workdir / "assignments.parquet", columns=["worker_id", "grid_id", "start_date"])
    with stage_connection(ctx.workdir) as con:
        answered = {g for (g,) in con.execute("select distinct grid_id from surveys where grid_id is not null").fetchall()}
    after = str(Month.parse(ctx.month).last_day)
    found = []
    for gid, name in zip(grids["grid_id"], grids["grid_name"]):
        own = rows[rows["grid_id"] == gid].dropna(subset=["start_date"]).sort_values("start_date")
        if gid not in answered and len(own) and str(own["start_date"].iloc[0]) > after:
            found.append(f"{name} ({gid}): no answer names it, and its first worker in assignments.csv, "
                         f"{own['worker_id'].iloc[0]}, starts on {own['start_date'].iloc[0]}")
    return found


def later_grids_message(ctx: RunContext, found: list[str]) -> str:
    return stop_line(ctx, "grids.csv lists a grid no answer names and no worker covers until after the month, as a "
                          "later month's grids.csv does (a grid begun since): the scorecard and the 公示 would list a "
                          "grid that was not yet, and the households grids.csv gives its neighbours then", found,
                     f"Run {ctx.month} with the grids.csv it had (without that grid, the others' households as they "
                     f"were then; a re-run of a published month: --reference published); if the grid was there in "
                     f"{ctx.month} with no worker and no answer, take it out of grids.csv for the month, and run again")
