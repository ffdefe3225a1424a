"""Suite for workers.csv: one row per grid worker."""
from __future__ import annotations

import great_expectations as gx

from gridpay.transforms.reasons import rule_says

from gridpay.expectations.sql_rules import matches

E = gx.expectations
YUAN = r"[0-9]+(\.[0-9]{1,2})?"


def workers_suite(target_times_median: int | None = None) -> gx.ExpectationSuite:
    return gx.ExpectationSuite(name="workers", expectations=[
        E.ExpectColumnValuesToNotBeNull(column="worker_id", meta=rule_says("worker_id", "is blank")),
        E.ExpectColumnValuesToBeUnique(column="worker_id", meta=rule_says("worker_id", "is not unique")),
        # worker_id names the worker's scorecard file: letters, digits, '-' and '_' only
        matches("worker_id", r"[A-Za-z0-9][A-Za-z0-9_-]*", "may hold only letters, digits, '-' and '_'"),
        E.ExpectColumnValuesToNotBeNull(column="name", meta=rule_says("name", "is blank")),
        E.ExpectColumnValuesToNotBeNull(
            column="perf_pay_target", meta=rule_says("perf_pay_target", "is blank")),
        matches("perf_pay_target", YUAN, "is not an amount in yuan >= 0 (at most 2 decimals)"),
    ] + ([_target_far_from_median(target_times_median)] if target_times_median else []))


def _target_far_from_median(times: int) -> gx.expectations.UnexpectedRowsExpectation:
    """A target typed with a zero too many or too few (16000.00 for 1600.00) is paid as typed: a probe of
    2026-12-03 paid 张丽 14,440.00 for 1,444.00, exit 0, nothing said. A target above zero more than `times` the
    median of the file's targets above zero (the lower of two: a real target), or under the median / `times`, stops
    the run (gate.target_times_median); communities funded differently sit within it (5 allows 800 beside 3,000)."""
    target = "try_cast(perf_pay_target as decimal(18, 2))"
    return gx.expectations.UnexpectedRowsExpectation(
        unexpected_rows_query=(f"select row_id from {{batch}}, (select quantile_disc({target}, 0.5) as m from {{batch}} "
                               f"where {target} > 0) where {target} > 0 and ({target} > {times} * m "
                               f"or {target} * {times} < m)"),
        description=f"perf_pay_target is more than {times} times the median target, or under a {times}th of it",
        meta=rule_says("perf_pay_target", f"is more than {times} times the median of workers.csv's targets, or "
                                          f"under a {times}th of it: a zero too many or too few? If the target is "
                                          f"meant, raise gate.target_times_median in your policy (a new version)"))
