"""The policy's other scoring and pay modes: tier table, CMS value-based-purchasing points."""
from decimal import Decimal as D

import pytest

from conftest import policy_text
from gridpay.transforms.grid_scores import VbpBenchmarks, achievement_points, improvement_points, vbp_benchmarks
from gridpay.transforms.pay import tier_coefficient
from gridpay.transforms.policy import PolicyError, policy_from_toml

MARKS = VbpBenchmarks(threshold=70.0, benchmark=90.0)


@pytest.mark.parametrize("score, expected", [(95, "1.20"), (90, "1.20"), (89.99, "1.10"), (70, "1.00"),
                                             (65, "0.90"), (10, "0.80")])
def test_tier_table_gives_the_highest_tier_reached(score, expected):
    rule = policy_from_toml(policy_text(coefficient__mode='"tiers"')).coefficient
    assert tier_coefficient(D(str(score)), rule) == D(expected)


def test_tier_table_must_reach_down_to_zero():
    text = policy_text(coefficient__mode='"tiers"').replace("{ min_score = 0, coefficient = 0.80 },", "")
    with pytest.raises(PolicyError, match="min_score = 0"):
        policy_from_toml(text)


@pytest.mark.parametrize("score, points", [(95, 10), (90, 10), (80, 5), (70, 0.5), (69.9, 0)])
def test_achievement_points_follow_cms(score, points):
    assert achievement_points(score, MARKS) == pytest.approx(points)


def test_improvement_rewards_a_grid_that_climbs_from_a_low_start():
    # baseline 50, now 70: achievement only 0.5, improvement 10 x 20/40 - 0.5 = 4.5
    assert achievement_points(70, MARKS) == pytest.approx(0.5)
    assert improvement_points(70, 50, MARKS) == pytest.approx(4.5)
    assert improvement_points(49, 50, MARKS) == 0 and improvement_points(95, 50, MARKS) == 9


def test_benchmarks_are_the_median_and_the_top_decile_mean():
    marks = vbp_benchmarks({f"G{i}": float(s) for i, s in enumerate(range(50, 100, 5))}, 0.10)
    assert (marks.threshold, marks.benchmark) == (72.5, 95.0)
