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
