"""Run a GX suite over a table in the run's DuckDB stage file and say which rows each rule failed.

Every input table (reference tables and the month's survey rows) stays in DuckDB: GX computes
each rule there through its SQL path and hands back, per failing rule, the query that selects the
failing rows, so no row is pulled into Python to learn what is wrong with it."""
from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy.pool import NullPool

from gridpay.core.faults import sqlalchemy_fault_point
from gridpay.expectations.results import RuleResult

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
import great_expectations as gx  # noqa: E402  (the environment switch must come first)
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402
from great_expectations.execution_engine import sqlalchemy_execution_engine as _sa_engine  # noqa: E402

logging.getLogger("great_expectations").setLevel(logging.WARNING)


@dataclass(frozen=True)
class TableValidation:
    """Rules in suite order; `failing_rows_sql[i]` selects the row ids rule i failed (None if none)."""
    rules: tuple[RuleResult, ...]
    failing_rows_sql: tuple[str | None, ...]


@lru_cache(maxsize=1)
def _quiet_context():
    """One ephemeral context per process (each new one makes a temporary docs folder)."""
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    return context


def _raise_if_broken(res) -> None:
    """A rule GX could not compute (its SQL failed: a full disk, say) is an error, not a verdict.
    GX 1.x files the failure under each metric that raised, or (older paths) at the top level."""
    info = res.exception_info or {}
    found = [info] + [v for v in info.values() if isinstance(v, dict)]
    raised = [i.get("exception_message") for i in found if i.get("raised_exception")]
    if raised:
        raise RuntimeError(f"expectation {res.expectation_config.type} could not run: {raised[0]}")


def _column(cfg) -> str | None:
    # a SQL rule names its column in meta
    return cfg.kwargs.get("column") or cfg.meta.get("column")


# GX 1.x closes duckdb-engine's pooled connection before it reads the cursor (GX issues 10738,
# 11579), so every metric came back empty. Keeping one connection open per engine, as GX already
# does for SQLite, fixes it; other dialects are left as GX ships them.
_original_get_connection = _sa_engine.SqlAlchemyExecutionEngine.get_connection
_held_duckdb_engines: list = []     # GX makes more than one engine per source (one just to test it)


@contextlib.contextmanager
def _get_connection(self):
    if self.dialect_name != "duckdb":
        with _original_get_connection(self) as connection:
            yield connection
        return
    sqlalchemy_fault_point("gx_sql", f"{self.engine.url.database}.wal")
    if not self._connection:
        self._connection = self.engine.connect()
        _held_duckdb_engines.append(self)
    yield self._connection


def _release_duckdb_connections() -> None:
    """Close every DuckDB connection GX holds, so that the file can be opened again (DuckDB keeps
    one database instance per file and process while any connection to it lives)."""
    while _held_duckdb_engines:
        engine = _held_duckdb_engines.pop()
        if engine._connection is not None:
            engine._connection.connection.dbapi_connection.close()
            engine._connection.invalidate()
            engine._connection = None
        engine.engine.dispose()


_sa_engine.SqlAlchemyExecutionEngine.get_connection = _get_connection


def _failing_rows_sql(res, table: str, row_id: str) -> str | None:
    if res.success:
        return None
    cfg = res.expectation_config
    if "unexpected_rows_query" in cfg.kwargs:      # a SQL rule: its own query selects the rows
        query = cfg.kwargs["unexpected_rows_query"].format(batch=table)   # as GX formats it: {{ -> {
    else:
        query = res.result["unexpected_index_query"]
    return f"select {row_id} from ({query.rstrip().rstrip(';')})"


def _failed_count(res) -> int:
    if "unexpected_count" in res.result:
        return int(res.result["unexpected_count"])
    return int(res.result.get("observed_value") or 0)


_source_numbers = itertools.count()


def _identity(cfg) -> str:
    # results come back in GX's order, and a suite not saved in a context has no expectation ids
    # (a result's kwargs gain a batch id, so type and meta, whose reason is unique in a suite, name it)
    return json.dumps([cfg.type, cfg.meta], sort_keys=True, default=str)


def validate_tables(db_file: Path, suites: dict[str, gx.ExpectationSuite],
                    row_id: str = "row_id") -> dict[str, TableValidation]:
    """Validate each table (key) of the DuckDB file `db_file` with its suite through GX's SQL
    path, over one data source. The engine's connections are closed before returning, so the
    caller may open the file again."""
    # NullPool: a connection GX hands back is closed, not kept in a pool that outlives the run.
    # (GX opens the file several times; validate_staged holds its DuckDB instance open meanwhile.)
    context, name = _quiet_context(), f"stage-{next(_source_numbers)}"
    try:
        source = context.data_sources.add_sql(name, connection_string=f"duckdb:///{db_file}",
                                              kwargs={"poolclass": NullPool})
        results = {}
        for table, suite in suites.items():
            batch = source.add_table_asset(table, table_name=table).add_batch_definition_whole_table("whole").get_batch()
            # First only whether each rule holds (cheap: most rules of most months do); then, for
            # the rules that failed, their counts and the queries selecting the failing rows.
            passed = {_identity(r.expectation_config) for r in batch.validate(
                suite, result_format={"result_format": "BOOLEAN_ONLY"}).results if r.success}
            failing = [e for e in suite.expectations if _identity(e.configuration) not in passed]
            detail = batch.validate(gx.ExpectationSuite(name=f"{suite.name}-failed", expectations=failing),
                                    result_format={"result_format": "COMPLETE",
                                                   "unexpected_index_column_names": [row_id]}) if failing else None
            results[table] = _in_suite_order(detail.results if detail else [], suite, passed, table, row_id)
        return results
    finally:
        _release_duckdb_connections()
        if name in context.data_sources.all():
            context.data_sources.delete(name)


def validate_table(db_file: Path, table: str, suite: gx.ExpectationSuite, row_id: str = "row_id") -> TableValidation:
    return validate_tables(db_file, {table: suite}, row_id)[table]


def _in_suite_order(detail: list, suite: gx.ExpectationSuite, passed: set[str], table: str,
                    row_id: str) -> TableValidation:
    by_rule = {_identity(res.expectation_config): res for res in detail}
    rules, queries = [], []
    for expectation in suite.expectations:          # suite order, so a row's reasons read in a fixed order
        cfg = expectation.configuration
        if _identity(cfg) in passed:
            rules.append(RuleResult(rule=cfg.type, column=_column(cfg), reason=cfg.meta.get("reason", cfg.type),
                                    failed_rows=0, success=True))
            queries.append(None)
            continue
        res = by_rule[_identity(cfg)]
        _raise_if_broken(res)
        cfg = res.expectation_config
        rules.append(RuleResult(rule=cfg.type, column=_column(cfg), reason=cfg.meta.get("reason", cfg.type),
                                failed_rows=_failed_count(res), success=bool(res.success)))
        queries.append(_failing_rows_sql(res, table, row_id))
    return TableValidation(tuple(rules), tuple(queries))
