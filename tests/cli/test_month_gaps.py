"""A month run after months this warehouse has no run of, though it published an earlier one: a
seventy-fourth trial's clerk restored a backup taken before September was published and ran
October; a pooled grid's worker was paid 12.84 yuan too much, exit 0, nothing said."""
import json

import duckdb

from conftest import survey
from pooled_months import grid_row as _grid, month_rows as _month, months_inbox as _inbox


def test_a_month_after_a_month_never_run_here_stops_until_accepted(run_cli, make_inbox, tmp_path):
    inbox = _inbox(make_inbox, {m: _month(m) for m in ("2026-07", "2026-09")})
    assert run_cli("run", "--month", "2026-07", inbox=inbox)[0] == 0
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and line.startswith("gridpay: stopped: 2026-08 has no run in this warehouse ("), err
    assert ("though 2026-07 is published in it: 2026-09 reads the month before it (the pay change, and the answers "
            "a grid with few answers pools)") in line
    assert "restore the newer backup (warehouse/ and out/ together)" in line
    assert ("publish it first (gridpay run --month 2026-08); if 2026-08 was never surveyed nor paid, on this computer "
            "or another, run 2026-09 again with --accept-fewer-answers") in line
    assert not (tmp_path / "out" / "2026-09").exists()
    # accepted: said, listed on the scorecard (its notices), and the thin grid pools July and September only
    code, err = run_cli("run", "--month", "2026-09", "--accept-fewer-answers", inbox=inbox)
    assert code == 0, err
    said = "2026-08: no run in this warehouse, though 2026-07 is published in it; 2026-09 is scored without it"
    assert said in err
    assert _grid(tmp_path / "out", "2026-09")["window_months"] == "2026-07,2026-09"
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:
        notices, = con.execute("select run_notices from runs join published using (run_id) "
                               "where published.month = '2026-09'").fetchone()
    assert any(said in notice for notice in json.loads(notices))


def test_months_run_in_order_and_a_first_month_are_not_stopped(run_cli, make_inbox):
    inbox = _inbox(make_inbox, {m: _month(m) for m in ("2026-07", "2026-08")})
    assert run_cli("run", "--month", "2026-08", inbox=inbox)[0] == 0          # the warehouse's first month
    # an earlier month after it: no gap; its reference files said to be its own (pipeline/later_targets.py)
    assert run_cli("run", "--month", "2026-07", inbox=inbox)[0] == 1
    assert run_cli("run", "--month", "2026-07", "--reference", "inbox", inbox=inbox)[0] == 0
    code, err = run_cli("run", "--month", "2026-08", inbox=inbox)             # and a re-run: nothing between
    assert code == 0 and "no run in this warehouse" not in err, err


def test_a_month_published_empty_on_purpose_reads_no_earlier_month_and_can_be_finalized(run_cli, make_inbox):
    """Trial 75's flood month (no survey, `--allow-empty-month`) could never be finalized: "scored reading no run
    of 2026-06 (it was not published yet)", though June was published a month before it."""
    inbox = _inbox(make_inbox, {"2026-06": _month("2026-06")})
    assert run_cli("run", "--month", "2026-06", inbox=inbox)[0] == 0
    code, err = run_cli("run", "--month", "2026-07", "--allow-empty-month", inbox=inbox)
    assert code == 0 and "a month published without survey files pools no earlier month" in err, err
    assert "scored on earlier months where the policy pools them" not in err      # it was told so (trial 75)
    code, _ = run_cli("doctor", inbox=inbox)
    assert code == 0 and "STALE" not in run_cli.out and "no run of 2026-06" not in run_cli.out, run_cli.out
    code, err = run_cli("finalize", "--month", "2026-07", "--by", "陈主任", "--force", "--reason", "防汛停测", inbox=inbox)
    assert code == 0, err


def test_a_month_between_with_its_download_in_the_inbox_is_run_first_and_one_that_stopped_is_said(run_cli, make_inbox,
                                                                                                   tmp_path):
    """Trial 75: --accept-fewer-answers, offered for a month never surveyed, paid a worker 1500.00 for 1200.00 when
    the month had been surveyed; a month whose run stopped was never mentioned when the next one ran."""
    broken = [survey(f"X{i}", "G1", f"G1-{i}", ("9",) * 5, "2026-08-10 10:00:00") for i in range(20)]
    inbox = _inbox(make_inbox, {"2026-07": _month("2026-07"), "2026-08": _month("2026-08") + broken,
                                "2026-09": _month("2026-09")})
    assert run_cli("run", "--month", "2026-07", inbox=inbox)[0] == 0
    code, err = run_cli("run", "--month", "2026-09", "--accept-fewer-answers", inbox=inbox)
    assert code == 1 and "and the inbox holds survey files of 2026-08: 2026-09 reads the month before it, so run " \
                         "2026-08 first (gridpay run --month 2026-08)" in err, err
    assert not (tmp_path / "out" / "2026-09").exists()
    assert run_cli("run", "--month", "2026-08", inbox=inbox)[0] == 1           # a broken download: the gate
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert ("2026-08: not published in this warehouse (its run stopped); 2026-09 is scored without it (the pay change, "
            "and the answers a grid with few answers pools): publish 2026-08 (gridpay run --month 2026-08), then run "
            "2026-09 again") in err
    assert "has survey files in the inbox but is not published" not in err          # said once
