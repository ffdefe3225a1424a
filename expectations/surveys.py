"""Suite for surveys/<YYYY-MM>*: one row per resident response. It runs through GX's SQL path on
the staged DuckDB table (expectations/runner.py), where regex expectations are not supported for
DuckDB, so the whole-number rule is a SQL rule."""
from __future__ import annotations

from datetime import datetime

import great_expectations as gx


E = gx.expectations


def surveys_suite(items: tuple[str, ...], grids_table: str, channels: tuple[str, ...],
                  month_start: datetime, month_end: datetime, scale: range,
                  max_duration_s: int | None = None, ambiguous_dates: bool = False) -> gx.ExpectationSuite:
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
    if ambiguous_dates:         # survey.ambiguous_dates = "invalid" (policies before it: read month first)
        rules.append(_ambiguous_dates())
    rules += [E.ExpectColumnValuesToBeInSet(
        column=item, value_set=answers,
        meta={"reason": f"{item} is not {answers[0]}-{answers[-1]} or blank"}) for item in items]
    return gx.ExpectationSuite(name="surveys", expectations=rules)


# day and month of a date typed d/m/yyyy or m/d/yyyy (also with '.' or '-'); no braces: GX formats {batch} into it
_FIRST, _SECOND = r"^\s*([0-9]+)[/.-]", r"^\s*[0-9]+[/.-]([0-9]+)[/.-]"


def _ambiguous_dates() -> gx.expectations.UnexpectedRowsExpectation:
    """'10/08/2026 11:00' is 8 October read month-first and 10 August read day-first: where both
    numbers could be a month and differ, the row is refused rather than guessed (a wrong guess moves
    the answer into another month, or keeps one that was not this month's). 25/10/2026 and
    2026/10/08 read one way only."""
    first, second = (f"try_cast(regexp_extract(submitted_at, '{p}', 1) as integer)" for p in (_FIRST, _SECOND))
    return E.UnexpectedRowsExpectation(
        unexpected_rows_query=(f"select row_id from {{batch}} where regexp_matches(submitted_at, "
                               f"'^\\s*[0-9][0-9]?[/.-][0-9][0-9]?[/.-][0-9][0-9][0-9][0-9]([^0-9]|$)') "
                               f"and {first} between 1 and 12 and {second} between 1 and 12 and {first} <> {second}"),
        description="submitted_at does not read as two dates",
        meta={"reason": "submitted_at could be day/month/year or month/day/year: write the year first (YYYY-MM-DD)",
              "column": "submitted_at"})
