"""Validate step: run the GX suites over the staged tables, mark invalid survey rows, apply the gate."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd

from expectations.adjustments import adjustments_suite
from expectations.assignments import assignments_suite
from expectations.grids import grids_suite
from expectations.runner import ROW_ID, RuleResult, validate_frame, validate_table
from expectations.surveys import surveys_suite
from expectations.workers import workers_suite
from flows.errors import InputError
from flows.survey_stage import STAGE_DB, stage_connection
from transforms.policy import Policy


@dataclass(frozen=True)
class ValidationSummary:
    total_rows: int
    invalid_rows: int
    invalid_share: float
    max_invalid_share: float
    rules: tuple[RuleResult, ...]

    @property
    def gate_passed(self) -> bool:
        return self.invalid_share <= self.max_invalid_share

    def as_dict(self) -> dict:
        return {**asdict(self), "gate_passed": self.gate_passed}


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """First instant and last microsecond of the month (local time)."""
    start = datetime.strptime(month, "%Y-%m")
    next_month = (start + timedelta(days=32)).replace(day=1)
    return start, next_month - timedelta(microseconds=1)


def _with_row_id(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.reset_index(drop=True)
    out[ROW_ID] = range(len(out))
    return out


def _require_valid(frame: pd.DataFrame, suite) -> None:
    """Reference data must be right as a whole: the first broken cell stops the run (exit 2)."""
    if frame.empty:
        return
    result = validate_frame(frame, suite)
    failing = [r for r in result.rules if r.failed_rows]
    if not failing:
        return
    first_row = min(result.reasons_by_row)
    reason = result.reasons_by_row[first_row][0]
    column = next((r.column for r in failing if r.reason == reason), None)
    more = sum(len(v) for v in result.reasons_by_row.values()) - 1
    tail = f" (and {more} more problems)" if more else ""
    raise InputError(frame.loc[first_row, "source_file"], reason + tail,
                     row=int(frame.loc[first_row, "row_number"]), column=column)


def validate_staged(workdir: Path, month: str, policy: Policy) -> ValidationSummary:
    """Checks the reference tables (raising InputError), then the staged survey rows where they
    are, writing `survey_invalid` (row_id, invalid_reason) into the stage file for rows that fail."""
    grids = _with_row_id(pd.read_parquet(workdir / "grids.parquet"))
    workers = _with_row_id(pd.read_parquet(workdir / "workers.parquet"))
    assignments = _with_row_id(pd.read_parquet(workdir / "assignments.parquet"))
    adjustments = _with_row_id(pd.read_parquet(workdir / "adjustments.parquet"))
    _require_valid(grids, grids_suite())
    _require_valid(workers, workers_suite())
    grid_ids, worker_ids = sorted(grids["grid_id"]), sorted(workers["worker_id"])
    _require_valid(assignments, assignments_suite(worker_ids, grid_ids))
    _require_valid(adjustments, adjustments_suite(worker_ids))

    start, end = month_bounds(month)
    scale = range(policy.scale_min, policy.scale_max + 1)
    suite = surveys_suite(policy.items, grid_ids, policy.channels, start, end, scale)
    with stage_connection(workdir) as con:
        total = con.execute("select count(*) from surveys").fetchone()[0]
    result = validate_table(workdir / STAGE_DB, "surveys", suite) if total else None
    with stage_connection(workdir) as con:
        con.execute("create or replace table survey_rule_failures (row_id integer, rule_index integer, reason varchar)")
        for index, (rule, query) in enumerate(zip(result.rules, result.failing_rows_sql) if result else ()):
            if query is not None:
                con.execute(f"insert into survey_rule_failures select row_id, ?, ? from ({query})",
                            [index, rule.reason])
        con.execute("""create or replace table survey_invalid as
                       select row_id, 'invalid: ' || string_agg(reason, '; ' order by rule_index) as invalid_reason
                       from survey_rule_failures group by row_id""")
        invalid = con.execute("select count(*) from survey_invalid").fetchone()[0]
    return ValidationSummary(
        total_rows=total,
        invalid_rows=invalid,
        invalid_share=round(invalid / total, 6) if total else 0.0,
        max_invalid_share=policy.max_invalid_share,
        rules=result.rules if result else (),
    )
