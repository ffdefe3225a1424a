"""`history` tells a killed run from a running one by the warehouse's lock (store/run_lock.py); a command
opening the warehouse while a run holds it is told so."""
import pytest

from processes import python_holding
from gridpay.store.run_lock import WarehouseBusy, lock_held, warehouse_lock
from gridpay.store.warehouse import HeldWarehouse, connect


def test_the_lock_is_seen_held_only_while_a_command_holds_it(tmp_path):
    db = tmp_path / "warehouse.duckdb"
    assert not lock_held(db)                      # no lock file yet
    with warehouse_lock(db, "gridpay run --month 2026-09", 1):
        assert lock_held(db)
    assert not lock_held(db)


def test_a_warehouse_a_run_holds_open_is_said_busy_naming_the_run(tmp_path):
    """A run keeps the warehouse's DuckDB instance open (store/warehouse.py held_warehouse): another process
    opening it meanwhile is told which run has it, not to restore it from backup."""
    db = tmp_path / "warehouse.duckdb"
    connect(db).close()
    with python_holding("import sys, pathlib\n"
                        "from gridpay.store.run_lock import warehouse_lock\n"
                        "from gridpay.store.warehouse import held_warehouse\n"
                        f"db = pathlib.Path({str(db)!r})\n"
                        "with warehouse_lock(db, 'gridpay run --month 2026-09', 1), held_warehouse(db):\n"
                        "    print('held', flush=True); sys.stdin.read()\n") as holder:
        assert holder.ready == "held"
        with pytest.raises(WarehouseBusy, match=r"busy with pid \d+ \(gridpay run --month 2026-09, by .*run this again"):
            connect(db)
    connect(db).close()                       # let go: opens again


def test_a_run_taking_the_warehouse_back_waits_for_a_reader_s_moment(tmp_path):
    """Between its steps a run lets the warehouse go; `gridpay history` opening it then holds it a moment, and the
    run waits for it rather than failing."""
    db = tmp_path / "warehouse.duckdb"
    connect(db).close()
    with python_holding("import duckdb, time\n"
                        f"con = duckdb.connect({str(db)!r}, read_only=True)\n"
                        "print('open', flush=True); time.sleep(1.0); con.close()\n") as reader:
        assert reader.ready == "open"
        with warehouse_lock(db, "gridpay run --month 2026-09", 1):
            held = HeldWarehouse(db)
            held.hold()                                  # waited for the reader, then held
            held.let_go()
