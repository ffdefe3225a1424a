"""A tier is reached by the score as printed (policy 2026.11, coefficient.tiers_on_shown_score): a thirty-fifth
trial's worker read 82.00 on the sheet beside "82 分及以上为 1.05" and was paid at 1.00 for a kept 81.9999."""
import dataclasses
from decimal import Decimal

from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.pay import tier_coefficient


def test_a_tier_is_reached_by_the_score_as_printed_unless_the_policy_predates_the_key():
    shipped = load_policy(DEFAULT_POLICY).coefficient
    rule = dataclasses.replace(shipped, mode="tiers", tiers=((Decimal(82), Decimal("1.05")), (Decimal(0), Decimal(1))))
    assert rule.tiers_on_shown_score
    assert tier_coefficient(Decimal("81.9999"), rule) == Decimal("1.05")       # printed 82.00
    assert tier_coefficient(Decimal("81.9949"), rule) == Decimal(1)            # printed 81.99
    before = dataclasses.replace(rule, tiers_on_shown_score=False)
    assert tier_coefficient(Decimal("81.9999"), before) == Decimal(1)
