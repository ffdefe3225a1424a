"""`gridpay doctor` after a backup restored from before a correction (trial 134): the lines that move pay come
first, and the likely cause is said where two months or more miss HR's decisions."""
from gridpay.pipeline import review_gate
from gridpay.pipeline.review_gate import UNAPPLIED, UNSHOWN

LINES = [f"2026-09 is final, but call R4 (confirmed) was recorded after run r1, so {UNSHOWN}: run the month again",
         f"2026-10 is published, but appeal A7 was decided (upheld) after run r2, so {UNAPPLIED}: run the month again",
         f"2026-10 is published, but call R9 (confirmed) was recorded after run r2, so {UNSHOWN}: run the month again"]


def test_the_lines_that_move_pay_come_first_and_the_restored_backup_is_named(monkeypatch):
    monkeypatch.setattr(review_gate, "final_months_known_wrong", lambda *a, **k: list(LINES))
    lines = review_gate.months_known_wrong_pay_first("db", "inbox", None)
    assert lines[0] == LINES[1] and lines[1:3] == [LINES[0], LINES[2]]
    assert lines[3].startswith("2026-09, 2026-10: HR's appeals or calls of 2 published months are not in the runs")
    assert "a warehouse restored from a backup older than the inbox" in lines[3]


def test_one_month_s_late_decision_is_not_called_a_restored_backup(monkeypatch):
    monkeypatch.setattr(review_gate, "final_months_known_wrong", lambda *a, **k: LINES[1:])
    assert review_gate.months_known_wrong_pay_first("db", "inbox", None) == LINES[1:]
