"""Grids most of whose survey rows are invalid. The gate judges the month's invalid share as a
whole: one grid's paper sheet read wrong (a column typed in a way the rules refuse) can be all of
that grid's answers and still a small share of the month, and the grid's worker would then be paid
as if nobody had answered. Read from validation's verdict in the stage file (survey_invalid)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.reasons import INVALID_PREFIX


@dataclass(frozen=True)
class InvalidGrid:
    grid_id: str
    grid_name: str
    invalid_rows: int
    rows: int
    first_reason: str                # the reason of its first invalid row (values masked, as stored)
    first_row: str                   # where that row is: "surveys/2026-10-paper.csv row 2"

    def __str__(self) -> str:
        reason = self.first_reason.removeprefix(INVALID_PREFIX)
        return (f"{self.grid_name} ({self.grid_id}): {self.invalid_rows} of its {self.rows} survey rows are "
                f"invalid; the first, {self.first_row}: {reason}")


def invalid_grids(workdir: Path, max_share: float | None, min_rows: int) -> list[InvalidGrid]:
    """Grids of grids.csv with more than `max_share` of their survey rows invalid and at least
    `min_rows` invalid rows (none when the policy sets no share), most invalid rows first."""
    if max_share is None:
        return []
    with stage_connection(workdir) as con:
        found = con.execute("""
            select s.grid_id, any_value(g.grid_name), count(v.row_id), count(*),
                   arg_min(v.invalid_reason, s.row_id) filter (where v.row_id is not null),
                   arg_min(s.source_file || ' row ' || s.row_number, s.row_id) filter (where v.row_id is not null)
            from surveys as s
            join (select grid_id, any_value(grid_name) as grid_name from grids group by grid_id) as g using (grid_id)
            left join survey_invalid as v on v.row_id = s.row_id
            group by s.grid_id
            having count(v.row_id) >= ? and count(v.row_id) > ? * count(*)
            order by count(v.row_id) desc, s.grid_id""", [min_rows, max_share]).fetchall()
    return [InvalidGrid(*row) for row in found]
