"""Every reason a survey row did not count, every survey validation rule and every flag has a
code (kept in the CSVs) and a label in each report language (the Chinese scorecard:
tests/cli/test_reason_labels_in_reports.py)."""
from datetime import date

import pytest

from gridpay.expectations.surveys import surveys_suite
from gridpay.reports.render import reason_text
from gridpay.reports.strings import LABELS
from gridpay.transforms.reasons import EXCLUSIONS

ITEMS = ("sat_environment", "sat_safety", "sat_service", "sat_responsiveness", "sat_overall")


def _rule_codes() -> list[str]:
    suite = surveys_suite(ITEMS, "grids", ("wechat", "paper"), date(2026, 9, 1), date(2026, 9, 30), range(1, 6))
    return [e.meta["code"] for e in suite.expectations]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rule_and_exclusion_has_a_code_and_a_label(lang):
    words = LABELS[lang]
    for code in _rule_codes():
        assert f"reason_{code}" in words, code
    exclusions = {code for code, _ in EXCLUSIONS}
    assert len(exclusions) == 7           # the policy's four and HR's review's three
    for code in exclusions:
        assert f"reason_{code}" in words
    for flag in ("no_scored_grid", "capped", "floored", "insufficient_responses", "prorated", "adjusted",
                 "budget_neutral"):
        assert f"flag_{flag}" in words, flag
    for flag in ("pooled", "insufficient_responses", "few_responses", "low_response_rate", "no_baseline"):
        assert f"grid_flag_{flag}" in words and f"short_flag_{flag}" in words, flag


def test_a_quarantined_rows_code_is_said_in_the_reports_language():
    # (codes are stored with their rows: tests/test_reason_data.py)
    assert reason_text("answer_out_of_scale:sat_overall;blank:household_id", "zh") == \
        "“总体满意度”的答案不在 1-5 之间；“住户”为空"


def test_the_duplicate_reason_says_the_households_scope():
    from gridpay.reports.render import reason_text
    assert reason_text("duplicate_household", "zh") == "同一户本月较早的答卷（每户只计最近一份）"
    assert reason_text("duplicate_household", "zh", "grid") == "同一网格内同一户本月较早的答卷（每户只计最近一份）"
    assert "in the same grid" in reason_text("duplicate_household", "en", "grid")
    assert reason_text("speeder", "zh", "grid") == reason_text("speeder", "zh")
