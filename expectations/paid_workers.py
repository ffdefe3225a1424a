"""A worker paid in the month before, to whom today's assignments.csv gives no day of that month nor of
this one: a date typed in the wrong year (a thirty-eighth trial's leaver, `2025-10-15` for `2026-10-15`,
was left off October's payroll, 771.48 yuan, exit 0), or a past month paid wrongly. A worker whose rows
were taken out of the file is a leaver HR tidied away, not this."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.core.month import Month
from gridpay.ingest.survey_stage import stage_connection


@dataclass(frozen=True)
class UnassignedPaid:
    worker_id: str
    paid_month: str
    days: int
    rows: tuple[tuple[str, int, str, str, str], ...]     # (file, row, grid, start, end) of today's file

    def __str__(self) -> str:
        rows = ", ".join(f"{f} row {r}: {g} from {s} to {e or '(open)'}" for f, r, g, s, e in self.rows[:3])
        return (f"{self.worker_id}, paid for {self.days} days of {self.paid_month}, is given no day of it or of the "
                f"month run ({rows}{' ...' if len(self.rows) > 3 else ''})")


def paid_workers_unassigned(workdir: Path, month: str, paid_month: str, paid: dict[str, int]) -> list[UnassignedPaid]:
    """The workers of `paid` (worker_id -> days paid in `paid_month`) whose every row of the staged
    assignments lies outside `paid_month` and `month` (a date that does not read counts as inside)."""
    if not paid:
        return []
    first, last = Month.parse(paid_month).first_day, Month.parse(month).last_day
    with stage_connection(workdir) as con:
        rows = con.execute("""
            select worker_id, source_file, row_number::integer, grid_id, start_date, end_date,
                   coalesce(try_cast(start_date as date) > ?::date
                            or try_cast(nullif(trim(end_date), '') as date) < ?::date, false) as outside
            from assignments where worker_id in (select unnest(?::varchar[]))
            order by worker_id, source_file, row_number""", [last, first, list(paid)]).fetchall()
    found: dict[str, list] = {}
    inside = set()
    for worker, file, row, grid, start, end, outside in rows:
        if outside:
            found.setdefault(worker, []).append((file, row, grid, start, end))
        else:
            inside.add(worker)
    return [UnassignedPaid(w, paid_month, paid[w], tuple(r)) for w, r in found.items() if w not in inside]
