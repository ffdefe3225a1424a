"""Suite for adjustments.csv (optional): one row per manual pay adjustment by HR."""
from __future__ import annotations

import great_expectations as gx

from gridpay.transforms.reasons import rule_says

from gridpay.expectations.sql_rules import known, matches

E = gx.expectations


def adjustments_suite(workers_table: str, month: str, deduction_words: tuple[str, ...] = (),
                      returned_words: tuple[str, ...] = ()) -> gx.ExpectationSuite:
    rules = [
        # the month's rows: a later month's line for a worker hired since stopped a correction of this month that
        # takes today's adjustments.csv beside the workers.csv it was published with (a fifty-second trial's)
        known("worker_id", workers_table, "is not in workers.csv", f"month = '{month}'"),
        matches("month", r"[0-9]{4}-[0-9]{2}", "is not YYYY-MM"),
        matches("amount", r"-?[0-9]+(\.[0-9]{1,2})?",
                "is not an amount in yuan (digits, at most 2 decimals, '-' before a deduction: 200, -150.50)"),
        E.ExpectColumnValuesToNotBeNull(column="reason", meta=rule_says("reason", "is blank")),
        E.ExpectColumnValuesToNotBeNull(column="approved_by", meta=rule_says("approved_by", "is blank")),
    ]
    if deduction_words:
        rules.append(_deduction_added(month, deduction_words, returned_words))
    return gx.ExpectationSuite(name="adjustments", expectations=rules)


def _deduction_added(month: str, deduction_words: tuple[str, ...], returned_words: tuple[str, ...]):
    """A row whose reason deducts (迟到扣款) typed without its '-': paid as a bonus, the worker off by twice the
    amount (a probe of 2026-12-03: 迟到扣款 typed 200, W01 paid 400.00 over, exit 0, nothing said). A reason that
    gives a deduction back (退还扣款, 误扣补发) is a legitimate positive amount. The month's rows only: an earlier
    month's row was paid under that month's policy."""
    def any_of(words: tuple[str, ...]) -> str:
        quoted = (w.replace("'", "''").replace("{", "{{").replace("}", "}}") for w in words)   # GX formats {batch}
        return " or ".join(f"contains(reason, '{w}')" for w in quoted) or "false"
    shown = "/".join(deduction_words)
    return gx.expectations.UnexpectedRowsExpectation(
        unexpected_rows_query=(f"select row_id from {{batch}} where month = '{month}' "
                               f"and try_cast(amount as decimal(18, 2)) > 0 and ({any_of(deduction_words)}) and not ({any_of(returned_words)})"),
        description="amount is added to the pay though the row's reason deducts",
        meta=rule_says("amount", f"is added to the pay, but the row's reason deducts ({shown}): a deduction is "
                                 f"typed with '-' before its amount (-200); a row that gives a deduction back says so in its "
                                 f"reason ({'/'.join(returned_words[:3]) or '退还'})"))
