"""A worker paid in the month before, to whom today's assignments.csv gives no day of the month run and fewer
days of that month than were paid: a date typed in the wrong year or month (a thirty-eighth trial's leaver,
`2025-10-15` for `2026-10-15`, was left off October's payroll, 771.48 yuan, exit 0; a forty-fourth trial's
`2026-10-15` for `2026-11-15`, paid for all of October, was left off November's, 722.07 yuan), or a past month
paid wrongly. A worker whose rows were taken out of the file is a leaver HR tidied away, not this."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from gridpay.core.month import Month
from gridpay.ingest.survey_stage import stage_connection


@dataclass(frozen=True)
class UnassignedPaid:
    worker_id: str
    paid_month: str
    days: int
    rows: tuple[tuple[str, int, str, str, str], ...]     # (file, row, grid, start, end) of today's file
    given: int = 0                                       # days of paid_month today's file gives

    def __str__(self) -> str:
        rows = ", ".join(f"{f} row {r}: {g} from {s} to {e or '(open)'}" for f, r, g, s, e in self.rows[:3])
        given = "no day of it" if not self.given else f"{self.given} days of it"
        return (f"{self.worker_id}, paid for {self.days} days of {self.paid_month}, is given {given} and none of the "
                f"month run ({rows}{' ...' if len(self.rows) > 3 else ''})")


def paid_workers_unassigned(workdir: Path, month: str, paid_month: str, paid: dict[str, int]) -> list[UnassignedPaid]:
    """The workers of `paid` (worker_id -> days paid in `paid_month`) whose staged assignment rows give no day
    of `month` and fewer days of `paid_month` than were paid (a date that does not read gives every day)."""
    if not paid:
        return []
    before, now = Month.parse(paid_month), Month.parse(month)
    with stage_connection(workdir) as con:
        rows = con.execute("""
            select worker_id, source_file, row_number::integer, grid_id, start_date, end_date,
                   try_cast(start_date as date), try_cast(nullif(trim(coalesce(end_date, '')), '') as date),
                   nullif(trim(coalesce(end_date, '')), '') is not null
            from assignments where worker_id in (select unnest(?::varchar[]))
            order by worker_id, source_file, row_number""", [list(paid)]).fetchall()
    by_worker: dict[str, list] = {}
    for worker, *row in rows:
        by_worker.setdefault(worker, []).append(row)
    found = []
    for worker, worker_rows in by_worker.items():
        days: set[date] = set()
        for *_, start, end, ended in worker_rows:
            if start is None or (ended and end is None):        # a date that does not read: validation's to name
                days = None
                break
            first, last = max(start, before.first_day), min(end or now.last_day, now.last_day)
            days |= {first + timedelta(n) for n in range(max((last - first).days + 1, 0))}
        if days is None or any(d >= now.first_day for d in days):
            continue
        given = len(days)
        if given < paid[worker]:
            found.append(UnassignedPaid(worker, paid_month, paid[worker], tuple(r[:5] for r in worker_rows), given))
    return found
