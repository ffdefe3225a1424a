"""Percentages on the documents: rounded once, half up, from output format 10 (a seventy-first trial's
HR computed 82.4% and 81.3% where the scorecard printed 82.3% and 81.2%); months before print as they did."""
from decimal import Decimal

from gridpay.publishing.percent import published_rate, ratio


def test_a_published_rate_prints_as_grid_scores_csv_has_it():
    assert published_rate("0.8235", 10) == "82.35%"           # 14 of 17, as the CSV rounds it
    assert published_rate(Decimal("0.8125"), 10) == "81.25%"
    assert published_rate(Decimal("0.0000"), 10) == "0.00%"   # an earlier month's zero: printed, not blank
    assert published_rate(None, 10) == "" and published_rate("", 10) == ""


def test_a_ratio_is_rounded_once_half_up():
    assert ratio(13, 16, 10) == "81.3%" and ratio(1, 16, 10) == "6.3%"
    assert ratio(Decimal("1723.50") - Decimal("1749.60"), Decimal("1749.60"), 10, sign=True) == "-1.5%"
    assert ratio(Decimal("26.10"), Decimal("1749.60"), 10, sign=True) == "+1.5%"
    assert ratio(5, 0, 10) == ""


def test_months_published_before_format_10_print_as_they_did():
    assert published_rate("0.8235", 9) == "82.3%" and published_rate(Decimal("0.0000"), 9) == ""
    assert ratio(13, 16, 9) == "81.2%" and ratio(Decimal(-1), Decimal(8), 9, sign=True) == "-12.5%"
