"""Each worker's payroll row with the interval around their score, as the worker sheets and the HR scorecard print it."""
from __future__ import annotations

from decimal import Decimal

import duckdb

from gridpay.publishing.outputs import fixed, payroll_rows


def workers_with_interval(con: duckdb.DuckDBPyConnection, run_id: str, z: float) -> list[dict]:
    workers = payroll_rows(con, run_id)
    # format 9: around the kept score, as a grid's (a sixty-ninth trial's sheet: 49.13–60.03, its grid 49.13–60.02)
    kept = {wid: (se, score if fmt >= 9 else None) for wid, se, score, fmt in con.execute(
        "select worker_id, score_se, score, coalesce(output_format, 1) from worker_scores join runs using (run_id) "
        "where run_id = ?", [run_id]).fetchall()}
    for w in workers:
        s, score = kept.get(w["worker_id"], (None, None))
        if w["score"] and s is not None:
            score = score if score is not None else Decimal(w["score"])
            w["score_ci"] = f"{fixed(max(score - Decimal(z) * s, Decimal(0)), 2)}–{fixed(min(score + Decimal(z) * s, Decimal(100)), 2)}"
        else:
            w["score_ci"] = ""
    return workers
