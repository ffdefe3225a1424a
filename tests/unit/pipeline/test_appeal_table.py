"""`gridpay appeals`' table: an appeal with worker_id blank is HR's own correction (a thirty-third trial, told to set
a home's repeat aside with an upheld appeal, filed it in a worker's name; the blank one made the command crash)."""
from gridpay.pipeline.appeals_report import AppealLine, appeal_table


def test_an_appeal_without_an_appellant_is_listed_as_hrs_own():
    lines = [AppealLine("HR-1", None, "P5", "other", "upheld", True, ""),
             AppealLine("SS-1", "W04", "140", "malicious", "pending", False, "1391.25", "1402.10")]
    out = appeal_table("2026-11", "run-1", lines)
    assert out[2].split() == ["HR-1", "(HR)", "P5", "other", "upheld"]
    assert out[3].split()[:2] == ["SS-1", "W04"] and out[3].rstrip().endswith("1402.10")
    assert any(line.strip().startswith("(HR): a row with worker_id blank") for line in out)
    assert not any("(HR):" in line for line in appeal_table("2026-11", "run-1", lines[1:]))


def test_no_appeal_says_what_a_row_of_appeals_csv_holds():
    """Trial 80's clerk, with the README only, found no columns for appeals.csv."""
    assert appeal_table("2026-05", "run-1", []) == [
        "gridpay appeals: no appeal of 2026-05 (the inbox's appeals.csv and run run-1); an appeal is a row of "
        "appeals.csv: appeal_id,month,worker_id,response_id,category,statement,filed_on,decision,decided_by,"
        "decided_on,decision_note,resident_grid (category: 误评, 恶意差评, 诱导或代填, 非本网格, 其他; decision: 待复核, 支持, 驳回)"]


def test_an_appeal_of_an_id_no_answer_has_is_told_so_not_advised_to_be_rejected():
    """Trial 121: the download's 62 for the month's C62 (its file's prefix) read '(not counted) ... record it as
    rejected (驳回)': a valid appeal turned down."""
    from gridpay.pipeline.appeals_report import _meant
    assert _meant("62", {"C62": "第一网格 6栋1单元102", "C162": "", "F62": "x"}) == ""       # two could be meant
    assert _meant("62", {"C62": "第一网格 6栋1单元102", "162": ""}) == "C62" and _meant("C62", {"C62": ""}) == ""
    line = AppealLine("A1", None, "62", "other", "pending", False, "", counted=False, meant="C62")
    out = appeal_table("2026-11", "run-1", [line])
    assert out[2].rstrip().endswith("pending (not yet applied) (no such answer: C62?)")
    assert any(x.strip().startswith("(no such answer): no answer of the month has this id") for x in out)
    assert not any("record it as rejected" in x for x in out)


def test_a_malicious_review_appeal_on_a_satisfied_answer_is_marked_before_it_is_upheld():
    """Trial 128: an appeal's id typed 78 (a 非常满意 answer) for 73 listed as an ordinary pending appeal; upheld, the
    run stopped on it. The list says it first, and not once the appeal is rejected."""
    line = AppealLine("A2", "W01", "78", "malicious", "pending", False, "2015.28", "1949.58", no_bad_rating=True)
    out = appeal_table("2026-11", "run-1", [line])
    assert out[2].split()[4:] == ["pending", "(not", "yet", "applied)", "(no", "bad", "rating)", "2015.28", "1949.58",
                                  "(lower)"]
    assert any(x.strip().startswith("(no bad rating): a malicious-review appeal (恶意差评)") for x in out)
    rejected = appeal_table("2026-11", "run-1", [AppealLine(**{**line.__dict__, "status": "rejected", "applied": True})])
    assert not any("no bad rating" in x for x in rejected)
