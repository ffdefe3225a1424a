"""How a budget-neutral month's step 5 reached a worker's pay, from the sheet's own figures. The pool is shared in
proportion to target x coefficient, and whoever that would take below the floor's (or past the cap's) pay is held
there, the rest shared again (transforms/pay.py neutral_shares). Trial 215's sheets said "scaled to the budget" of
every worker: the floor-held W04's 453.33 was exactly unscaled, and no worker could redo a figure paid."""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from gridpay.transforms.coefficient_rule import CoefficientRule

CENT, SIXTH = Decimal("0.01"), Decimal("0.000001")   # six places: the unscaled figure x it gives the fen paid


def neutral_share(w: dict, rule: CoefficientRule | None) -> dict | None:
    """{'kind': 'floor'|'cap'|'shared', 'unscaled', 'c' (the bound's coefficient) or 'ratio'} for a worker of a
    budget-neutral pool; None for any other (or without the rule the month was paid under)."""
    if rule is None or "budget_neutral" not in (w.get("flags") or "").split(";"):
        return None
    target, coefficient = Decimal(str(w["perf_pay_target"])), Decimal(str(w["coefficient"]))
    share = Decimal(int(w["assigned_days"])) / Decimal(int(w["days_in_month"]))
    paid, exact = Decimal(str(w["performance_pay"])), target * coefficient * share
    unscaled = exact.quantize(CENT, ROUND_HALF_UP)
    for kind, c in (("floor", rule.floor), ("cap", rule.cap)):
        # held at the bound: paid it to the fen (the pool's last fen may fall to anyone, by the largest remainder)
        if abs(paid - (target * Decimal(str(c)) * share)) <= CENT:
            return {"kind": kind, "unscaled": f"{unscaled:.2f}", "c": f"{Decimal(str(c)):.2f}"}
    # her own share of the pool's (trial 215's re-check, shown four places, redid December's pay 6 to 10 fen high)
    ratio = (paid / exact).quantize(SIXTH, ROUND_HALF_UP) if exact else Decimal(1)
    return {"kind": "shared", "unscaled": f"{unscaled:.2f}", "ratio": f"{ratio}"}
