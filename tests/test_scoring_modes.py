"""The policy's other scoring and pay modes: tier table, CMS value-based-purchasing points."""
import csv
from decimal import Decimal as D

import pytest

from conftest import HAND_SURVEYS, policy_text
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


def test_vbp_month_without_baseline_is_flagged_then_scored_against_it(run_cli, make_inbox, make_policy, tmp_path):
    policy = make_policy(min_responses=3, scoring__mode='"vbp"')
    later = [tuple(v.replace("2026-09", "2026-10") for v in row) for row in HAND_SURVEYS]
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-10.csv": later})
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0
    assert run_cli("run", "--month", "2026-10", inbox=inbox, policy=policy)[0] == 0
    def grids(month):
        with (tmp_path / "out" / month / "grid_scores.csv").open(encoding="utf-8-sig") as handle:
            return {r["grid_id"]: r for r in csv.DictReader(handle)}
    assert grids("2026-09")["G1"]["flags"] == "no_baseline"
    assert grids("2026-10")["G1"]["flags"] == ""
    with (tmp_path / "out" / "2026-10" / "payroll.csv").open(encoding="utf-8-sig") as handle:
        pay = {r["worker_id"]: r for r in csv.DictReader(handle)}
    # same answers as the baseline: G1 (83.33) is the benchmark itself -> 10 points -> score 100
    assert pay["W1"]["score"] == "100.00" and pay["W1"]["coefficient"] == "1.2000"
