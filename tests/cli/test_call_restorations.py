"""A call finding an answer not the household's own counts the home's earlier answer again, even where an
upheld appeal had taken the answer out first; the worker's sheet says so (output format 28). Trial 219's sheet
said 「该网格得分不受影响」 while the call had moved 杨帆's pay by 42.12 yuan."""
from conftest import APPEAL_HEADER, appeal_row, today, write_csv

CALL_HEADER = ("response_id", "result", "called_by", "called_on", "note")


def test_a_call_on_an_answer_an_appeal_took_out_says_the_homes_earlier_answer_counts_again(
        published_copy, tmp_path, run_cli):
    inbox, policy = published_copy("none", 2)
    # R1 (G1-1-101, W1's grid) out by an appeal (HR's own, category other); R4, the home's older answer, stays out
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "", "R1", category="其他")])
    assert run_cli("run", "--month", "2026-09", "--reason", "申诉", inbox=inbox, policy=policy)[0] == 0
    write_csv(inbox / "verification" / "2026-09.csv", CALL_HEADER, [("R1", "受诱导", "王干事", today(), "居民来电")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "回访", "--reports", "all", inbox=inbox, policy=policy)
    assert code == 0, err
    sheet = next((tmp_path / "out" / "2026-09" / "workers").glob("W1*.html")).read_text(encoding="utf-8")
    assert "经核实并非住户本人真实意见的答卷，该户本月较早的答卷（1 份）因此重新计入该网格得分。" in sheet
    assert "该网格得分不受影响" not in sheet


def test_a_call_taking_an_answer_out_says_the_homes_earlier_answer_counts_instead(published_copy, tmp_path, run_cli):
    """Trial 221's W03 read 「已不计入」 of a 未参与 call, and nothing of the home's earlier, poorer answer that then
    counted: her count and score moved unexplained (output format 29 says both)."""
    inbox, policy = published_copy("none", 2)
    write_csv(inbox / "verification" / "2026-09.csv", CALL_HEADER, [("R1", "未参与", "王干事", today(), "居民来电")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "回访", "--reports", "all", inbox=inbox, policy=policy)
    assert code == 0, err
    sheet = next((tmp_path / "out" / "2026-09" / "workers").glob("W1*.html")).read_text(encoding="utf-8")
    assert ("其中 1 份答卷经核实并非住户本人真实意见，已不计入该网格得分；其住户本月较早的答卷（1 份）因此重新计入。"
            in sheet), sheet[sheet.find("回访"):][:400]
