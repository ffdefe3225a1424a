"""A worker paid in the month before, to whom today's assignments.csv gives no day of the month run and fewer
days of that month than were paid: a date typed in the wrong year or month (a thirty-eighth trial's leaver,
`2025-10-15` for `2026-10-15`, was left off October's payroll, 771.48 yuan, exit 0; a forty-fourth trial's
`2026-10-15` for `2026-11-15`, paid for all of October, was left off November's, 722.07 yuan), or a past month
paid wrongly. A worker whose rows were taken out of the file is a leaver HR tidied away, not this."""
from __future__ import annotations

import re
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


@dataclass(frozen=True)
class YearOff:
    worker_id: str
    name: str
    row: tuple[str, int, str, str, str]                  # (file, row, grid, start, end) dated a year off the month
    beside: str = ""                                     # the worker whose row it overlaps in the month, if any
    typed: str = ""                                      # the row's date a year off (its start or its end), as typed
    month: str = ""                                      # the month run (YYYY-MM)

    def __str__(self) -> str:
        file, row, grid, start, end = self.row
        told = f": paid for days {self.beside}'s row of {grid} holds" if self.beside else ": given no day of the month"
        return (f"{self.name} ({self.worker_id}), {file} row {row}, {grid} from {start} to {end or '(open)'}{told} "
                f"({self.typed} typed for {self.meant}?)")

    @property
    def meant(self) -> str:
        """That date in the month's year (2025/11/11 -> 2026-11-11)."""
        parts = re.match(r"\s*(\d{4})\D+(\d{1,2})\D+(\d{1,2})", self.typed or "")
        return f"{self.month[:4]}-{int(parts[2]):02d}-{int(parts[3]):02d}" if parts and self.month else "?"


def year_off_workers(workdir: Path, month: str) -> list[YearOff]:
    """Assignment rows dated a year off the month, a year typed wrong, in a project's first month too, where no month
    paid before tells. Where the worker is given no day of `month`: a row starting in that month a year later, or
    ending in it the year before while another worker's row of its grid starts the day after a year on (trial 213's
    2025/11/15 for 2026/11/15, its successor from 2026/11/16, left 刘芳 unpaid and counted her rating of her own grid
    as a resident's, exit 0). Whoever the worker: a row starting in the month a year before while another's row of its
    grid ends the day before a year on, or ending in it a year later while another's starts the day after a year
    before (trial 215's 2025-11-11 for 2026-11-11 paid W05 the whole month beside her predecessor, 1280.00 for 853.33,
    exit 0). A leaver of a year ago whose successor began the next day is no doubt."""
    now = Month.parse(month)
    with stage_connection(workdir) as con:
        rows = con.execute("""
            with a as (select worker_id, source_file, row_number::integer as row_number, grid_id, start_date, end_date,
                              try_cast(start_date as date) as first, try_cast(nullif(trim(coalesce(end_date, '')), '')
                              as date) as last, nullif(trim(coalesce(end_date, '')), '') is not null as ended
                       from assignments),
            idle as (select worker_id from a group by worker_id
                     having bool_and(first is not null and (last is not null or not ended)
                                     and (first > $last_day or coalesce(last, $last_day) < $first_day))),
            doubted as (
                select a.*, '' as beside, a.start_date as typed from a join idle using (worker_id)
                where strftime(a.first, '%Y-%m') = $year_after
                union all
                select a.*, '', a.end_date from a join idle using (worker_id) join a s on s.grid_id = a.grid_id
                    and s.worker_id <> a.worker_id and s.first = (a.last + interval 1 year + interval 1 day)::date
                where strftime(a.last, '%Y-%m') = $year_before
                union all      -- a start typed a year early: her predecessor's row ends the day before, a year on
                select a.*, s.worker_id, a.start_date from a join a s on s.grid_id = a.grid_id and s.worker_id <> a.worker_id
                    and s.last = (a.first + interval 1 year - interval 1 day)::date
                where strftime(a.first, '%Y-%m') = $year_before
                union all      -- an end typed a year late: the successor's row starts the day after, a year before
                select a.*, s.worker_id, a.end_date from a join a s on s.grid_id = a.grid_id and s.worker_id <> a.worker_id
                    and s.first = (a.last - interval 1 year + interval 1 day)::date
                where strftime(a.last, '%Y-%m') = $year_after)
            select d.worker_id, any_value(w.name), arg_min([d.source_file, d.row_number::varchar, d.grid_id,
                   d.start_date, coalesce(d.end_date, ''), d.beside, d.typed], d.row_number)
            from doubted d join workers w using (worker_id)
            group by d.worker_id order by d.worker_id""",
            {"first_day": now.first_day, "last_day": now.last_day, "year_before": f"{now.year - 1}-{now.number:02d}",
             "year_after": f"{now.year + 1}-{now.number:02d}"}).fetchall()
    return [YearOff(w, name, (f, int(r), g, s, e), b, t, month) for w, name, (f, r, g, s, e, b, t) in rows]
