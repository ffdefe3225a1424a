"""Answers of a typed sheet whose name cell (姓名) is the name of a worker of the answer's grid in the month: her own
line, most likely (a WeChat group relay typed into a sheet: trial 174's two workers' own all-非常满意 lines counted, W3
+24.00, W5 +30.42, exit 0, nothing said). A relay carries no phone, so the self-rating rule cannot tell it. Said,
naming the rows, not set aside: a resident may share the worker's name (names repeat), and HR takes a worker's own
answer out as its own correction."""
from __future__ import annotations

import logging

from gridpay.core.month import Month
from gridpay.core.wording import listed
from gridpay.ingest.duckdb_reader import sql_text
from gridpay.ingest.named_workers import TABLE
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed

log = logging.getLogger("gridpay")
SHOWN = 10


def worker_named_answers(ctx: RunContext) -> list[tuple]:
    """(file, row, answer id, grid, worker id, worker name) of the month's answers in a worker's name, in her grid."""
    workers, assigned = ctx.workdir / "workers.parquet", ctx.workdir / "assignments.parquet"
    with stage_connection(ctx.workdir) as con:
        if not (workers.exists() and assigned.exists()) or not con.execute(
                "select 1 from duckdb_tables() where table_name = ?", [TABLE]).fetchone():
            return []
        first, last = str(Month.parse(ctx.month).first_day), str(Month.parse(ctx.month).last_day)
        return con.execute(f"""
            select distinct s.source_file, s.row_number, s.response_id, s.grid_id, n.worker_id, w.name
            from surveys s join {TABLE} n using (source_file, row_number)
            join read_parquet({sql_text(workers.as_posix())}) w on w.worker_id = n.worker_id
            join read_parquet({sql_text(assigned.as_posix())}) a on a.worker_id = n.worker_id and a.grid_id = s.grid_id
            where try_cast(a.start_date as date) <= ?::date
              and coalesce(try_cast(nullif(trim(a.end_date), '') as date), ?::date) >= ?::date
            order by all""", [last, last, first]).fetchall()


def say_worker_named_answers(ctx: RunContext) -> None:
    rows = worker_named_answers(ctx)
    if not rows:
        return
    shown = tuple(f"{file} row {row} (answer {rid}; {grid}: {name}, {worker})" for file, row, rid, grid, worker, name
                  in rows[:SHOWN])
    log.warning("%d answer%s of a typed sheet given in the name of a worker of its grid: %s%s. A sheet carries no phone "
                "to tell a worker's own answer by, so it counts: if it is hers (her own line of a WeChat group relay), "
                "take it out as HR's own correction (an upheld appeal in appeals.csv, worker_id blank, category other) "
                "and run again; a resident of the same name counts as it is", len(rows), "" if len(rows) == 1 else "s",
                listed(shown), " ..." if len(rows) > SHOWN else "", extra=headed("worker_named"))
