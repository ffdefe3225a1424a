"""Run GX suites over tables of a DuckDB file and say which rows each rule failed.

Every input table (reference tables, the month's survey rows, HR's appeals and calls, the scored
month's exclusions) stays in DuckDB: GX computes each rule there through its SQL path. Each call
is GX as its documentation sets it up: a context, each suite added to it (so that every
expectation has an id, by which results are read back), a validation definition and a
checkpoint per table. A run keeps its suites and results in its validation record, which
`publish_data_docs` renders once as GX Data Docs into the month being published
(expectations/record.py: where; only counts, never a cell's value)."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import duckdb_engine

from gridpay.core.faults import sqlalchemy_fault_point
from gridpay.expectations.record import RESULTS, SITE, SUITES, TABLE_DOCS, publish_docs
from gridpay.expectations.results import RuleResult
from gridpay.transforms.reasons import RuleReason

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
import great_expectations as gx  # noqa: E402  (the environment switch must come first)
from great_expectations.data_context.types.base import (DataContextConfig, InMemoryStoreBackendDefaults,  # noqa: E402
                                                        ProgressBarsConfig)
from gridpay.expectations.docs_views import site_builders  # noqa: E402  (imports GX)

logging.getLogger("great_expectations").setLevel(logging.WARNING)

# Counts and the query selecting the failing rows, never the values: the Data Docs an auditor
# opens, and the results kept meanwhile, hold no cell of the data (a phone typed into an answer).
RESULT_FORMAT = {"result_format": "BASIC", "return_unexpected_index_query": True,
                 "exclude_unexpected_values": True, "partial_unexpected_count": 0}


@dataclass(frozen=True)
class TableValidation:
    """Rules in suite order; `failing_rows_sql[i]` selects the row ids rule i failed (None if none)."""
    rules: tuple[RuleResult, ...]
    failing_rows_sql: tuple[str | None, ...]
    reasons: tuple[RuleReason | None, ...] = ()     # each rule's reason as data (None: words only)


class _CursorPerQuery(duckdb_engine.ConnectionWrapper):
    """duckdb-engine's connection, with each SQLAlchemy cursor its own DuckDB cursor.

    GX reads a query's rows after handing its connection back (SqlAlchemyExecutionEngine.
    execute_query), and SQLAlchemy rolls the connection back as it is handed back. A DuckDB
    connection keeps one pending result, which the rollback empties, so every metric came back
    empty (GX issues 10738, 11579). A DuckDB cursor keeps its own result, so the rollback leaves
    it alone. This goes in through SQLAlchemy's documented `creator` argument (the data source's
    `kwargs`); GX itself runs as shipped. GX only reads here (no temporary tables:
    create_temp_table is off), so a cursor outside the connection's transaction changes nothing."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._database = duckdb.connect(path)
        self._cursors: list = []
        super().__init__(self._database)

    def cursor(self) -> duckdb_engine.CursorWrapper:
        sqlalchemy_fault_point("gx_sql", f"{self._path}.wal")
        cursor = self._database.cursor()
        self._cursors.append(cursor)
        return duckdb_engine.CursorWrapper(cursor, self)

    def close(self) -> None:
        for cursor in self._cursors:
            cursor.close()
        self._cursors.clear()
        super().close()


def _store(kind: str, folder: Path) -> dict:
    return {"class_name": kind, "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                                                  "base_directory": str(folder)}}


def _context(record: Path | None):
    """A context of its own for each call (its stores start empty). With a record folder, the
    suites and results are kept there as GX's JSON, where the Data Docs site finds every table
    the run validated."""
    config = DataContextConfig(store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
                               progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False))
    if record is not None:
        config.stores["expectations_store"] = _store("ExpectationsStore", record / SUITES)
        config.stores["validation_results_store"] = _store("ValidationResultsStore", record / RESULTS)
        config.data_docs_sites = {SITE: {
            "class_name": "SiteBuilder", "show_how_to_buttons": False,
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(record / TABLE_DOCS)},
            **site_builders()}}
    return gx.get_context(mode="ephemeral", project_config=config)


def validate_tables(db_file: Path, suites: dict[str, gx.ExpectationSuite], row_id: str = "row_id",
                    record: Path | None = None) -> dict[str, TableValidation]:
    """Validate each table (key) of the DuckDB file `db_file` with its suite, a checkpoint per
    table; with `record` (a folder of the run's work folder), the suites and results are kept
    there for the month's Data Docs. The engine's connections are closed before returning, so the
    caller may open the file again."""
    context = _context(record)
    source = context.data_sources.add_sql(db_file.stem, connection_string=f"duckdb:///{db_file}",
                                          kwargs={"creator": lambda: _CursorPerQuery(str(db_file))})
    try:
        results = {}
        for table, suite in suites.items():
            if record is not None and suite.name in {s.name for s in context.suites.all()}:
                context.suites.delete(suite.name)        # the same suite again in the run: the last one stands
            suite = context.suites.add(suite)           # each expectation gets its id
            batch = source.add_table_asset(table, table_name=table).add_batch_definition_whole_table(table)
            definition = context.validation_definitions.add(gx.ValidationDefinition(name=table, data=batch,
                                                                                    suite=suite))
            checkpoint = context.checkpoints.add(gx.Checkpoint(
                name=table, validation_definitions=[definition],
                result_format={**RESULT_FORMAT, "unexpected_index_column_names": [row_id]}))
            result, = checkpoint.run().run_results.values()
            results[table] = _in_suite_order(result.results, suite, table, row_id)
        return results
    finally:
        source.get_execution_engine().close()
        source.get_engine().dispose()


def validate_table(db_file: Path, table: str, suite: gx.ExpectationSuite, row_id: str = "row_id",
                   record: Path | None = None) -> TableValidation:
    return validate_tables(db_file, {table: suite}, row_id, record)[table]


def publish_data_docs(record: Path, staging: Path) -> None:
    """Render the run's validation record as GX Data Docs, once (each build compiles GX's page
    templates anew: built after every checkpoint, they cost ~1.5 s a table), and copy the site
    into the month's staging folder as validation/."""
    if (record / RESULTS).is_dir():
        _context(record).build_data_docs(site_names=[SITE])
        publish_docs(record, staging)


def _in_suite_order(results: list, suite: gx.ExpectationSuite, table: str, row_id: str) -> TableValidation:
    """The results, which GX returns in its own order, read back by each expectation's id into
    the suite's order, so that a row's reasons read in a fixed order."""
    by_id = {res.expectation_config.id: res for res in results}
    rules, queries, reasons = [], [], []
    for expectation in suite.expectations:
        res = by_id[expectation.id]
        _raise_if_broken(res)
        cfg = res.expectation_config
        reason = _reason(cfg.meta)
        rules.append(RuleResult(rule=cfg.type, column=_column(cfg), reason=cfg.meta.get("reason", cfg.type),
                                failed_rows=_failed_count(res), success=bool(res.success),
                                code=reason.label if reason else None))
        reasons.append(reason)
        queries.append(_failing_rows_sql(res, table, row_id))
    return TableValidation(tuple(rules), tuple(queries), tuple(reasons))


def _raise_if_broken(res) -> None:
    """A rule GX could not compute (its SQL failed: a full disk, say) is an error, not a verdict.
    GX 1.x files the failure under each metric that raised, or (older paths) at the top level."""
    info = res.exception_info or {}
    found = [info] + [v for v in info.values() if isinstance(v, dict)]
    raised = [i.get("exception_message") for i in found if i.get("raised_exception")]
    if raised:
        raise RuntimeError(f"expectation {res.expectation_config.type} could not run: {raised[0]}")


def _reason(meta: dict) -> RuleReason | None:
    """The reason a rule carries as data (transforms/reasons.py); None for a rule that has only words
    (the appeals' and calls' rules: their lines show no value)."""
    return RuleReason(meta.get("code"), meta["shows"], meta["predicate"]) if "shows" in meta else None


def _column(cfg) -> str | None:
    # a SQL rule names its column in meta
    return cfg.kwargs.get("column") or cfg.meta.get("column")


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
