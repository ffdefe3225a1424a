"""`history` tells a killed run from a running one by the warehouse's lock (store/run_lock.py)."""
from gridpay.store.run_lock import lock_held, warehouse_lock


def test_the_lock_is_seen_held_only_while_a_command_holds_it(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    assert not lock_held(db)                      # no lock file yet
    with warehouse_lock(db, "gridpay run --month 2026-09", 1):
        assert lock_held(db)
    assert not lock_held(db)
