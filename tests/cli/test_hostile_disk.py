"""A hostile machine (issue 27, findings 9, 10, 11, 14): a disk that fills at any point of a run,
a warehouse file corrupted or cut short, an out/ that cannot be written, a killed audit. Each
gives one clear line (exit 2), the run's record is closed by the next command that takes the lock,
and no decrypted input outlives the command that made it."""
import errno
import os
from pathlib import Path

import duckdb
import pytest

from processes import kill_when_paused
from conftest import RESIDENT_PHONE, WORKER_PHONE

CLEAN = "the months published before are untouched"


def _runs(tmp_path):
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        return con.execute("select status, coalesce(message, '') from runs order by started_at").fetchall()


def _one_clean_line(err: str, start: str) -> str:
    line = err.strip().splitlines()[-1]
    assert line.startswith(start) and line.endswith(CLEAN), err
    assert "unexpected error" not in err and "sqlalche.me" not in err and "[SQL:" not in err, err
    return line


@pytest.mark.parametrize("points, recorded_at_once", [
    ("gx_sql", True),                         # GX's SQL path: SQLAlchemy's error around DuckDB's
    ("warehouse_write,record_end", False),    # the warehouse's commit, and then its record of the failure
    ("record_start", False),                  # the run's very first record
])
def test_disk_full_anywhere_gives_one_line_and_the_run_is_recorded_failed(
        points, recorded_at_once, published_copy, run_cli, tmp_path, monkeypatch):
    inbox, _ = published_copy("none")
    before = (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes()
    monkeypatch.setenv("GRIDPAY_FAULT", f"fail:{points}")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    monkeypatch.delenv("GRIDPAY_FAULT")
    assert code == 2
    line = _one_clean_line(err, "gridpay: No space left on device (")
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes() == before
    if recorded_at_once:
        assert "the run is recorded as failed" in line
        assert _runs(tmp_path)[-1][0] == "failed" and "No space left on device" in _runs(tmp_path)[-1][1]
        return
    assert "the next gridpay command that takes the warehouse records it" in line
    assert [s for s, _ in _runs(tmp_path)] == ["published"] + (["running"] if points != "record_start" else [])
    # the next command that takes the lock (here one that changes nothing else) records it
    assert run_cli("purge", "--before", "2000-01", inbox=inbox)[0] == 0
    status, message = _runs(tmp_path)[-1]
    assert [s for s, _ in _runs(tmp_path)] == ["published", "failed"]
    assert "No space left on device" in message and "recorded by the next command" in message
    assert not (tmp_path / "warehouse.duckdb.lock").read_bytes()      # settled: the note is gone
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0


def test_fault_line_unwraps_what_gx_and_duckdb_raise():
    from sqlalchemy.exc import OperationalError

    from gridpay.core.machine import fault_line
    wrapped = OperationalError("select 1", {}, duckdb.IOException(
        'IO Error: Could not write file "/x/stage.duckdb.wal": No space left on device'))
    gx = RuntimeError(f"expectation expect_column_values_to_not_be_null could not run: {wrapped}")
    for exc in (wrapped, gx):
        assert fault_line(exc, "audit", Path("/w.duckdb")) == (
            "No space left on device (/x/stage.duckdb.wal); the audit stopped and recorded nothing and " + CLEAN)
    corrupt = duckdb.Error("Corrupt database file: computed checksum 1 does not match stored checksum 2")
    assert fault_line(corrupt, "run", Path("/w.duckdb")).startswith("/w.duckdb: the warehouse file is corrupt (")
    assert fault_line(ValueError("a bug"), "run", None) is None
    # `gridpay inspect FILE | head`: a command that only prints has no month to speak of
    assert fault_line(BrokenPipeError(32, "Broken pipe"), "inspect", None) == "Broken pipe (while writing)"


def _corrupt(db: Path, how: str) -> None:
    if how == "truncated":
        os.truncate(db, db.stat().st_size // 2)
        return
    # 4 KB overwritten at four offsets: where four tables' rows are (the hand month's warehouse is
    # mostly free blocks, whose bytes nothing reads), past the file's 12 KB of headers
    with duckdb.connect(str(db), read_only=True) as con:
        offsets = [con.execute(f"select block_id, block_offset from pragma_storage_info('{table}') "
                               f"where block_id >= 0 order by block_offset limit 1").fetchone()
                   for table in ("payroll", "grid_scores", "raw_surveys", "quarantine")]
    with db.open("r+b") as handle:
        for block, offset in offsets:
            handle.seek(3 * 4096 + block * 256 * 1024 + offset)
            handle.write(bytes(range(256)) * 16)


@pytest.mark.parametrize("how", ["overwritten", "truncated"])
def test_corrupt_warehouse_is_named_by_doctor_and_every_command(how, published_copy, run_cli, tmp_path):
    inbox, _ = published_copy("none")
    db = tmp_path / "warehouse.duckdb"
    _corrupt(db, how)
    code, _ = run_cli("doctor", inbox=inbox)
    assert code == 1 and f"{db}: is corrupt (" in run_cli.out and "restore it from backup" in run_cli.out
    for command in (("history",), ("audit",), ("run", "--reports", "none")):
        code, err = run_cli(*command, "--month", "2026-09", inbox=inbox)
        if command == ("history",) and how == "overwritten":
            assert code == 0      # the runs table's own blocks are whole: history shows them
            continue
        assert code == 2, (command, err)
        line = _one_clean_line(err, f"gridpay: {db}: the warehouse file is corrupt (")
        assert "restore it from backup" in line
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").is_file()


def _read_only(monkeypatch, out: Path) -> Path:
    """out/ as a read-only mount leaves it: no folder can be made in it. (The tests run as root,
    whom a chmod does not stop; gridpay itself finds out by trying, not by os.access.)"""
    real_mkdir = os.mkdir

    def mkdir(path, mode=0o777, **kwargs):
        if Path(path).is_relative_to(out):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_mkdir(path, mode, **kwargs)
    monkeypatch.setattr(os, "mkdir", mkdir)
    return out


def test_audit_of_a_read_only_out_works_in_a_private_scratch(published_copy, run_cli, tmp_path, monkeypatch):
    inbox, _ = published_copy("none")
    read_only_out = _read_only(monkeypatch, tmp_path / "out")
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert "AUDIT PASSED" in run_cli.out
    assert f"audit: {read_only_out} cannot be written (Read-only file system)" in err
    assert not (read_only_out / ".work").exists()
    assert not (tmp_path / "warehouse.duckdb.work").exists()       # the private scratch went with the audit


def test_render_into_a_read_only_out_says_nothing_was_rendered(published_copy, run_cli, tmp_path, monkeypatch):
    inbox, _ = published_copy("none")
    _read_only(monkeypatch, tmp_path / "out")
    code, err = run_cli("render", "--month", "2026-09", "--reports", "hr", inbox=inbox)
    assert code == 2
    line = _one_clean_line(err, "gridpay: Read-only file system (")
    assert "no report was rendered over the month" in line and "the run is recorded as failed" not in line


def _clear_phones(tmp_path, inbox, skip=()):
    return [(path, phone) for path in tmp_path.rglob("*") if path.is_file() and not path.is_relative_to(inbox)
            and path not in skip for phone in (RESIDENT_PHONE, WORKER_PHONE) if phone.encode() in path.read_bytes()]


@pytest.mark.parametrize("scratch", ["out", "beside the warehouse"])
def test_killed_audit_leaves_no_clear_inputs_past_the_next_audit(scratch, published_copy, gridpay_process, run_cli,
                                                                 tmp_path):
    inbox, _ = published_copy("none")
    if scratch != "out":        # out/.work cannot be made: the audit works next to the warehouse
        (tmp_path / "out" / ".work").write_text("in the way", encoding="utf-8")
    mark = tmp_path.parent / f"{tmp_path.name}-paused"
    proc = gridpay_process("audit", "--month", "2026-09", inbox=inbox,
                           env={"GRIDPAY_FAULT": "pause:inputs_opened", "GRIDPAY_FAULT_MARK": str(mark)})
    kill_when_paused(proc, mark)
    left = tmp_path / "out" / ".work" if scratch == "out" else tmp_path / "warehouse.duckdb.work"
    found = _clear_phones(tmp_path, inbox)
    assert found and all(path.is_relative_to(left) for path, _ in found)      # the killed audit's decrypted inputs
    assert left.stat().st_mode & 0o077 == 0                                   # in a private folder

    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "AUDIT PASSED" in run_cli.out, err
    assert _clear_phones(tmp_path, inbox) == []
    assert not list(left.glob("audit-*")) and (scratch != "out" or not left.exists())
