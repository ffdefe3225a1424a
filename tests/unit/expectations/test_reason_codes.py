"""Every reason a survey row did not count, every survey validation rule and every flag has a
code (kept in the CSVs) and a label in each report language."""
import re
from datetime import date

import pytest

from conftest import ROOT
from gridpay.expectations.surveys import surveys_suite
from gridpay.reports.render import reason_text
from gridpay.reports.strings import LABELS
from gridpay.transforms.reason_codes import reason_code, rule_code

REPORTS = "all"
ITEMS = ("sat_environment", "sat_safety", "sat_service", "sat_responsiveness", "sat_overall")
SQL = ROOT / "transforms" / "sql" / "intermediate" / "int_survey_exclusions.sql"


def _rule_reasons() -> list[str]:
    suite = surveys_suite(ITEMS, "grids", ("wechat", "paper"), date(2026, 9, 1), date(2026, 9, 30), range(1, 6))
    return [e.meta["reason"] for e in suite.expectations]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_rule_and_exclusion_has_a_code_and_a_label(lang):
    words = LABELS[lang]
    for reason in _rule_reasons():
        code, _ = rule_code(reason)
        assert code != "invalid" and f"reason_{code}" in words, reason
    exclusions = re.findall(r"'excluded: (\w+) ", SQL.read_text(encoding="utf-8"))
    assert len(set(exclusions)) == 4           # duplicate_household has a text per household scope
    for code in exclusions:
        assert f"reason_{code}" in words
    for flag in ("no_scored_grid", "capped", "floored", "insufficient_responses", "prorated", "adjusted",
                 "budget_neutral"):
        assert f"flag_{flag}" in words, flag
    for flag in ("pooled", "insufficient_responses", "few_responses", "low_response_rate", "no_baseline"):
        assert f"grid_flag_{flag}" in words and f"short_flag_{flag}" in words, flag


def test_a_quarantined_rows_code_comes_from_its_stored_reason():
    assert reason_code("excluded: duplicate_household (an older answer; the household's latest answer counts)") == \
        "duplicate_household"
    assert reason_code("invalid: sat_overall '很好吧' is not 1-5 or blank; channel 'fax' is not one of wechat, paper; "
                       "sat_safety '7' is not 1-5 or blank") == \
        "answer_out_of_scale:sat_overall;unknown_channel;answer_out_of_scale:sat_safety"
    assert reason_code("invalid: household_id is blank") == "blank:household_id"
    assert reason_text("answer_out_of_scale:sat_overall;blank:household_id", "zh") == \
        "“总体满意度”的答案不在 1-5 之间；“住户”为空"


def test_the_duplicate_reason_says_the_households_scope():
    from gridpay.reports.render import reason_text
    assert reason_text("duplicate_household", "zh") == "同一户本月较早的答卷（每户只计最近一份）"
    assert reason_text("duplicate_household", "zh", "grid") == "同一网格内同一户本月较早的答卷（每户只计最近一份）"
    assert "in the same grid" in reason_text("duplicate_household", "en", "grid")
    assert reason_text("speeder", "zh", "grid") == reason_text("speeder", "zh")
