"""What the documents say of the rules is the policy's (output format 4): a thirty-fifth trial's worker sheet read
'1200.00 × 1.0000 × 30 ÷ 30 = 1339.98' under a fixed budget, and its notice told residents 'five questions,
averaged' under a policy of four items with 总体 counted twice."""
import dataclasses
from decimal import Decimal

from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.publishing.notice import how_items
from gridpay.reports.strings import labels


def test_the_notice_says_the_policy_s_items_and_their_weights():
    policy = load_policy(DEFAULT_POLICY)
    assert how_items(policy, labels("zh")).startswith("每份问卷5个题目，非常满意=100、") and "取平均" in how_items(
        policy, labels("zh"))
    four = dataclasses.replace(policy, items=("sat_environment", "sat_safety", "sat_helpfulness", "sat_overall"),
                               item_weights={"sat_overall": Decimal(2)}, questions={"sat_helpfulness": "为民办事"},
                               scale_min=1, scale_max=10)
    said = how_items(four, labels("zh"))
    assert said == "每份问卷4个题目（总体满意度按2倍计），1-10分按0-100换算，取加权平均。", said
    assert "sat_helpfulness" not in how_items(dataclasses.replace(four, item_weights={"sat_helpfulness": Decimal(3)}),
                                              labels("zh"))       # named as the form asks it: 为民办事按3倍计
    # trial 170's three-option form, 满意 = 5 and 不满意 = 1: its notice said 满意=75 (from output format 24 as read)
    three = dataclasses.replace(policy, answer_words={**policy.answer_words, "满意": "5", "不满意": "1"})
    assert how_items(three, labels("zh"), 24).startswith("每份问卷5个题目，非常满意、满意=100、基本满意=50、不满意、非常不满意=0")
    assert "满意=75" in how_items(three, labels("zh"), 23)                     # a month of format 23 as published


def test_a_worker_sheet_under_a_fixed_budget_says_its_pay_is_scaled(run_cli, make_inbox, make_policy, tmp_path):
    policy = make_policy(budget='"neutral"')
    code, err = run_cli("run", "--month", "2026-09", "--reports", "all", inbox=make_inbox(), policy=policy)
    assert code == 0, err
    sheets = [p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "2026-09" / "workers").glob("*.html")]
    # output format 28: how the pool reached each pay (every coefficient neutral here: shared out at 1)
    assert sheets and all("；再按预算分配，× 1.000000（分配到分，见下注）</td>" in s for s in sheets)
    notice = next((tmp_path / "out" / "2026-09" / "notice").glob("*.html")).read_text(encoding="utf-8")
    assert "每份问卷5个题目，" in notice and "每户每月只计最近一份" in notice
    assert ("以下答卷也不计入：用时不到本月答卷中位用时33%的；经回访核实不是本户所填或受人诱导填写的；申诉经复核成立的。"
            in notice)


def test_an_item_without_a_label_is_named_as_the_form_asks_it(run_cli, make_inbox, tmp_path):
    """A thirty-fifth trial's own item sat_helpfulness (为民办事) was printed as sat_helpfulness on the sheets."""
    from conftest import HAND_SURVEYS, SURVEY_HEADER, policy_text, write_csv
    inbox = make_inbox({})
    header = tuple("sat_helpfulness" if c == "sat_service" else c for c in SURVEY_HEADER)
    write_csv(inbox / "surveys" / "2026-09.csv", header, HAND_SURVEYS)
    policy = tmp_path / "own.toml"
    policy.write_text(policy_text().replace('"sat_service", "sat_responsiveness"', '"sat_helpfulness", "sat_responsiveness"')
                      .replace('sat_service = "服务态度"', 'sat_helpfulness = "为民办事"')
                      .replace("sat_service = 1\n", "sat_helpfulness = 1\n"), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "all", inbox=inbox, policy=policy)
    assert code == 0, err
    sheets = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "2026-09" / "workers").glob("*.html"))
    scorecard = (tmp_path / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8")
    assert '<th class="num">为民办事</th>' in sheets and "<tr><td>为民办事</td>" in scorecard
    assert ">sat_helpfulness<" not in sheets + scorecard


def test_the_scorecard_and_the_worker_sheet_say_what_each_adjustment_is_for(run_cli, make_inbox, tmp_path):
    """A forty-seventh trial's scorecard showed only 人工调整 500.00: whoever signed could not see it was a
    leaver's back pay, typed under a reused id (output format 6)."""
    code, err = run_cli("run", "--month", "2026-09", "--reports", "all", inbox=make_inbox())
    assert code == 0, err
    scorecard = (tmp_path / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8")
    assert "人工调整明细（金额、事由、批准人，按 adjustments.csv）：<br>王伟 (W1) +50.00 协助防汛加班（批准：人事科 陈主任）" in scorecard   # format 18: signed
    sheet = (tmp_path / "out" / "2026-09" / "workers" / "W1.html").read_text(encoding="utf-8")
    assert '<span class="meta">+50.00 协助防汛加班</span>' in sheet
    assert "协助防汛加班" not in (tmp_path / "out" / "2026-09" / "workers" / "W2.html").read_text(encoding="utf-8")
