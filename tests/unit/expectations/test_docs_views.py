"""GX's Data Docs pages are the same with their templates compiled once per process."""
import re

import duckdb
import great_expectations as gx

from gridpay.expectations import docs_views
from gridpay.expectations.runner import publish_data_docs, validate_table

# what GX writes differently at every build: times, and ids it makes afresh
_VOLATILE = re.compile(r"\d{8}T\d{6}\.\d+Z|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC"
                       r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|_run_time_sort': [\d.]+")


def _pages(folder):
    return {p.relative_to(folder): _VOLATILE.sub("", p.read_text(encoding="utf-8")) for p in folder.rglob("*.html")}


def test_data_docs_built_from_compiled_templates_are_the_pages_gx_draws(tmp_path):
    db = tmp_path / "t.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create table t as select range::integer as row_id, range % 7 as n from range(20)")
    suite = gx.ExpectationSuite(name="t", expectations=[
        gx.expectations.ExpectColumnValuesToBeBetween(column="n", min_value=0, max_value=5)])
    record = tmp_path / "record"
    assert validate_table(db, "t", suite, record=record).rules[0].failed_rows == 2
    docs_views._COMPILED._code.clear()
    publish_data_docs(record, tmp_path / "first")         # compiles GX's templates, keeps them
    compiled = len(docs_views._COMPILED._code)
    assert compiled > 10
    publish_data_docs(record, tmp_path / "second")        # from the compiled templates
    assert len(docs_views._COMPILED._code) == compiled
    first, second = _pages(tmp_path / "first" / "validation"), _pages(tmp_path / "second" / "validation")
    assert first and first == second
