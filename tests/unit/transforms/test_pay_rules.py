"""The pure pay functions: coefficient line, blending for unscored grids, rounding to the fen."""
from decimal import Decimal as D

import pytest

from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.pay import WorkerMonth, linear_coefficient, pay_line, prorated_pay

RULE = load_policy(DEFAULT_POLICY).coefficient


@pytest.mark.parametrize("score, expected", [
    (D("0"), D("0.80")), (D("60"), D("0.80")), (D("75"), D("1.00")), (D("90"), D("1.20")), (D("100"), D("1.20")),
])
def test_linear_coefficient_is_clamped_between_floor_and_cap(score, expected):
    assert linear_coefficient(score, RULE) == expected


def test_pay_is_rounded_once_half_up_to_the_fen():
    # 1000 x 1.0001 x 1 / 3 = 333.3666... -> 333.37; 0.005 rounds up, not to even
    assert prorated_pay(D("1000.00"), D("1.0001"), 1, 3) == D("333.37")
    assert prorated_pay(D("0.01"), D("0.5"), 1, 1) == D("0.01")


def _month(score, share=D(1), days=30, insufficient=False):
    return WorkerMonth("W1", "王伟", D("1000.00"), days, 30, score, share, 12, insufficient)


def test_grids_without_enough_answers_are_paid_at_the_neutral_coefficient():
    # half the month in a scored grid at 60 (0.80), half unscored (1.00): 0.90
    line = pay_line(_month(D("60"), share=D("0.5"), insufficient=True), RULE, D(0))
    assert line.coefficient == D("0.9000") and line.performance_pay == D("900.00")
    assert line.flags == ("floored", "insufficient_responses")
    silent = pay_line(_month(None, share=D(0), insufficient=True), RULE, D(0))
    assert silent.coefficient == D("1.0000") and "no_scored_grid" in silent.flags
    # a grid pooled over a predecessor's months (policy 2027.22): neutral, said as that, not as a grid without answers
    new = pay_line(WorkerMonth("W8", "何敏", D("1600.00"), 28, 28, None, D(0), 5, False, before_start=True), RULE, D(0))
    assert new.performance_pay == D("1600.00") and new.flags == ("window_before_start",)


def test_adjustment_is_shown_apart_from_the_computed_pay():
    line = pay_line(_month(D("75"), days=15), RULE, D("-20.5"))
    assert (line.performance_pay, line.adjustment, line.total_pay) == (D("500.00"), D("-20.50"), D("479.50"))
    assert line.flags == ("prorated", "adjusted")


def test_the_line_is_read_at_the_score_as_printed_from_policy_2027_8():
    """Trial 79's W16: kept 71.9849, printed 71.98; her sheet's 系数 0.9598 (at 71.9849) did not follow from
    its 得分 71.98 by the printed rule (0.9597)."""
    from dataclasses import replace
    assert RULE.linear_on_shown_score
    assert pay_line(_month(D("71.9849")), RULE, D(0)).coefficient == D("0.9597")
    assert pay_line(_month(D("71.9849")), replace(RULE, linear_on_shown_score=False), D(0)).coefficient == D("0.9598")
