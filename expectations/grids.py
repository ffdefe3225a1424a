"""Suite for grids.csv: one row per grid."""
from __future__ import annotations

import great_expectations as gx

from gridpay.transforms.reasons import rule_says

from gridpay.expectations.sql_rules import matches

E = gx.expectations


def grids_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="grids", expectations=[
        E.ExpectColumnValuesToNotBeNull(column="grid_id", meta=rule_says("grid_id", "is blank")),
        E.ExpectColumnValuesToBeUnique(column="grid_id", meta=rule_says("grid_id", "is not unique")),
        E.ExpectColumnValuesToNotBeNull(column="grid_name", meta=rule_says("grid_name", "is blank")),
        E.ExpectColumnValuesToNotBeNull(column="households", meta=rule_says("households", "is blank")),
        matches("households", r"[0-9]+", "is not a whole number >= 0"),
    ])
