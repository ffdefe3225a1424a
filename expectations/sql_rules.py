"""Rules written as SQL for GX's SQL path, where DuckDB has no regex expectation and where a
value set of a city's 30,000 ids is better a join. GX formats `{batch}` into each query, so
literal braces are doubled here."""
from __future__ import annotations

import great_expectations as gx

from gridpay.transforms.folding import NAME_DOTS_SQL
from gridpay.transforms.reasons import rule_says


def matches(column: str, pattern: str, predicate: str) -> gx.expectations.UnexpectedRowsExpectation:
    """Every non-blank value of `column` matches `pattern` in full (RE2 syntax); `predicate` says
    what is wrong with one that does not ("is not YYYY-MM")."""
    pattern = pattern.replace("{", "{{").replace("}", "}}").replace("'", "''")
    return gx.expectations.UnexpectedRowsExpectation(
        unexpected_rows_query=(f"select row_id from {{batch}} where {column} is not null "
                               f"and not regexp_full_match({column}, '{pattern}')"),
        description=f"{column} {predicate}", meta=rule_says(column, predicate))


def named_as(workers: str) -> gx.expectations.UnexpectedRowsExpectation:
    """A row's name column, where the file has one (姓名), is the name `workers` gives its worker_id: trial 141's
    `W05,王芳,...` paid 陈刚 (W05) the bonus meant for 王芳, exit 0; the id is what pays, so a name beside it that
    another worker has is the line HR must hear of (spaces and a name's dots aside: trial 233's 古丽娜尔•吐尔逊 beside
    workers.csv's 古丽娜尔．吐尔逊 stopped the run, HR unable to see the difference)."""
    predicate = "is not the name workers.csv gives the row's worker_id: the id is paid, so check which worker is meant"
    bare = "regexp_replace({}, '" + NAME_DOTS_SQL + "', '', 'g')"
    return gx.expectations.UnexpectedRowsExpectation(
        unexpected_rows_query=(f"select b.row_id from {{batch}} as b join {workers} as w on b.worker_id = w.worker_id "
                               f"where b.name is not null and {bare.format('b.name')} <> {bare.format('w.name')}"),
        description=f"name {predicate}", meta=rule_says("name", predicate))


def grid_named_as(grids: str, aliases: bool) -> gx.expectations.UnexpectedRowsExpectation:
    """An assignments row's grid_name, where the sheet has one (网格名称), is the name `grids` gives its grid_id, or one
    of its aliases: trial 171's `FL07,锦湖家园一网格` (FL06's name) paid its worker on FL07, exit 0; the id pays."""
    predicate = "is not the name grids.csv gives the row's grid_id: the id is paid, so check which grid is meant"
    other = (" and not list_contains(list_transform(string_split_regex(coalesce(g.aliases, ''), '[;；]'), "
             "lambda a: replace(trim(a), ' ', '')), replace(b.grid_name, ' ', ''))") if aliases else ""
    return gx.expectations.UnexpectedRowsExpectation(
        unexpected_rows_query=(f"select b.row_id from {{batch}} as b join {grids} as g on b.grid_id = g.grid_id "
                               f"where b.grid_name is not null and replace(b.grid_name, ' ', '') <> "
                               f"replace(g.grid_name, ' ', ''){other}"),
        description=f"grid_name {predicate}", meta=rule_says("grid_name", predicate))


def known(column: str, table: str, predicate: str, where: str = "true") -> gx.expectations.UnexpectedRowsExpectation:
    """Every non-blank value of `column` (in the rows `where` selects) is a `column` of the staged `table`."""
    return gx.expectations.UnexpectedRowsExpectation(
        unexpected_rows_query=(f"select row_id from {{batch}} where {where} and {column} is not null "
                               f"and {column} not in (select {column} from {table} where {column} is not null)"),
        description=f"{column} {predicate}", meta=rule_says(column, predicate))
