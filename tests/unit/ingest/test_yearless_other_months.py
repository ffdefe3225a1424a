"""A day typed without its year in another month (10月28日 in November's paper-form sheet): survey.yearless_dates
reads a day of the run's month only, so the row is invalid; trial 278's two October forms were quarantined as "not a
date-time" and nothing said, where the same rows dated 2026/10/28 were told to move to October."""
from conftest import HAND_SURVEYS, survey
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.misfiled import yearless_other_month_rows
from gridpay.ingest.staging import stage_inputs


def test_a_day_of_another_month_without_its_year_is_named_with_its_month(make_inbox, tmp_path):
    rows = [*HAND_SURVEYS, survey("R90", "G1", "G1-9-101", ("1",) * 5, "8月28日"),
            survey("R91", "G1", "G1-9-102", ("1",) * 5, "8月29日 14:30"),
            survey("R92", "G1", "G1-9-103", ("1",) * 5, "9月28日"),           # the run's month: read, not named
            survey("R93", "G1", "G1-9-104", ("1",) * 5, "12月30日"),          # December before this September
            survey("R94", "G1", "G1-9-105", ("1",) * 5, "13月2日")]           # no month: not one to move to
    inbox = make_inbox({"2026-09.csv": rows})
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    found = yearless_other_month_rows(tmp_path / "work", "2026-09")
    first = len(HAND_SURVEYS) + 2                      # the header is row 1
    assert found == [("surveys/2026-09.csv", "2026-08", [first, first + 1], "2026年8月28日"),
                     ("surveys/2026-09.csv", "2025-12", [first + 3], "2025年12月30日")], found
    # its re-check: 10.28 as Excel shows a date typed month.day (survey.dotted_dates), a day of another month too
    rows = [*HAND_SURVEYS, survey("R95", "G1", "G1-9-106", ("1",) * 5, "8.28"), survey("R96", "G1", "G1-9-107", ("1",) * 5,
                                                                                       "9.28")]
    stage_inputs(make_inbox({"2026-09.csv": rows}, name="dotted"), "2026-09", load_policy(DEFAULT_POLICY), b"k",
                 tmp_path / "dotted")
    assert yearless_other_month_rows(tmp_path / "dotted", "2026-09", dotted=True) == [
        ("surveys/2026-09.csv", "2026-08", [first], "2026年8月28日")]
    assert yearless_other_month_rows(tmp_path / "dotted", "2026-09") == []
