"""Suite for surveys/<YYYY-MM>*: one row per resident response. It runs through GX's SQL path on
the staged DuckDB table (expectations/runner.py), where regex expectations are not supported for
DuckDB, so the whole-number rule is a SQL rule."""
from __future__ import annotations

from datetime import datetime

import great_expectations as gx


E = gx.expectations


def surveys_suite(items: tuple[str, ...], grids_table: str, channels: tuple[str, ...],
                  month_start: datetime, month_end: datetime, scale: range,
                  max_duration_s: int | None = None) -> gx.ExpectationSuite:
    """`month_end` is the last microsecond of the month (inclusive bound). `grids_table` is the
    table of known grid_ids next to the survey table: a city's 20,000 ids as a value set made
    GX copy the list on every look at the rule, and a join is what the database is for."""
    answers = [str(v) for v in scale]
    rules = [
        E.ExpectColumnValuesToNotBeNull(column="response_id", meta={"reason": "response_id is blank"}),
        E.ExpectColumnValuesToBeUnique(
            column="response_id", meta={"reason": "response_id is used more than once in the month"}),
        E.ExpectColumnValuesToNotBeNull(column="grid_id", meta={"reason": "grid_id is blank"}),
        E.UnexpectedRowsExpectation(
            unexpected_rows_query=(f"select row_id from {{batch}} where grid_id is not null "
                                   f"and grid_id not in (select grid_id from {grids_table})"),
            description="grid_id is one of grids.csv",
            meta={"reason": "grid_id is not in grids.csv", "column": "grid_id"}),
        E.ExpectColumnValuesToNotBeNull(column="household_id", meta={"reason": "household_id is blank"}),
        E.ExpectColumnValuesToNotBeNull(
            column="submitted_at_ts", meta={"reason": "submitted_at is blank or not a date-time"}),
        E.ExpectColumnValuesToBeBetween(
            column="submitted_at_ts", min_value=month_start, max_value=month_end,
            meta={"reason": "submitted_at is outside the month"}),
        E.ExpectColumnValuesToBeInSet(
            column="channel", value_set=list(channels),
            meta={"reason": f"channel is not one of {', '.join(channels)}"}),
        E.UnexpectedRowsExpectation(
            unexpected_rows_query=("select row_id from {batch} where duration_s is not null "
                                   "and not regexp_full_match(duration_s, '[0-9]+')"),
            description="duration_s is a whole number of seconds",
            meta={"reason": "duration_s is not a whole number", "column": "duration_s"}),
    ]
    if max_duration_s is not None:     # the policy's survey.max_duration_s (policies before it: none)
        rules.append(E.UnexpectedRowsExpectation(
            unexpected_rows_query=("select row_id from {batch} where regexp_full_match(duration_s, '[0-9]+') "
                                   f"and try_cast(duration_s as double) > {int(max_duration_s)}"),
            description=f"duration_s is at most {max_duration_s} seconds",
            meta={"reason": f"duration_s is over {max_duration_s} seconds", "column": "duration_s"}))
    rules += [E.ExpectColumnValuesToBeInSet(
        column=item, value_set=answers,
        meta={"reason": f"{item} is not {answers[0]}-{answers[-1]} or blank"}) for item in items]
    return gx.ExpectationSuite(name="surveys", expectations=rules)
