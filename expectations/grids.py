"""Suite for grids.csv: one row per grid."""
from __future__ import annotations

import great_expectations as gx

from gridpay.expectations.sql_rules import matches

E = gx.expectations


def grids_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="grids", expectations=[
        E.ExpectColumnValuesToNotBeNull(column="grid_id", meta={"reason": "grid_id is blank"}),
        E.ExpectColumnValuesToBeUnique(column="grid_id", meta={"reason": "grid_id is not unique"}),
        E.ExpectColumnValuesToNotBeNull(column="grid_name", meta={"reason": "grid_name is blank"}),
        E.ExpectColumnValuesToNotBeNull(column="households", meta={"reason": "households is blank"}),
        matches("households", r"[0-9]+", "households is not a whole number >= 0"),
    ])
