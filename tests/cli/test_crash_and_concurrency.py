"""A run killed mid-way leaves the earlier publication and the warehouse consistent, and no phone
number in clear outside the inbox (the archive is encrypted) once the next run or `gridpay doctor`
has removed its private work folder; two runs on one warehouse at once take turns, or the second
stops naming the holder."""
import os
import signal
import time

import duckdb
import pytest

from processes import kill_when_paused, python_holding
from conftest import HAND_SURVEYS, RESIDENT_PHONE, WORKER_PHONE


def _wait_for(predicate, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def test_killed_run_leaves_the_published_month_and_warehouse_intact(run_cli, gridpay_process, make_inbox, tmp_path):
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    month = tmp_path / "out" / "2026-09"
    before = {p.name: p.read_bytes() for p in month.iterdir() if p.is_file()}
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        first_run = con.execute("select run_id from published").fetchone()[0]

    worse = [r[:7] + ("1", "1", "1", "1", "1") + r[12:] for r in HAND_SURVEYS]
    (inbox / "surveys" / "2026-09.csv").unlink()
    make_inbox({"2026-09.csv": worse})
    proc = gridpay_process("run", "--month", "2026-09", inbox=inbox, env={"GRIDPAY_FAULT": "pause:before_swap"})
    staged = lambda: any((tmp_path / "out").glob(".publishing-*/manifest.json"))  # noqa: E731
    assert _wait_for(staged), proc.communicate(timeout=5)      # a process still paused fails the test, never hangs it
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    assert {p.name: p.read_bytes() for p in month.iterdir() if p.is_file()} == before
    # the next run notices the interrupted one and records it as failed
    code, err = run_cli("history", "--month", "2026-09", inbox=inbox)
    killed = run_cli.out.splitlines()[2]          # shown as what it is, not "running" (a trial read it so)
    assert code == 0 and " interrupted " in killed and "its process ended before it recorded its end" in killed
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select run_id from published").fetchone()[0] == first_run
        statuses = [s for (s,) in con.execute("select status from runs order by started_at").fetchall()]
    assert statuses == ["published", "running"]
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        rows = con.execute("select status, message from runs order by started_at").fetchall()
    assert [s for s, _ in rows] == ["published", "failed", "published"]
    assert rows[1][1].startswith("interrupted")


def test_second_run_stops_naming_the_holder_after_its_bounded_wait(gridpay_process, make_inbox, tmp_path):
    db = tmp_path / "warehouse.duckdb"
    with python_holding("import sys, time; from pathlib import Path; from gridpay.store.run_lock import warehouse_lock\n"
                        f"with warehouse_lock(Path({str(db)!r}), 'gridpay run --month 2026-09', 5):\n"
                        "    print('locked', flush=True); time.sleep(60)") as holder:
        assert holder.ready == "locked"
        proc = gridpay_process("run", "--month", "2026-09", inbox=make_inbox(), env={"GRIDPAY_LOCK_TIMEOUT": "1"})
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 2
        assert f"the warehouse is busy with pid {holder.pid} (gridpay run --month 2026-09" in err
        assert "waited 1 s (GRIDPAY_LOCK_TIMEOUT)" in err
    assert not (tmp_path / "out" / "2026-09").exists()


def test_two_runs_at_once_take_turns_and_both_are_recorded(gridpay_process, make_inbox, tmp_path):
    inbox = make_inbox()
    first = gridpay_process("run", "--month", "2026-09", inbox=inbox)
    second = gridpay_process("run", "--month", "2026-09", inbox=inbox)
    results = [p.communicate(timeout=300) for p in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), results
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        runs = con.execute("select run_id, status, started_at, finished_at from runs order by started_at").fetchall()
        published = con.execute("select run_id from published").fetchone()[0]
        kept = con.execute("select count(distinct run_id) from payroll").fetchone()[0]
    assert [r[1] for r in runs] == ["published", "published"] and kept == 2
    assert runs[0][3] <= runs[1][2]                 # the second started only after the first finished
    assert published == runs[1][0]
    assert not list((tmp_path / "out").glob(".publishing-*"))


@pytest.mark.parametrize("point", ["policy_archived", "inputs_opened", "publish_write", "before_swap"])
def test_killed_run_leaves_no_phone_in_clear_and_next_run_cleans_up(point, gridpay_process, run_cli, make_inbox,
                                                                    tmp_path, request):
    # the archive is encrypted; a GBK file is decrypted, then transcoded to UTF-8 in the work folder
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS}, encoding="gbk")
    mark = tmp_path / "paused"
    previous = os.umask(0o022)           # the usual umask: a subprocess inherits it
    request.addfinalizer(lambda: os.umask(previous))
    proc = gridpay_process("run", "--month", "2026-09", inbox=inbox,
                           env={"GRIDPAY_FAULT": f"pause:{point}", "GRIDPAY_FAULT_MARK": str(mark)})
    kill_when_paused(proc, mark)

    def clear_phones():
        found = []
        for path in tmp_path.rglob("*"):
            if path.is_file() and path != mark and not path.is_relative_to(inbox):
                data = path.read_bytes()
                found += [(path, p) for p in (RESIDENT_PHONE, WORKER_PHONE) if p.encode() in data]
        return found
    # what the killed run created is private to its owner, whatever it was doing (umask 022 here)
    created = [p for root in ("out", "archive", "logs", "config") for p in (tmp_path / root).rglob("*")]
    assert len(created) > 5 and [str(p) for p in created if p.stat().st_mode & 0o077] == []
    work = tmp_path / "out" / ".work"
    if point == "inputs_opened":     # killed while reading: the clear copies are in its private work folder
        found = clear_phones()
        assert found and all(path.is_relative_to(work) for path, _ in found)
        assert work.stat().st_mode & 0o077 == 0
    else:
        assert clear_phones() == []
    run_cli("doctor", inbox=inbox)
    assert not work.exists() and not list((tmp_path / "out").glob(".publishing-*"))
    assert clear_phones() == []
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    assert clear_phones() == []
