"""Suite for workers.csv: one row per grid worker."""
from __future__ import annotations

import great_expectations as gx

from gridpay.transforms.reasons import rule_says

from gridpay.expectations.sql_rules import matches

E = gx.expectations
YUAN = r"[0-9]+(\.[0-9]{1,2})?"


def workers_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="workers", expectations=[
        E.ExpectColumnValuesToNotBeNull(column="worker_id", meta=rule_says("worker_id", "is blank")),
        E.ExpectColumnValuesToBeUnique(column="worker_id", meta=rule_says("worker_id", "is not unique")),
        # worker_id names the worker's scorecard file: letters, digits, '-' and '_' only
        matches("worker_id", r"[A-Za-z0-9][A-Za-z0-9_-]*", "may hold only letters, digits, '-' and '_'"),
        E.ExpectColumnValuesToNotBeNull(column="name", meta=rule_says("name", "is blank")),
        E.ExpectColumnValuesToNotBeNull(
            column="perf_pay_target", meta=rule_says("perf_pay_target", "is blank")),
        matches("perf_pay_target", YUAN, "is not an amount in yuan >= 0 (at most 2 decimals)"),
    ])
