"""Commands as operators type them: relative locations, a month with no survey file, commands that
read a warehouse that is not there, exit codes, help and the console's lines."""
import os
import subprocess
import sys

import duckdb
import pytest

from gridpay.core.settings import settings_from_env
from gridpay.flows.cli import build_parser, main as gridpay_main


def test_every_location_is_absolute_once_settings_are_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GRIDPAY_OUT", "myout")
    s = settings_from_env().with_overrides(db="wh/w.duckdb", inbox="in")
    assert s.out == tmp_path / "myout" and s.inbox == tmp_path / "in"
    assert s.db == tmp_path / "wh" / "w.duckdb" and s.archive == tmp_path / "wh" / "archive"
    assert all(p.is_absolute() for p in (s.out, s.inbox, s.db, s.policy, s.archive, s.logs, s.key_file))


@pytest.mark.xdist_group("prefect")
def test_relative_out_with_prefect_publishes_and_records_published(make_inbox, tmp_path, monkeypatch, prefect_server,
                                                                   capsys):
    """Reproduces the crash after publishing: a relative --out reached Prefect's link artifact."""
    inbox = make_inbox()
    monkeypatch.chdir(tmp_path)
    code = gridpay_main(["run", "--month", "2026-09", "--inbox", "inbox", "--out", "out", "--db", "wh.duckdb",
                         "--prefect"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").is_file() and inbox == tmp_path / "inbox"
    with duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True) as con:
        assert con.execute("select status from runs").fetchall() == [("published",)]
    # one plain line per step (and W3's blank phone, G1's complaint replaced by praise), no flow-run nicknames, no
    # library chatter
    lines = err.strip().splitlines()
    assert [line.split(" ")[1] for line in lines] == ["read", "validated", "workers.csv", "天桥新村一网格", "scored",
                                                      "published"], lines
    assert all(line.startswith("gridpay: ") for line in lines)
    assert "Flow run" not in err and "temporary" not in err and "Traceback" not in err
    assert gridpay_main(["audit", "--month", "2026-09", "--out", "out", "--db", "wh.duckdb"]) == 0


@pytest.mark.xdist_group("prefect")
def test_nothing_after_the_swap_turns_a_published_run_into_a_failure(make_inbox, tmp_path, monkeypatch,
                                                                    prefect_server, capsys):
    import gridpay.flows.month as month_flow

    def broken(*args, **kwargs):
        raise ValueError("artifact store is down")
    monkeypatch.setattr(month_flow, "create_link_artifact", broken)
    code = gridpay_main(["run", "--month", "2026-09", "--inbox", str(make_inbox()), "--out", str(tmp_path / "out"),
                         "--db", str(tmp_path / "wh.duckdb"), "--prefect"])
    assert code == 0
    assert "published, but its Prefect artifacts could not be written" in capsys.readouterr().err
    with duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True) as con:
        assert con.execute("select status from runs").fetchall() == [("published",)]


@pytest.mark.xdist_group("prefect")
def test_a_scheduled_months_stop_is_a_failed_state_with_its_message_not_a_traceback(make_inbox, tmp_path,
                                                                                  prefect_server, caplog):
    """Trial 83 read the traceback Prefect logged of a stop under `gridpay serve` as a crash."""
    from gridpay.core.errors import GateFailed
    from gridpay.flows.schedule import monthly
    where = {"inbox": str(make_inbox({})), "out": str(tmp_path / "out"), "db": str(tmp_path / "wh.duckdb")}
    state = monthly(month="2026-11", return_state=True, **where)
    assert state.is_failed() and "no survey file for the month" in state.message, state.message
    assert "encountered an exception" not in state.message          # Prefect's words for a raised one
    assert not [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]
    with pytest.raises(GateFailed, match="no survey file for the month"):      # the CLI's exit 1
        monthly(month="2026-11", **where)


def test_unexpected_error_is_exit_2_with_one_line_and_the_log_path(make_inbox, tmp_path, monkeypatch, capsys):
    import gridpay.pipeline.steps as steps

    def bug(ctx, summary):
        raise KeyError("oops")
    monkeypatch.setattr(steps, "load_and_score_month", bug)
    code = gridpay_main(["run", "--month", "2026-09", "--inbox", str(make_inbox()), "--out", str(tmp_path / "out"),
                         "--db", str(tmp_path / "wh.duckdb")])
    err = capsys.readouterr().err
    assert code == 2
    last = err.strip().splitlines()[-1]
    assert last.startswith("gridpay: unexpected error in `gridpay run`: KeyError: 'oops'; the traceback is in ")
    log_path = last.rsplit(" ", 1)[-1]
    assert "Traceback" in open(log_path, encoding="utf-8").read() and "Traceback" not in err
    assert oct(os.stat(log_path).st_mode & 0o777) == "0o600"
    with duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True) as con:
        assert con.execute("select status from runs").fetchall() == [("failed",)]


def test_month_without_survey_file_stops_unless_allowed(run_cli, make_inbox, tmp_path):
    inbox = make_inbox({})
    code, err = run_cli("run", "--month", "2026-11", inbox=inbox)
    assert code == 1
    assert f"no survey file for the month in {inbox / 'surveys'}" in err and "--allow-empty-month" in err
    assert not (tmp_path / "out" / "2026-11").exists()

    code, err = run_cli("run", "--month", "2026-11", "--allow-empty-month", "--reports", "hr", inbox=inbox)
    assert code == 0, err
    html = (tmp_path / "out" / "2026-11" / "scorecard.html").read_text(encoding="utf-8")
    assert html.index("本月没有收到任何满意度问卷") < html.index("<h2>")      # said at the top
    assert not (tmp_path / "out" / "2026-11" / "workers").exists()           # --reports hr


def test_a_published_month_re_run_without_its_download_is_told_to_put_it_back(run_cli, make_inbox, tmp_path):
    """A seventy-fourth trial's clerk, correcting a month restored without inbox/, was told --allow-empty-month."""
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    (inbox / "surveys" / "2026-09.csv").unlink()
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and "was published (run " in err and ") from surveys/2026-09.csv: put it back there" in err, err
    assert "--allow-empty-month would pay every worker at the neutral coefficient" in err
    assert "to publish it on purpose, run again with --allow-empty-month" not in err


def test_commands_that_read_the_warehouse_never_create_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for argv in (["history", "--month", "2026-10"], ["audit", "--month", "2026-10"], ["doctor"],
                 ["finalize", "--month", "2026-10", "--by", "x"], ["render", "--month", "2026-10"], ["purge"]):
        assert gridpay_main(argv) == 2, argv
        assert f"no warehouse at {tmp_path / 'warehouse' / 'gridpay.duckdb'}" in capsys.readouterr().err
    assert not (tmp_path / "warehouse").exists()


def test_demo_prints_the_auditors_commands_for_its_paths(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert gridpay_main(["demo", "--months", "1", "--households", "300", "--reports", "none", "--dir", "d"]) == 0
    out = capsys.readouterr().out
    assert "gridpay history --month 2026-10 --db d/warehouse.duckdb" in out
    assert "gridpay audit --month 2026-10 --db d/warehouse.duckdb --out d/out" in out
    assert gridpay_main(["history", "--month", "2026-10", "--db", "d/warehouse.duckdb"]) == 0
    assert "PUBLISHED" in capsys.readouterr().out
    assert gridpay_main(["audit", "--month", "2026-10", "--db", "d/warehouse.duckdb", "--out", "d/out"]) == 0
    # the demo's gridpay.toml names them: inside d/, no flags
    assert "or inside d/, whose gridpay.toml names them: gridpay audit --month 2026-10" in out
    monkeypatch.chdir(tmp_path / "d")
    capsys.readouterr()
    assert gridpay_main(["history", "--month", "2026-10"]) == 0 and "PUBLISHED" in capsys.readouterr().out


def test_help_lists_exit_codes_version_and_only_each_commands_flags(capsys):
    parser = build_parser()
    top = parser.format_help()
    assert "exit status:" in top and "  1  the month was stopped" in top
    with pytest.raises(SystemExit):
        parser.parse_args(["--version"])
    assert capsys.readouterr().out.startswith("gridpay ")
    subparsers = next(a for a in parser._actions if a.dest == "command").choices
    for name, sub in subparsers.items():
        for action in sub._actions:
            assert action.help, (name, action.dest)
    assert "--inbox" not in subparsers["audit"].format_help() and "--lang" not in subparsers["audit"].format_help()
    assert "--out" not in subparsers["history"].format_help()
    assert "PREFECT_API_URL" in subparsers["serve"].format_help()
    # a sixtieth trial served for minutes on a temporary server: no run came. Without PREFECT_API_URL here even
    # where this process's test server (another test's prefect_server) set it: else serve serves, and never returns
    from prefect.settings import PREFECT_API_URL, temporary_settings
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert gridpay_main(["serve"]) == 2
    assert "gridpay serve needs a Prefect server: without PREFECT_API_URL" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parser.parse_args(["history", "--month", "2026-10", "--inbox", "x"])


def test_run_from_another_folder_as_a_process(make_inbox, tmp_path):
    """As typed: relative paths, in a folder that is not the project's."""
    make_inbox()
    env = {**os.environ, "GRIDPAY_OUT": "myout"}
    proc = subprocess.run([sys.executable, "-m", "gridpay.flows.cli", "run", "--month", "2026-09", "--inbox", "inbox",
                           "--db", "wh/w.duckdb", "--reports", "none"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "myout" / "2026-09" / "payroll.csv").is_file()
    # read, validated, W3's blank phone, G1's complaint replaced by praise, scored, published: one line each
    assert proc.stderr.count("\n") == 6 and "published" in proc.stderr and "no phone for 张喆 (W3)" in proc.stderr
