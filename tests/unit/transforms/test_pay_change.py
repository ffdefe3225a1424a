"""pay_changed per share of the month's days (review.pay_change_per_share, policy 2026.10)."""
from decimal import Decimal

from gridpay.store.scoring import _moved
from gridpay.transforms.month_review import pay_changed


def test_whole_months_of_31_and_30_days_compare_as_whole_months():
    """A twenty-sixth trial: 1536.00 for all 31 days of October, 1960.78 for all 30 of November, +27.7%:
    per day +31.9%, flagged under a 30% rule; per share of the month, the same whole month, not."""
    assert pay_changed(Decimal("1960.78"), Decimal("1536.00"), 0.3, (30, 31))
    assert not pay_changed(Decimal("1960.78"), Decimal("1536.00"), 0.3, (Decimal(30) / 30, Decimal(31) / 31))
    assert not _moved(Decimal("1960.78"), (30, 30), (Decimal("1536.00"), 31, 31), 0.3, True, True)
    assert _moved(Decimal("1960.78"), (30, 30), (Decimal("1536.00"), 31, 31), 0.3, True, False)
    assert not _moved(Decimal("960.00"), (15, 30), (Decimal("1900.00"), 31, 31), 0.3, True, True)   # half a month
    assert _moved(Decimal("2000.00"), (30, 30), (Decimal("1500.00"), 31, 31), 0.3, True, True)


def test_a_share_of_one_case_flags_no_grid_where_the_policy_asks_for_two():
    """Trials 89 and 93: one upheld appeal of one bad review, one coached call of one reached, each 100%: the worker
    read that the street office would look into it. Given (bad reviews, upheld, reached, failed) -> the flags."""
    from gridpay.transforms.month_review import review_flags
    from gridpay.transforms.review_cycle import review_cycle
    before = review_cycle({"appeals": {"window_days": 7}, "verification": {"sample_share": 0.05}})
    now = review_cycle({"appeals": {"window_days": 7, "least_upheld": 2},
                        "verification": {"sample_share": 0.05, "least_failed": 2}})
    assert review_flags(1, 1, 1, 1, before) == ("appeals_high", "verification_failed")     # a policy without the keys
    assert review_flags(1, 1, 1, 1, now) == ()
    assert review_flags(5, 2, 8, 2, now) == ("appeals_high", "verification_failed")         # two of each: as before
    assert review_flags(20, 2, 40, 1, now) == ()                                            # 10% and one call
