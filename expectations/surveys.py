"""Suite for surveys/<YYYY-MM>*: one row per resident response. It runs through GX's SQL path on
the staged DuckDB table (expectations/runner.py), where regex expectations are not supported for
DuckDB, so the whole-number rule is a SQL rule."""
from __future__ import annotations

from datetime import datetime

import great_expectations as gx

from gridpay.transforms.reasons import rule_reason


E = gx.expectations


def surveys_suite(items: tuple[str, ...], grids_table: str, channels: tuple[str, ...],
                  month_start: datetime, month_end: datetime, scale: range,
                  max_duration_s: int | None = None) -> gx.ExpectationSuite:
    """`month_end` is the last microsecond of the month (inclusive bound). `grids_table` is the
    table of known grid_ids next to the survey table: a city's 20,000 ids as a value set made
    GX copy the list on every look at the rule, and a join is what the database is for."""
    def meta(code: str, column: str | None = None, **params) -> dict:
        reason = rule_reason(code, column, **params)
        return {**reason.meta(), "column": reason.shows}

    answers = [str(v) for v in scale]
    rules = [
        E.ExpectColumnValuesToNotBeNull(column="response_id", meta=meta("blank", "response_id")),
        E.ExpectColumnValuesToBeUnique(column="response_id", meta=meta("repeated_response_id")),
        E.ExpectColumnValuesToNotBeNull(column="grid_id", meta=meta("blank", "grid_id")),
        E.UnexpectedRowsExpectation(
            unexpected_rows_query=(f"select row_id from {{batch}} where grid_id is not null "
                                   f"and grid_id not in (select grid_id from {grids_table})"),
            description="grid_id is one of grids.csv", meta=meta("unknown_grid")),
        E.ExpectColumnValuesToNotBeNull(column="household_id", meta=meta("blank", "household_id")),
        # the rules check the parsed time; their reasons show what was typed (submitted_at)
        E.ExpectColumnValuesToNotBeNull(column="submitted_at_ts", meta=meta("bad_time")),
        E.ExpectColumnValuesToBeBetween(
            column="submitted_at_ts", min_value=month_start, max_value=month_end, meta=meta("outside_month")),
        E.ExpectColumnValuesToBeInSet(
            column="channel", value_set=list(channels), meta=meta("unknown_channel", channels=", ".join(channels))),
        E.UnexpectedRowsExpectation(
            unexpected_rows_query=("select row_id from {batch} where duration_s is not null "
                                   "and not regexp_full_match(duration_s, '[0-9]+')"),
            description="duration_s is a whole number of seconds", meta=meta("bad_duration")),
    ]
    if max_duration_s is not None:     # the policy's survey.max_duration_s (policies before it: none)
        rules.append(E.UnexpectedRowsExpectation(
            unexpected_rows_query=("select row_id from {batch} where regexp_full_match(duration_s, '[0-9]+') "
                                   f"and try_cast(duration_s as double) > {int(max_duration_s)}"),
            description=f"duration_s is at most {max_duration_s} seconds",
            meta=meta("long_duration", seconds=max_duration_s)))
    rules += [E.ExpectColumnValuesToBeInSet(
        column=item, value_set=answers,
        meta=meta("answer_out_of_scale", item, low=answers[0], high=answers[-1])) for item in items]
    return gx.ExpectationSuite(name="surveys", expectations=rules)
