"""Each worker's adjustments of the month as HR typed them (amount, reason, approver), for the scorecard HR
signs, from output format 6 on: a forty-seventh trial's scorecard and sheet showed only 人工调整 500.00, so
whoever signed could not see it was a leaver's back pay paid under a reused id."""
from __future__ import annotations

import duckdb

from gridpay.publishing.outputs import fixed


def with_adjustment_lines(con: duckdb.DuckDBPyConnection, run_id: str, workers: list[dict]) -> None:
    """Sets each worker's `adjustment_lines` ([{amount, reason, approved_by}], in file order) where the run's
    output format shows them; earlier runs render as they did (no key)."""
    output_format, month = con.execute("select output_format, month from runs where run_id = ?", [run_id]).fetchone()
    if (output_format or 1) < 6:
        return
    lines: dict[str, list[dict]] = {}
    for worker, amount, reason, approved in con.execute(
            "select worker_id, cast(amount as decimal(12, 2)), reason, approved_by from raw_adjustments "
            "where run_id = ? and month = ? order by source_file, row_number", [run_id, month]).fetchall():
        # output format 18: with its sign, "+200.00 扣款..." (trial 114's 200.00 扣款 read as deducted, paid as added)
        shown = fixed(amount, 2) if output_format < 18 or amount <= 0 else "+" + fixed(amount, 2)
        lines.setdefault(worker, []).append({"amount": shown, "reason": reason or "", "approved_by": approved or ""})
    for w in workers:
        w["adjustment_lines"] = lines.get(w["worker_id"], [])
