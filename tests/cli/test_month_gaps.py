"""A month run after months this warehouse has no run of, though it published an earlier one: a
seventy-fourth trial's clerk restored a backup taken before September was published and ran
October; a pooled grid's worker was paid 12.84 yuan too much, exit 0, nothing said."""
import json

import duckdb

from test_pooled_months import _grid, _inbox, _month


def test_a_month_after_a_month_never_run_here_stops_until_accepted(run_cli, make_inbox, tmp_path):
    inbox = _inbox(make_inbox, {m: _month(m) for m in ("2026-07", "2026-08", "2026-09")})
    assert run_cli("run", "--month", "2026-07", inbox=inbox)[0] == 0
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and line.startswith("gridpay: stopped: 2026-08 has no run in this warehouse ("), err
    assert ("though 2026-07 is published in it: 2026-09 reads the month before it (the pay change, and the answers "
            "a grid with few answers pools)") in line
    assert "restore the newer backup (warehouse/ and out/ together)" in line
    assert "publish it first (gridpay run --month 2026-08); if not, run 2026-09 again with --accept-fewer-answers" in line
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
    assert run_cli("run", "--month", "2026-07", inbox=inbox)[0] == 0          # an earlier month after it
    code, err = run_cli("run", "--month", "2026-08", inbox=inbox)             # and a re-run: nothing between
    assert code == 0 and "no run in this warehouse" not in err, err
