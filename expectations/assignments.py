"""Suite for assignments.csv: one row per worker per grid per assignment period."""
from __future__ import annotations

import great_expectations as gx

from gridpay.expectations.sql_rules import known, matches

E = gx.expectations
DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"


def assignments_suite(workers_table: str, grids_table: str) -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="assignments", expectations=[
        known("worker_id", workers_table, "worker_id is not in workers.csv"),
        E.ExpectColumnValuesToNotBeNull(column="worker_id", meta={"reason": "worker_id is blank"}),
        known("grid_id", grids_table, "grid_id is not in grids.csv"),
        E.ExpectColumnValuesToNotBeNull(column="grid_id", meta={"reason": "grid_id is blank"}),
        E.ExpectColumnValuesToNotBeNull(column="start_date", meta={"reason": "start_date is blank"}),
        matches("start_date", DATE, "start_date is not a date (YYYY-MM-DD)"),
        matches("end_date", DATE, "end_date is not a date (YYYY-MM-DD)"),
        matches("weight", r"[0-9]*\.?[0-9]+", "weight is not a number > 0"),
        E.UnexpectedRowsExpectation(
            unexpected_rows_query="select row_id from {batch} where end_date < start_date",
            description="end_date is not before start_date",
            meta={"reason": "end_date is before start_date", "column": "end_date"}),
    ])
