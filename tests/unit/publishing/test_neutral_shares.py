"""A budget-neutral worker sheet's step 5 from its own figures (output format 28, trial 215)."""
from decimal import Decimal

from gridpay.publishing.neutral_shares import neutral_share
from gridpay.transforms.coefficient_rule import CoefficientRule

RULE = CoefficientRule("linear", Decimal(60), Decimal("0.80"), Decimal(90), Decimal("1.20"), Decimal(1), 4, ())


def _w(target, coefficient, days, pay, flags="budget_neutral"):
    return {"perf_pay_target": target, "coefficient": coefficient, "assigned_days": days, "days_in_month": 30,
            "performance_pay": pay, "flags": flags}


def test_a_worker_held_at_the_floor_is_told_so_not_scaled():
    # trial 215's W04: 680 x 0.8000 x 25/30 = 453.33, paid exactly that while the pool scaled the others down
    assert neutral_share(_w("680.00", "0.8000", 25, "453.33"), RULE) == {"kind": "floor", "unscaled": "453.33",
                                                                         "c": "0.80"}
    assert neutral_share(_w("1000.00", "1.2000", 30, "1200.00"), RULE)["kind"] == "cap"


def test_a_worker_shared_out_is_given_the_share_and_others_nothing():
    assert neutral_share(_w("1000.00", "1.0000", 30, "1076.92"), RULE) == {"kind": "shared", "unscaled": "1000.00",
                                                                           "ratio": "1.076920"}
    assert neutral_share(_w("1000.00", "1.0000", 30, "1000.00", flags=""), RULE) is None
    assert neutral_share(_w("1000.00", "1.0000", 30, "1076.92"), None) is None
