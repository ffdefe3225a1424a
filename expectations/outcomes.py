"""The outcome suite: Great Expectations on the scored month, before anything is published. The
input suites check what residents sent; this one checks what the rules made of it, so that a month
whose exclusions quietly removed a grid's answers stops instead of paying on what was left.

It runs on the month's per-grid exclusion counts (fct_grid_exclusions: a row per grid and rule),
copied from the scoring transaction into a small DuckDB file of the run's work folder (the stage
file stays attached to the warehouse until that transaction ends), through the runner the input
suites use."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import great_expectations as gx

from gridpay.expectations.runner import validate_table
from gridpay.transforms.policy_sections import OutcomeRules

TABLE = "grid_exclusions"
OUTCOME_DB = "outcome.duckdb"


@dataclass(frozen=True)
class ExcessiveExclusion:
    grid_id: str
    grid_name: str
    rule: str
    excluded_rows: int
    valid_rows: int

    def __str__(self) -> str:
        return (f"{self.grid_name} ({self.grid_id}): {self.rule} excluded {self.excluded_rows} of "
                f"{self.valid_rows} valid answers ({self.excluded_rows / self.valid_rows:.0%})")


def outcome_suite(rules: OutcomeRules) -> gx.ExpectationSuite:
    limit = (f"select row_id from {{batch}} where excluded_rows >= {int(rules.min_excluded_rows)} "
             f"and excluded_rows > {float(rules.max_excluded_share)!r} * valid_rows")
    return gx.ExpectationSuite(name="outcome", expectations=[gx.expectations.UnexpectedRowsExpectation(
        unexpected_rows_query=limit,
        description="no exclusion rule removes a large share of a grid's valid answers",
        meta={"reason": f"one exclusion rule removed more than {rules.max_excluded_share:.0%} of a grid's valid "
                        f"answers (and at least {rules.min_excluded_rows})", "column": "excluded_rows"})])


def excessive_exclusions(con: duckdb.DuckDBPyConnection, workdir: Path, rules: OutcomeRules,
                         record: Path | None = None) -> list[ExcessiveExclusion]:
    """Grids and rules past the policy's [gate] max_excluded_share, from the scored month on `con`
    (its fct_grid_exclusions model); none when the policy sets no limit."""
    if rules.max_excluded_share is None:
        return []
    # one Arrow table handed across, not a row at a time: executemany took 7 s for a 2,000-grid
    # month's ~10,000 (grid, rule) rows
    rows = con.sql("select row_number() over (order by grid_id, rule)::integer as row_id, "
                       "grid_id::varchar as grid_id, grid_name::varchar as grid_name, rule::varchar as rule, "
                       "valid_rows::integer as valid_rows, excluded_rows::integer as excluded_rows "
                       "from fct_grid_exclusions").to_arrow_table()
    if not rows.num_rows:
        return []
    with duckdb.connect(str(workdir / OUTCOME_DB)) as stage:
        stage.register("grid_exclusion_rows", rows)
        stage.execute(f"create or replace table {TABLE} as select * from grid_exclusion_rows order by row_id")
        stage.unregister("grid_exclusion_rows")
    result = validate_table(workdir / OUTCOME_DB, TABLE, outcome_suite(rules), record=record)
    query = result.failing_rows_sql[0]
    if query is None:
        return []
    with duckdb.connect(str(workdir / OUTCOME_DB)) as stage:
        failing = stage.execute(f"select grid_id, grid_name, rule, excluded_rows, valid_rows from {TABLE} "
                                f"where row_id in ({query}) order by grid_id, rule").fetchall()
    return [ExcessiveExclusion(*row) for row in failing]
