"""The one rounding rule: every figure gridpay rounds (pay to the fen, coefficients, scores and
rates for print) goes through `rounded`, in exact arithmetic. The rule is the policy's
`pay.rounding`; ROUND_HALF_UP (a half goes away from zero, as 人事 rounds by hand) is the one it
accepts, so a figure printed and a figure paid are never rounded two ways."""
from __future__ import annotations

import math
from functools import lru_cache
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction

RULES = ("ROUND_HALF_UP",)
_EXACT = Context(prec=60)       # more digits than any figure gridpay rounds: quantize never rounds twice


@lru_cache(maxsize=None)
def _quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def rounded(value: Decimal | Fraction | int, places: int, rule: str = "ROUND_HALF_UP") -> Decimal:
    """`value` to `places` decimals under `rule`, exactly (a Fraction or Decimal is never turned
    into a float on the way): rounded(Decimal("2.345"), 2) == Decimal("2.35")."""
    if rule not in RULES:
        raise ValueError(f"unknown rounding rule {rule!r}")
    if isinstance(value, (Decimal, int)):
        # the same rule by the decimal module (exact too, and ~20x faster: a city's month rounds
        # some 100,000 figures); a negative that rounds to zero is zero, as below
        result = Decimal(value).quantize(_quantum(places), rounding=ROUND_HALF_UP, context=_EXACT)
        return result.copy_abs() if result == 0 else result
    scaled = Fraction(value) * 10 ** places
    whole = math.floor(scaled)
    rest = scaled - whole
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and scaled > 0):
        whole += 1          # half up: a tie goes away from zero (floor already went down for negatives)
    return Decimal(whole).scaleb(-places)
