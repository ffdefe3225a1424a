"""An answer giving no phone, from a home a worker's own rating of its grid came from in a published month. A
phone unread or left empty escapes the self-rating check: a hundred-and-fifth trial's office PC saved two phones as
1.38E+10, the stop said to type them again, HR blanked them instead, and the worker's own all-5 form, from the home
her rating of October came from, counted (W3 +45.28, exit 0, nothing said). Said, naming the rows, not stopped:
a worker's relatives answer from her home too, and a paper form often gives no phone."""
from __future__ import annotations

import logging

from gridpay.core.wording import listed
from gridpay.ingest.duckdb_reader import sql_text
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")
SHOWN = 10      # rows named in the line


def self_rating_homes(ctx: RunContext) -> list[tuple[str, str, str]]:
    """(grid, home, month) of each worker's own rating a month published before this one set aside (rule
    self_rating): not this month's own run, so that its re-run and audit say what its first run said (trial 128's
    audit alone named a row)."""
    if not ctx.settings.db.exists():
        return []
    with connect(ctx.settings.db) as con:
        return con.execute("select distinct s.grid_id, s.household_id, p.month from published p "
                           "join quarantine q on q.run_id = p.run_id and q.reason_code = 'self_rating' "
                           "join raw_surveys s on s.run_id = q.run_id and s.source_file = q.source_file "
                           "and s.row_number = q.row_number where s.household_id is not null and p.month < ? "
                           "order by all", [ctx.month]).fetchall()


def say_self_rating_homes(ctx: RunContext) -> None:
    """Warn of the month's answers giving no phone from a home a worker's own rating came from before, or in this
    month (an answer of it giving a worker's phone)."""
    homes = self_rating_homes(ctx)
    workers, assigned = ctx.workdir / "workers.parquet", ctx.workdir / "assignments.parquet"
    with stage_connection(ctx.workdir) as con:
        con.execute("create or replace temp table self_rating_homes (grid_id varchar, household_id varchar, "
                    "month varchar)")
        if homes:
            con.executemany("insert into self_rating_homes values (?, ?, ?)", homes)
        if workers.exists() and assigned.exists():      # a worker's phone answering for a grid she works
            con.execute(f"insert into self_rating_homes select distinct s.grid_id, s.household_id, ? from surveys s "
                        f"join read_parquet({sql_text(workers.as_posix())}) w on w.phone_hash = s.respondent_phone_hash "
                        f"join read_parquet({sql_text(assigned.as_posix())}) a on a.worker_id = w.worker_id "
                        f"and a.grid_id = s.grid_id where s.household_id is not null", [ctx.month])
        rows = con.execute("select s.source_file, s.row_number, s.grid_id, s.household_id, min(h.month) "
                           "from surveys s join self_rating_homes h using (grid_id, household_id) "
                           "where s.respondent_phone_hash is null group by all order by all").fetchall()
    if not rows:
        return
    # the month of the worker's rating, not of the answer (trial 130 read a November row dated 2026-10)
    shown = tuple(f"{file} row {row} ({grid} {home}: the worker's rating of {month})"
                  for file, row, grid, home, month in rows[:SHOWN])
    log.warning("%d answer%s giving no phone from a home a worker's own rating of its grid came from in a published "
                "month or this one: %s%s. Without a phone the self-rating rule cannot check it, so it counts: type "
                "its phone from the paper form if it gives one; if the form is the worker's own, take it out as HR's "
                "own correction (an upheld appeal in appeals.csv, worker_id blank, category other) and run again",
                len(rows), "" if len(rows) == 1 else "s", listed(shown), " ..." if len(rows) > SHOWN else "",
                extra=headed("self_rating"))
