"""A leaver's place left unpaid between two assignments while a co-worker covers the grid is said
(nobody on the grid at all is `_part_staffed`'s line); a handover on the next day, a worker's own
later row, and a successor in between say nothing."""
from datetime import date, timedelta

import duckdb

from gridpay.pipeline.scored_month import _handover_gaps


def _gaps(rows: list[tuple]) -> tuple[str, ...]:
    con = duckdb.connect()
    con.execute("create table run_params as select date '2026-10-01' as month_start, date '2026-10-31' as month_end")
    con.execute("create table stg_assignments (worker_id varchar, grid_id varchar, start_date date, end_date date)")
    con.executemany("insert into stg_assignments values (?, ?, ?, ?)", rows)
    days = [date(2026, 10, 1) + timedelta(days=n) for n in range(31)]
    covered = [(w, g, d) for w, g, s, e in rows for d in days
               if date.fromisoformat(s) <= d <= (date.fromisoformat(e) if e else days[-1])]
    con.execute("create table int_worker_grid_day (worker_id varchar, grid_id varchar, day date)")
    if covered:
        con.executemany("insert into int_worker_grid_day values (?, ?, ?)", covered)
    return _handover_gaps(con)


CO_WORKER = ("W3", "G4", "2025-03-01", None)


def test_a_successor_starting_days_after_the_leaver_is_said_with_the_unpaid_days():
    assert _gaps([CO_WORKER, ("W4", "G4", "2025-01-01", "2026-10-15"), ("W5", "G4", "2026-10-18", None)]) == (
        "G4: W4's assignment ends on 10-15 and W5's starts on 10-18, so nobody is paid for W4's place on 10-16 "
        "to 10-17; if W5 took over the day after 10-15, correct W5's start_date",)
    (one_day,) = _gaps([CO_WORKER, ("W4", "G4", "2025-01-01", "2026-10-15"), ("W5", "G4", "2026-10-17", None)])
    assert "W4's place on 10-16;" in one_day


def test_handovers_without_a_gap_and_grids_nobody_covers_say_nothing_here():
    assert _gaps([CO_WORKER, ("W4", "G4", "2025-01-01", "2026-10-15"), ("W5", "G4", "2026-10-16", None)]) == ()
    # the leaver's own next row (a weight changed), and a stand-in between leaver and successor
    assert _gaps([CO_WORKER, ("W4", "G4", "2025-01-01", "2026-10-15"), ("W4", "G4", "2026-10-16", None),
                  ("W5", "G4", "2026-10-20", None)]) == ()
    assert _gaps([CO_WORKER, ("W4", "G4", "2025-01-01", "2026-10-15"), ("W6", "G4", "2026-10-16", "2026-10-19"),
                  ("W5", "G4", "2026-10-20", None)]) == ()
    # no co-worker: the grid is empty those days, which the part-staffed line says
    assert _gaps([("W4", "G4", "2025-01-01", "2026-10-15"), ("W5", "G4", "2026-10-18", None)]) == ()
