"""Validate step: run the GX suites over the staged tables, mark invalid survey rows, apply the gate."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd

from expectations.adjustments import adjustments_suite
from expectations.assignments import assignments_suite
from expectations.grids import grids_suite
from expectations.runner import ROW_ID, RuleResult, validate_frame
from expectations.surveys import surveys_suite
from expectations.workers import workers_suite
from flows.errors import InputError
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
    """Checks the reference tables (raising InputError) and writes surveys_validated.parquet,
    the survey rows with `row_id` and `invalid_reason` (NA when the row is valid)."""
    grids = _with_row_id(pd.read_parquet(workdir / "grids.parquet"))
    workers = _with_row_id(pd.read_parquet(workdir / "workers.parquet"))
    assignments = _with_row_id(pd.read_parquet(workdir / "assignments.parquet"))
    adjustments = _with_row_id(pd.read_parquet(workdir / "adjustments.parquet"))
    _require_valid(grids, grids_suite())
    _require_valid(workers, workers_suite())
    grid_ids, worker_ids = sorted(grids["grid_id"]), sorted(workers["worker_id"])
    _require_valid(assignments, assignments_suite(worker_ids, grid_ids))
    _require_valid(adjustments, adjustments_suite(worker_ids))

    surveys = _with_row_id(pd.read_parquet(workdir / "surveys.parquet"))
    start, end = month_bounds(month)
    scale = range(policy.scale_min, policy.scale_max + 1)
    suite = surveys_suite(policy.items, grid_ids, policy.channels, start, end, scale)
    result = validate_frame(surveys, suite) if len(surveys) else None
    reasons = result.reasons_by_row if result else {}
    surveys["invalid_reason"] = pd.Series(
        ["invalid: " + "; ".join(reasons[i]) if i in reasons else None for i in surveys[ROW_ID]],
        index=surveys.index, dtype="string")
    surveys.rename(columns={ROW_ID: "row_id"}).to_parquet(workdir / "surveys_validated.parquet", index=False)
    total, invalid = len(surveys), len(reasons)
    return ValidationSummary(
        total_rows=total,
        invalid_rows=invalid,
        invalid_share=round(invalid / total, 6) if total else 0.0,
        max_invalid_share=policy.max_invalid_share,
        rules=result.rules if result else (),
    )
