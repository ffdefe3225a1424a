"""An older gridpay on a warehouse a newer one has published in (pipeline/build_guard.py, store/warehouse.py): trial
134's colleague's computer, not upgraded, re-published October under the older rules, exit 0."""
import duckdb
import pytest

from gridpay.core.errors import ConfigError
from gridpay.pipeline.build_guard import require_newest_build
from gridpay.pipeline.context import OUTPUT_FORMAT
from gridpay.store.warehouse import connect


def test_a_run_of_a_newer_output_format_refuses_the_warehouse_to_this_build(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    with connect(db) as con:
        columns = [c for (c,) in con.execute("select column_name from (describe runs)").fetchall()]
        con.execute(f"insert into runs (run_id, month, started_at, status, output_format, code_version) values "
                    f"('r1', '2026-10', now()::timestamp, 'published', {OUTPUT_FORMAT}, 'this')")
    assert "output_format" in columns
    require_newest_build(db, "gridpay run --month 2026-11")             # its own format: fine
    with connect(db) as con:
        con.execute(f"insert into runs (run_id, month, started_at, status, output_format, code_version) values "
                    f"('r2', '2026-10', now()::timestamp, 'published', {OUTPUT_FORMAT + 1}, '0.2.0+bnewer')")
    with pytest.raises(ConfigError, match=rf"a newer gridpay \(0.2.0\+bnewer, output format {OUTPUT_FORMAT + 1}\) has "
                                          r"run 2026-10 in this warehouse; .* gridpay render --month 2026-10 refused"):
        require_newest_build(db, "gridpay render --month 2026-10")


def test_a_schema_migration_this_build_does_not_know_refuses_the_warehouse(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    connect(db).close()
    with duckdb.connect(str(db)) as con:
        con.execute("insert into schema_migrations values (9999, '9999_from_the_future', now()::timestamp)")
    with pytest.raises(ConfigError, match="the warehouse's schema is at migration 9999, which this gridpay does not "
                                          "know"):
        connect(db)
