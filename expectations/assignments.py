"""Suite for assignments.csv: one row per worker per grid per assignment period."""
from __future__ import annotations

import great_expectations as gx

E = gx.expectations
DATE = r"^\d{4}-\d{2}-\d{2}$"


def assignments_suite(worker_ids: list[str], grid_ids: list[str]) -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="assignments", expectations=[
        E.ExpectColumnValuesToBeInSet(
            column="worker_id", value_set=worker_ids, meta={"reason": "worker_id is not in workers.csv"}),
        E.ExpectColumnValuesToNotBeNull(column="worker_id", meta={"reason": "worker_id is blank"}),
        E.ExpectColumnValuesToBeInSet(
            column="grid_id", value_set=grid_ids, meta={"reason": "grid_id is not in grids.csv"}),
        E.ExpectColumnValuesToNotBeNull(column="grid_id", meta={"reason": "grid_id is blank"}),
        E.ExpectColumnValuesToNotBeNull(column="start_date", meta={"reason": "start_date is blank"}),
        E.ExpectColumnValuesToMatchRegex(
            column="start_date", regex=DATE, meta={"reason": "start_date is not a date (YYYY-MM-DD)"}),
        E.ExpectColumnValuesToMatchRegex(
            column="end_date", regex=DATE, meta={"reason": "end_date is not a date (YYYY-MM-DD)"}),
        E.ExpectColumnValuesToMatchRegex(
            column="weight", regex=r"^\d*\.?\d+$", meta={"reason": "weight is not a number > 0"}),
        E.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="end_date", column_B="start_date", or_equal=True, ignore_row_if="either_value_is_missing",
            meta={"reason": "end_date is before start_date"}),
    ])
