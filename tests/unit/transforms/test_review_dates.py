"""A date of HR's review typed without its year (trials 69 and 72 were stopped on 10月4日 and 1月6日): read as
the first such day on or after the first day of the month reviewed."""
from gridpay.transforms.parsing import dated_from


def test_a_yearless_day_is_the_first_on_or_after_the_reviewed_months_start():
    assert dated_from("1月6日", "2026-12") == "2027-01-06"          # December's appeal, filed in January
    assert dated_from("12月30日", "2026-12") == "2026-12-30"
    assert dated_from("10月4号", "2026-10") == "2026-10-04"
    assert dated_from("2027/1/5", "2026-12") == "2027-01-05" and dated_from("2027年1月8日", "2026-12") == "2027-01-08"


def test_what_is_no_day_or_has_no_month_to_read_it_by_stays_as_typed():
    assert dated_from("2月30日", "2027-01") == "2月30日"            # validation names it
    assert dated_from("1月6日", None) == "1月6日" and dated_from("1月6日", "2026年12月") == "1月6日"
    assert dated_from("1月6日 14:30", "2026-12") == "1月6日 14:30"  # a time: not a date cell
    assert dated_from("", "2026-12") is None
