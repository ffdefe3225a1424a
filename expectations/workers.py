"""Suite for workers.csv: one row per grid worker."""
from __future__ import annotations

import great_expectations as gx

from gridpay.expectations.sql_rules import matches

E = gx.expectations
YUAN = r"[0-9]+(\.[0-9]{1,2})?"


def workers_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="workers", expectations=[
        E.ExpectColumnValuesToNotBeNull(column="worker_id", meta={"reason": "worker_id is blank"}),
        E.ExpectColumnValuesToBeUnique(column="worker_id", meta={"reason": "worker_id is not unique"}),
        # worker_id names the worker's scorecard file: letters, digits, '-' and '_' only
        matches("worker_id", r"[A-Za-z0-9][A-Za-z0-9_-]*", "worker_id may hold only letters, digits, '-' and '_'"),
        E.ExpectColumnValuesToNotBeNull(column="name", meta={"reason": "name is blank"}),
        E.ExpectColumnValuesToNotBeNull(
            column="perf_pay_target", meta={"reason": "perf_pay_target is blank"}),
        matches("perf_pay_target", YUAN, "perf_pay_target is not an amount in yuan >= 0 (at most 2 decimals)"),
    ])
