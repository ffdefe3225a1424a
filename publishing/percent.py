"""Percentages as the documents print them. From output format 10 each is rounded once, half up, by
the one rounding rule (transforms/rounding.py), and a rate that grid_scores.csv publishes (4
decimals) is printed as published, 0.8235 as 82.35%, never rounded a second time. Months published
before print as they did: through a float, so 0.8235 printed 82.3% and 13 of 16 81.2% (a seventy-
first trial's HR computed 82.4% and 81.3%), and a rate of zero from an earlier month printed blank."""
from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from gridpay.transforms.rounding import rounded

ONCE_HALF_UP = 10       # the output format from which percentages are rounded so


def published_rate(value: Decimal | str | None, output_format: int) -> str:
    """A rate of grid_scores.csv (a Decimal, or its text) as a percent."""
    if output_format < ONCE_HALF_UP:
        return f"{float(value):.1%}" if value else ""
    return "" if value is None or value == "" else f"{rounded(Decimal(value) * 100, 2)}%"


def ratio(part: Decimal | int, whole: Decimal | int, output_format: int, sign: bool = False) -> str:
    """part / whole as a percent with one decimal; blank where whole is zero."""
    if not whole:
        return ""
    if output_format < ONCE_HALF_UP:
        return f"{part / whole:{'+' if sign else ''}.1%}"
    shown = rounded(Fraction(part) / Fraction(whole) * 100, 1)
    return f"{shown:+}%" if sign else f"{shown}%"
