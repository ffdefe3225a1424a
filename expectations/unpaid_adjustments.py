"""Adjustments HR approved for the month that no payroll line would pay. An adjustment is added to
the worker's line of the month, and a worker with no assigned day in the month has none (a leaver's
后补 bonus the month after leaving, or a worker whose assignment row is missing): the amount was
dropped without a word. Under the policy's gate.unpaid_adjustments = "stop" the month stops naming
each row; without the key the run says so (the rule before it)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class UnpaidAdjustment:
    source_file: str
    row_number: int
    worker: str                      # "王海燕 (W02)"
    amount: Decimal

    def __str__(self) -> str:
        return f"{self.source_file} row {self.row_number}: {self.amount} yuan for {self.worker}"


def unpaid_adjustments(con) -> list[UnpaidAdjustment]:
    """In the month just scored (the run's stg_* and fct_* tables), the adjustment rows of workers
    with no payroll line, in file and row order."""
    rows = con.execute("""
        select a.source_file, a.row_number, coalesce(w.name || ' (' || a.worker_id || ')', a.worker_id), a.amount_yuan
        from stg_adjustments a left join stg_workers w using (worker_id)
        where a.worker_id not in (select worker_id from fct_worker_scores)
        order by a.source_file, a.row_number""").fetchall()
    return [UnpaidAdjustment(*row) for row in rows]
