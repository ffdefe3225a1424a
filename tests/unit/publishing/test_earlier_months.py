"""A month's documents read the earlier months as they were published when its run began (output format 13):
trial 84's October failed `audit --documents` once July was corrected, its trend drawing July's new score."""
from datetime import datetime

import duckdb

from gridpay.publishing.earlier_months import published_before


def test_earlier_months_are_the_runs_published_when_the_run_began_from_format_13():
    con = duckdb.connect()
    con.execute("create table runs (run_id varchar, month varchar, status varchar, started_at timestamp, "
                "finished_at timestamp, output_format integer)")
    con.execute("create table published (month varchar, run_id varchar)")
    at = lambda day: datetime(2026, 11, day, 9)          # noqa: E731
    con.executemany("insert into runs values (?, ?, ?, ?, ?, ?)", [
        ("jul-1", "2026-07", "published", at(1), at(1), 13), ("aug-1", "2026-08", "published", at(2), at(2), 13),
        ("jul-bad", "2026-07", "gate_failed", at(3), at(3), 13),
        ("oct-1", "2026-10", "published", at(4), at(4), 13), ("oct-12", "2026-10", "published", at(4), at(4), 12),
        ("jul-2", "2026-07", "published", at(5), at(5), 13)])               # July corrected after October
    con.executemany("insert into published values (?, ?)", [("2026-07", "jul-2"), ("2026-08", "aug-1"),
                                                            ("2026-10", "oct-1")])
    assert published_before(con, "oct-1", "2026-10") == {"2026-07": "jul-1", "2026-08": "aug-1"}
    assert published_before(con, "oct-12", "2026-10") == {"2026-07": "jul-2", "2026-08": "aug-1"}   # as before
