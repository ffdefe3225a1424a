"""adjustments.csv rows dated to a month after the run's for a worker today's assignments.csv gives no day in it: no
run pays them (a month's payroll pays its workers with days). Trial 292 spread a leaver's deduction over months as the
negative-total stop advised, the rest dated December, where she had no day: November published without a word, and
only December's run stopped on it. Said by the run of the month before."""
from __future__ import annotations

import logging

import pandas as pd

from gridpay.core.month import Month
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.transforms.parsing import normalized_date

log = logging.getLogger("gridpay")


def say_adjustments_beyond_days(ctx: RunContext) -> None:
    if ctx.request.replay is not None:
        return
    adjustments = pd.read_parquet(ctx.workdir / "adjustments.parquet")
    later = adjustments[adjustments["month"].fillna("").map(lambda m: _after(m, ctx.month))]
    if later.empty:
        return
    rows = pd.read_parquet(ctx.workdir / "assignments.parquet", columns=["worker_id", "start_date", "end_date"])
    spans = [(w, normalized_date(s), normalized_date(e) if isinstance(e, str) and e.strip() else None)
             for w, s, e in rows.itertuples(index=False)]
    for row in later.itertuples(index=False):
        month = Month.parse(row.month)
        if any(w == row.worker_id and (s is None or s <= month.last_day.isoformat())
               and (e is None or e >= month.first_day.isoformat()) for w, s, e in spans):
            continue
        log.warning("adjustments.csv row %s gives %s %s for %s, a month assignments.csv gives that worker no day in: "
                    "no run pays it (a month's payroll pays its workers with days); if the money is owed (a deduction "
                    "spread over the months after a worker left), settle it outside gridpay and take its row out",
                    row.row_number, row.worker_id, row.amount, row.month, extra=headed("pay_inputs"))


def _after(text: str, month: str) -> bool:
    """Is `text` a month (core/month.py's reading: 2026-13 is none, validation's to name) after `month`?"""
    try:
        return str(Month.parse(text)) > month
    except ValueError:
        return False
