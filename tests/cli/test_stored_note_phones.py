"""HR's words reach the warehouse with their phone numbers masked however written (output format 30): trial 259 found
an appeal's 电话13812345623, a call's 回拨13812345640 and, its re-check, a dotted 138.1234.5608 and a 扣款's reason's
number in clear in the warehouse (and the backup), the last two on the worker's sheet too."""
import duckdb

from conftest import APPEAL_HEADER, appeal_row, today, write_csv

CALL_HEADER = ("response_id", "result", "called_by", "called_on", "note")


def test_an_appeals_note_and_a_calls_note_are_stored_masked(published_copy, run_cli, tmp_path):
    inbox, policy = published_copy("none", 2)
    row = list(appeal_row("A7", "W3", "R5", note="经回访核实（电话13812345623）"))
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [tuple(row)])
    write_csv(inbox / "verification" / "2026-09.csv", CALL_HEADER, [("R7", "属实", "王干事", today(), "回拨138.1234.5640")])
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W1", "2026-09", "50.00", "协助孙阿姨13812345680搬家", "人事科 陈主任")])
    assert run_cli("run", "--month", "2026-09", "--reason", "申诉复核", "--reference", "inbox", inbox=inbox,
                   policy=policy)[0] == 0
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        notes = con.execute("select decision_note from raw_appeals").fetchall() + con.execute(
            "select note from raw_verification").fetchall() + con.execute("select reason from raw_adjustments").fetchall()
    assert ("经回访核实（电话138****5623）",) in notes and ("回拨138****5640",) in notes, notes
    assert ("协助孙阿姨138****5680搬家",) in notes
    assert not any(number in str(n) for n in notes for number in ("12345623", "1234.5640", "12345680"))
