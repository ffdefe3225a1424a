"""What gridpay writes is private to its owner whatever the umask (0700 folders, 0600 files), or
to the owner's group with GRIDPAY_SHARE_GROUP=1; doctor names anything that became wider."""
import os
import stat

import pytest

from conftest import survey


def _created(tmp_path):
    roots = [tmp_path / "out", tmp_path / "archive", tmp_path / "logs"]
    paths = [p for root in roots if root.exists() for p in (root, *root.rglob("*"))]
    return paths + sorted(tmp_path.glob("warehouse.duckdb*"))


def _modes(paths):
    return {p: stat.S_IMODE(p.stat().st_mode) for p in paths}


@pytest.fixture
def open_umask():
    previous = os.umask(0o022)           # the usual umask: files 0644, folders 0755
    yield
    os.umask(previous)


def test_run_and_gate_failure_create_nothing_others_can_read(open_umask, run_cli, make_inbox, tmp_path):
    broken = [survey(f"B{i}", "NOPE", f"H{i}", ("4", "4", "4", "4", "4")) for i in range(5)]
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", "--reports", "all", inbox=inbox)[0] == 0
    make_inbox({"2026-10.csv": broken})
    assert run_cli("run", "--month", "2026-10", inbox=inbox)[0] == 1          # writes 2026-10.rejected/
    modes = _modes(_created(tmp_path))
    assert any("2026-10.rejected" in str(p) for p in modes) and any(p.suffix == ".pdf" for p in modes)
    assert len(modes) > 30
    assert {str(p): oct(m) for p, m in modes.items() if m & 0o077} == {}
    assert run_cli("doctor", inbox=inbox)[0] == 0


def test_share_group_opens_to_the_group_only_and_doctor_names_a_wider_file(open_umask, run_cli, make_inbox, tmp_path,
                                                                           monkeypatch):
    monkeypatch.setenv("GRIDPAY_SHARE_GROUP", "1")
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    modes = _modes(_created(tmp_path))
    assert {str(p): oct(m) for p, m in modes.items() if m & 0o007} == {}
    assert any(m & 0o040 for m in modes.values())
    payroll = tmp_path / "out" / "2026-09" / "payroll.csv"
    payroll.chmod(0o644)
    code, _ = run_cli("doctor", inbox=inbox)
    assert code == 1 and f"{payroll} is 644, readable beyond its owner and group" in run_cli.out
    assert "to make them private to you again (they hold phone hashes, names and pay): chmod -R o-rwx " in run_cli.out
