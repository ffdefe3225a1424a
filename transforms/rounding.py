"""The one rounding rule: every figure gridpay rounds (pay to the fen, coefficients, scores and
rates for print) goes through `rounded`, in exact arithmetic. The rule is the policy's
`pay.rounding`; ROUND_HALF_UP (a half goes away from zero, as 人事 rounds by hand) is the one it
accepts, so a figure printed and a figure paid are never rounded two ways."""
from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

RULES = ("ROUND_HALF_UP",)


def rounded(value: Decimal | Fraction | int, places: int, rule: str = "ROUND_HALF_UP") -> Decimal:
    """`value` to `places` decimals under `rule`, exactly (a Fraction or Decimal is never turned
    into a float on the way): rounded(Decimal("2.345"), 2) == Decimal("2.35")."""
    if rule not in RULES:
        raise ValueError(f"unknown rounding rule {rule!r}")
    scaled = Fraction(value) * 10 ** places
    whole = math.floor(scaled)
    rest = scaled - whole
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and scaled > 0):
        whole += 1          # half up: a tie goes away from zero (floor already went down for negatives)
    return Decimal(whole).scaleb(-places)
