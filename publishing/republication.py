"""When a month's documents were published, and which publication of the month they replace: a resident
reading the notice board and a worker holding two sheets of one month could not tell the corrected one
from the first (a fifty-second trial's two September sheets, 1410.00 and 1310.00 yuan, differed only in a
run id). Printed from output format 7 on; dates in the policy's time zone. The reason HR gave for the re-run
is not printed: it may name another worker or an amount, and these documents go to one worker and to the
notice board."""
from __future__ import annotations

import duckdb

from gridpay.transforms.review_window import local_day


def publication(con: duckdb.DuckDBPyConnection, run_id: str, month: str, zone: str) -> dict:
    """{'date': this run's day, 'replaces': {'date', 'run_id'} of the month's last publication before it, or None}."""
    started = con.execute("select started_at from runs where run_id = ?", [run_id]).fetchone()[0]
    before = con.execute("select run_id, finished_at from runs where month = ? and status = 'published' and "
                         "run_id <> ? and finished_at < ? order by finished_at desc limit 1",
                         [month, run_id, started]).fetchone()
    return {"date": local_day(started, zone).isoformat(),
            "replaces": {"run_id": before[0], "date": local_day(before[1], zone).isoformat()} if before else None}
