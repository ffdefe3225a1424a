"""HR's notes reach the warehouse with their phone numbers masked: trial 259 found an appeal's 电话13812345623 and a
call's 回拨13812345640 in clear in raw_appeals and raw_verification (and the backup), though every document masked
them."""
import duckdb

from conftest import APPEAL_HEADER, appeal_row, today, write_csv

CALL_HEADER = ("response_id", "result", "called_by", "called_on", "note")


def test_an_appeals_note_and_a_calls_note_are_stored_masked(published_copy, run_cli, tmp_path):
    inbox, policy = published_copy("none", 2)
    row = list(appeal_row("A7", "W3", "R5", note="经回访核实（电话13812345623）"))
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [tuple(row)])
    write_csv(inbox / "verification" / "2026-09.csv", CALL_HEADER, [("R7", "属实", "王干事", today(), "回拨13812345640")])
    assert run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)[0] == 0
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        notes = con.execute("select decision_note from raw_appeals").fetchall() + con.execute(
            "select note from raw_verification").fetchall()
    assert ("经回访核实（电话138****5623）",) in notes and ("回拨138****5640",) in notes, notes
    assert not any("12345623" in str(n) or "12345640" in str(n) for n in notes)
