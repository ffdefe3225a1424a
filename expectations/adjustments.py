"""Suite for adjustments.csv (optional): one row per manual pay adjustment by HR."""
from __future__ import annotations

import great_expectations as gx

E = gx.expectations


def adjustments_suite(worker_ids: list[str]) -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="adjustments", expectations=[
        E.ExpectColumnValuesToBeInSet(
            column="worker_id", value_set=worker_ids, meta={"reason": "worker_id is not in workers.csv"}),
        E.ExpectColumnValuesToMatchRegex(
            column="month", regex=r"^\d{4}-\d{2}$", meta={"reason": "month is not YYYY-MM"}),
        E.ExpectColumnValuesToMatchRegex(
            column="amount", regex=r"^-?\d+(?:\.\d{1,2})?$",
            meta={"reason": "amount is not an amount in yuan (at most 2 decimals)"}),
        E.ExpectColumnValuesToNotBeNull(column="reason", meta={"reason": "reason is blank"}),
        E.ExpectColumnValuesToNotBeNull(column="approved_by", meta={"reason": "approved_by is blank"}),
    ])
