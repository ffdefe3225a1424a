"""The one rounding rule: half away from zero, in exact arithmetic, the same for Decimal and Fraction."""
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gridpay.transforms.rounding import rounded


def test_one_rounding_rule_half_away_from_zero_in_exact_arithmetic():
    assert rounded(Decimal("2.345"), 2) == Decimal("2.35") and rounded(Decimal("-2.345"), 2) == Decimal("-2.35")
    assert rounded(Fraction(1, 3), 4) == Decimal("0.3333") and str(rounded(Decimal("1161.1"), 2)) == "1161.10"
    with pytest.raises(ValueError):
        rounded(Decimal(1), 2, "ROUND_HALF_EVEN")


@settings(max_examples=300, deadline=None)
@given(st.integers(-10**12, 10**12), st.integers(0, 8), st.integers(0, 6))
def test_decimals_round_as_fractions_do(digits, exponent, places):
    """rounded() takes the decimal module's quantize for a Decimal (fast) and exact fraction
    arithmetic for a Fraction: both are the one rule, to the same digits and the same text."""
    value = Decimal(digits).scaleb(-exponent)
    assert str(rounded(value, places)) == str(rounded(Fraction(value), places))
