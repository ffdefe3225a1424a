"""A question added to a platform's form in the month (trial 262: 环境卫生 from 11-16, 108 of 217 answers scored on
four items, said nowhere), or dropped; an optional question most residents skip is neither."""
from conftest import survey
from downloads import HEADER, wjx_rows, write_xlsx
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.expectations.form_options import questions_added_or_dropped
from gridpay.ingest.staging import stage_inputs


def _row(i: int, environment: str, safety: str) -> tuple:
    return survey(str(i), "G1" if i % 2 else "G2", f"G1-{i}-101", (environment, safety, "4", "4", "4"),
                  f"2026-09-{1 + i // 2:02d} 10:{i % 60:02d}:00")


def test_a_question_first_answered_mid_month_is_said_and_one_most_skip_is_not(make_inbox, tmp_path):
    # 环境卫生 added after 24 answers; 治安安全 optional, first answered late too, but by one in five after it
    rows = [_row(i, "" if i < 24 else "3", "5" if i >= 24 and i % 5 == 4 else "") for i in range(40)]
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09" / "318806542_2_网格员满意度测评_40_40.xlsx", HEADER, wjx_rows(rows))
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    (found,) = questions_added_or_dropped(tmp_path / "work")
    assert found[1:] == ("sat_environment", "added", "2026-09-13 10:24", 24)


def test_a_question_added_then_dropped_is_said_both_ways(make_inbox, tmp_path):
    """Trial 262's re-check: added on 11-16 and dropped on 11-27, only the addition was said."""
    rows = [_row(i, "3" if 22 <= i < 40 else "", "4") for i in range(60)]
    inbox = make_inbox({})
    write_xlsx(inbox / "surveys" / "2026-09" / "318806542_2_网格员满意度测评_60_60.xlsx", HEADER, wjx_rows(rows))
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    assert [(f[2], f[4]) for f in questions_added_or_dropped(tmp_path / "work")] == [("added", 22), ("dropped", 20)]
