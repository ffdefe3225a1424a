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
    # format 13: a worker of one grid prints that grid's interval (trial 84: W09 56.51–60.43 beside his one grid's
    # 56.51–60.44: his score is the grid's as printed, 58.47, the grid's interval around its kept 58.4749)
    # format 16: so too a worker of several grids only one of which is scored (trial 99: W05 53.94–63.36 beside her
    # one scored grid's 53.95–63.36; her other grid, too few answers, paid at the neutral coefficient)
    alone = dict(((wid, (low, high)) for wid, low, high in con.execute(
        "with d as (select d.worker_id, d.grid_id, g.adjusted_ci_low as low, g.adjusted_ci_high as high, "
        "           r.output_format as fmt, count(distinct d.grid_id) over (partition by d.worker_id) = 1 "
        "           or not coalesce(g.is_insufficient, false) as kept from worker_grid_days d "
        "           join grid_scores g using (run_id, grid_id) join runs r using (run_id) "
        "           where d.run_id = ? and r.output_format >= 13) "
        "select worker_id, any_value(low) filter (where kept), any_value(high) filter (where kept) from d "
        "group by worker_id having count(distinct grid_id) = 1 "
        "or (any_value(fmt) >= 16 and count(distinct grid_id) filter (where kept) = 1)", [run_id]).fetchall()))
    for w in workers:
        s, score = kept.get(w["worker_id"], (None, None))
        if w["score"] and alone.get(w["worker_id"], (None,))[0] is not None:
            low, high = alone[w["worker_id"]]
            w["score_ci"] = f"{fixed(low, 2)}–{fixed(high, 2)}"
        elif w["score"] and s is not None:
            score = score if score is not None else Decimal(w["score"])
            w["score_ci"] = f"{fixed(max(score - Decimal(z) * s, Decimal(0)), 2)}–{fixed(min(score + Decimal(z) * s, Decimal(100)), 2)}"
        else:
            w["score_ci"] = ""
    return workers
