"""Two rows of assignments.csv that give one worker one grid on the same days with different weights.
A day takes one weight, and which of the two HR meant is not for gridpay to guess: a weight changed
from 1 to 0.5 on the 15th by adding a row, without ending the first, was paid at the larger weight all
month (int_worker_grid_day's rule before). Under the policy's gate.overlapping_assignments = "stop"
the month stops naming both rows; rows whose overlap lies outside the month change nothing here."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.core.month import Month
from gridpay.ingest.survey_stage import stage_connection


@dataclass(frozen=True)
class Overlap:
    source_file: str
    rows: tuple[int, int]
    worker_id: str
    grid_id: str
    weights: tuple[str, str]
    days: tuple[str, str]            # the overlap within the month, first and last day
    # where one row's days lie inside the other's (a supervisor's 0.5 raised to 1 for a colleague's leave): the day
    # after the inner row ends and the outer row's weight, which resumes then (trial 268 ended the outer row as the
    # advice said, and her 0.5 after the leave was dropped, +23.54 yuan, exit 0)
    resumes: tuple[str, str] | None = None

    def __str__(self) -> str:
        resumes = (f" (if the {self.resumes[1]} goes on after, it needs a row of its own from {self.resumes[0]})"
                   if self.resumes else "")
        return (f"{self.source_file} rows {self.rows[0]} and {self.rows[1]} both give {self.worker_id} the grid "
                f"{self.grid_id} from {self.days[0]} to {self.days[1]}, at weights {self.weights[0]} and "
                f"{self.weights[1]}{resumes}")


def overlapping_assignments(workdir: Path, month: str) -> list[Overlap]:
    """Pairs of assignment rows of one worker and grid whose periods overlap within `month` and whose
    weights differ (a blank weight is 1), in file and row order."""
    m = Month.parse(month)
    start, end = m.first_day, m.last_day
    with stage_connection(workdir) as con:
        rows = con.execute("""
            with a as (select source_file, row_number::integer as row_number, worker_id, grid_id,
                              try_cast(start_date as date) as s,
                              coalesce(try_cast(end_date as date), ?::date) as e,
                              coalesce(try_cast(nullif(trim(weight), '') as decimal(9, 4)), 1) as w
                       from assignments)
            select x.source_file, x.row_number, y.row_number, x.worker_id, x.grid_id, x.w::varchar, y.w::varchar,
                   greatest(x.s, y.s, ?::date)::varchar, least(x.e, y.e, ?::date)::varchar,
                   case when x.s <= y.s and x.e > y.e then y.e + 1 when y.s <= x.s and y.e > x.e then x.e + 1
                   end::varchar, case when x.e > y.e then x.w else y.w end::varchar
            from a x join a y on x.worker_id = y.worker_id and x.grid_id = y.grid_id
                             and (x.source_file, x.row_number) < (y.source_file, y.row_number)
            where x.w <> y.w and greatest(x.s, y.s, ?::date) <= least(x.e, y.e, ?::date)
            order by x.source_file, x.row_number, y.row_number""", [end, start, end, start, end]).fetchall()
    return [Overlap(f, (r1, r2), wid, gid, (_weight(w1), _weight(w2)), (d1, d2),
                    (after, _weight(outer)) if after and after <= str(end) else None)
            for f, r1, r2, wid, gid, w1, w2, d1, d2, after, outer in rows]


def _weight(text: str) -> str:
    return text.rstrip("0").rstrip(".")
