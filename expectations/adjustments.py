"""Suite for adjustments.csv (optional): one row per manual pay adjustment by HR."""
from __future__ import annotations

import great_expectations as gx

from gridpay.transforms.reasons import rule_says

from gridpay.expectations.sql_rules import known, matches, named_as

E = gx.expectations


def adjustments_suite(workers_table: str, month: str, named: bool = False) -> gx.ExpectationSuite:
    """`named`: the file has a name column (姓名), checked against the worker_id's name."""
    return gx.ExpectationSuite(name="adjustments", expectations=[
        # the month's rows: a later month's line for a worker hired since stopped a correction of this month that
        # takes today's adjustments.csv beside the workers.csv it was published with (a fifty-second trial's)
        known("worker_id", workers_table, "is not in workers.csv", f"month = '{month}'"),
        # 2026.1 is how Excel and WPS keep 2026.10 (trial 139): the line says so
        matches("month", r"[0-9]{4}-[0-9]{2}", "is not YYYY-MM (Excel keeps 2026.10 as the number 2026.1, which "
                "reads as January too: type the month as text, 2026-10)"),
        matches("amount", r"-?[0-9]+(\.[0-9]{1,2})?",
                "is not an amount in yuan (digits, at most 2 decimals, '-' before a deduction: 200, -150.50; "
                "a deduction an accountant wrote (200) is typed -200)"),
        # a blank amount passed, and the run ended in a TypeError naming no file (trial 138)
        E.ExpectColumnValuesToNotBeNull(column="amount", meta=rule_says("amount", "is blank")),
        # a line without a worker is nobody's pay: it passed, and its amount was paid to no one, nothing said
        E.ExpectColumnValuesToNotBeNull(column="worker_id", meta=rule_says("worker_id", "is blank")),
        E.ExpectColumnValuesToNotBeNull(column="reason", meta=rule_says("reason", "is blank")),
        E.ExpectColumnValuesToNotBeNull(column="approved_by", meta=rule_says("approved_by", "is blank")),
        # a line without a month is no month's pay: it passed, paid in none, nothing said (trial 141)
        E.ExpectColumnValuesToNotBeNull(column="month", meta=rule_says("month", "is blank")),
        *([named_as(workers_table)] if named else []),
    ])
