"""`gridpay appeals` prices a pending appeal with the verification calls HR recorded since the run:
trial 212 was shown 1742.94 for an appeal, and the run that applied it with the calls paid 1647.90."""
from __future__ import annotations

import re

from conftest import APPEAL_HEADER, appeal_row, today, write_csv
from gridpay.store.warehouse import connect

CALL_HEADER = ("response_id", "result", "called_by", "called_on", "note")


def _preview(run_cli, inbox) -> str:
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    return next(line.split() for line in run_cli.out.splitlines() if line.startswith("  A7"))[6]


def test_the_total_if_upheld_reads_the_calls_recorded_since_the_run(published_copy, tmp_path, run_cli):
    inbox, policy = published_copy("none", 2)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5", decision="")])
    assert run_cli("run", "--month", "2026-09", "--reason", "收到申诉", inbox=inbox, policy=policy)[0] == 0
    without_call = _preview(run_cli, inbox)
    # R7 (all 4s, W3's grid) found not genuine on a call of HR's own, recorded after the run
    write_csv(inbox / "verification" / "2026-09.csv", CALL_HEADER, [("R7", "未参与", "王干事", today(), "居民来电")])
    with_call = _preview(run_cli, inbox)
    assert with_call != without_call
    assert "with the calls inbox/verification/2026-09.csv holds now" in run_cli.out
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5")])
    assert run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)[0] == 0
    with connect(tmp_path / "warehouse.duckdb") as con:
        paid = con.execute("select total_pay_yuan from payroll where worker_id = 'W3' order by run_id desc "
                           "limit 1").fetchone()[0]
    assert f"{paid:.2f}" == with_call


def test_an_appeal_typed_with_the_downloads_number_is_told_the_id_it_means(published_copy, run_cli):
    """Trial 219 typed 金数据's 序号 224 for J224 and was told only that 224 is not one of the month's valid answers."""
    inbox, policy = published_copy("none", 2)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "5")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉", inbox=inbox, policy=policy)
    assert code == 1 and "response_id is not one of 2026-09's valid answers (did you mean R5?)" in err, err


def test_an_appeal_of_another_grids_answer_is_marked_and_not_priced(published_copy, run_cli):
    """Trial 219: an appeal of an answer in a grid its worker did not hold was priced as pending; the run stopped."""
    inbox, policy = published_copy("none", 2)
    # ... and HR's own correction dated before the window has no window: not early (trial 298's were, then applied)
    hr = ("H1", "2026-09", "", "R6", "其他", "同户重复", "2026-01-01", "支持", "人事科 陈主任", today(), "核实")
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W1", "R5", decision=""),
                                                     appeal_row("A8", "W3", "R5", decision=""), hr])
    assert run_cli("appeals", "--month", "2026-09", inbox=inbox)[0] == 0
    assert "early" not in next(x for x in run_cli.out.splitlines() if x.startswith("  H1")), run_cli.out
    lines = {x.split()[0]: x for x in run_cli.out.splitlines() if x.startswith("  A")}
    assert re.search(r"pending \(not the appellant's grid\)  [0-9.]+$", lines["A7"].rstrip()), lines["A7"]   # no total if upheld
    assert "(not the appellant's grid)" not in lines["A8"] and len(lines["A8"].split()) == 7
    assert "  (not the appellant's grid): the answer is of a grid the appellant did not hold" in run_cli.out
