"""Suite for assignments.csv: one row per worker per grid per assignment period."""
from __future__ import annotations

from datetime import date

import great_expectations as gx

from gridpay.transforms.reasons import rule_says

from gridpay.expectations.sql_rules import grid_named_as, known, named_as

E = gx.expectations


def is_date(column: str) -> gx.expectations.UnexpectedRowsExpectation:
    """A day of the calendar: ingest/staging.py has made 2026/1/1 and Excel's date cells 2026-01-01,
    so anything else here (2026-02-30, 1/2/2026) was typed so that no date can be read from it: a day no month has
    (2026/11/31) said as such, not as a form to type (trial 310's clerk was told of a form hers already was)."""
    predicate = "is not a date (YYYY-MM-DD or YYYY/M/D), or a day its month does not have (11-31, 2-29 of 2026)"
    return gx.expectations.UnexpectedRowsExpectation(
        unexpected_rows_query=(f"select row_id from {{batch}} where {column} is not null and (not "
                               f"regexp_full_match({column}, '[0-9]{{{{4}}}}-[0-9]{{{{2}}}}-[0-9]{{{{2}}}}') "
                               f"or try_cast({column} as date) is null)"),
        description=f"{column} {predicate}", meta=rule_says(column, predicate))


def known_grid(grids_table: str, month_end: date | None,
               month_start: date | None = None) -> gx.expectations.UnexpectedRowsExpectation:
    """A row's grid is in grids.csv, unless the row starts after the month run (`month_end`): HR enters a
    new grid's worker ahead, and a thirty-fourth trial's September stopped on November's grid (exit 2);
    or ended before it (`month_start`): a grid merged away leaves its worker's ended row behind, and a
    fifty-sixth trial's next month stopped on it (exit 2) with no word of what to do."""
    ended = f" and coalesce(try_cast(end_date as date) >= date '{month_start}', true)" if month_start else ""
    if month_end is None:
        return known("grid_id", grids_table, "is not in grids.csv")
    return gx.expectations.UnexpectedRowsExpectation(
        unexpected_rows_query=(f"select row_id from {{batch}} where grid_id is not null and grid_id not in "
                               f"(select grid_id from {grids_table} where grid_id is not null) "
                               f"and coalesce(try_cast(start_date as date) <= date '{month_end}', true){ended}"),
        description="grid_id is not in grids.csv", meta=rule_says("grid_id", "is not in grids.csv"))


def assignments_suite(workers_table: str, grids_table: str, month_end: date | None = None,
                      month_start: date | None = None, named: bool = False,
                      grid_named: tuple[bool, bool] = (False, False)) -> gx.ExpectationSuite:
    """`named`: the sheet has a name column; `grid_named`: (it has a grid_name column, grids.csv has aliases)."""
    return gx.ExpectationSuite(name="assignments", expectations=[
        *([named_as(workers_table)] if named else []),      # 姓名 beside the id (trial 141: sql_rules.named_as)
        *([grid_named_as(grids_table, grid_named[1])] if grid_named[0] else []),       # 网格名称 beside it (trial 171)
        known("worker_id", workers_table, "is not in workers.csv"),
        E.ExpectColumnValuesToNotBeNull(column="worker_id", meta=rule_says("worker_id", "is blank")),
        known_grid(grids_table, month_end, month_start),
        E.ExpectColumnValuesToNotBeNull(column="grid_id", meta=rule_says("grid_id", "is blank")),
        E.ExpectColumnValuesToNotBeNull(column="start_date", meta=rule_says("start_date", "is blank")),
        is_date("start_date"),
        is_date("end_date"),
        # > 0 as stored (decimal(9, 4)): a weight of 0 left a worker's only grid with no weight-days
        # to divide by (fct_worker_scores)
        E.UnexpectedRowsExpectation(
            unexpected_rows_query=("select row_id from {batch} where weight is not null and (not "
                                   "regexp_full_match(weight, '[0-9]*\\.?[0-9]+') or "
                                   "coalesce(try_cast(weight as decimal(9, 4)), 0) <= 0)"),
            description="weight is not a number > 0", meta=rule_says("weight", "is not a number > 0")),
        E.UnexpectedRowsExpectation(
            unexpected_rows_query="select row_id from {batch} where end_date < start_date",
            description="end_date is not before start_date",
            meta=rule_says("end_date", "is before start_date")),
    ])
