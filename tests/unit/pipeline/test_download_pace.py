"""A download's last answer days before the month's end says it was made early only where the form's own pace would
have had answers in the gap (trial 128: a form answered every two days, its last on the 29th, stopped the month)."""
from datetime import datetime

from gridpay.core.month import Month
from gridpay.pipeline.download_dates import MISSED_AT_LEAST, missed_answers

OCTOBER = Month.parse("2026-10")


def test_a_form_answered_every_two_days_misses_nothing_by_ending_on_the_29th():
    assert missed_answers(OCTOBER, datetime(2026, 10, 29, 10, 27), 15) < MISSED_AT_LEAST


def test_a_busy_form_downloaded_on_the_28th_misses_answers():
    assert missed_answers(OCTOBER, datetime(2026, 10, 28, 9, 0), 80) >= MISSED_AT_LEAST
    assert missed_answers(OCTOBER, datetime(2026, 10, 25, 12, 0), 15) < MISSED_AT_LEAST     # trial 129


def test_an_answer_within_the_last_two_days_leaves_no_gap_whatever_the_pace():
    assert missed_answers(OCTOBER, datetime(2026, 10, 30, 0, 0), 1000) == 0.0


def test_a_download_made_mid_month_misses_answers_at_a_modest_pace():
    assert missed_answers(OCTOBER, datetime(2026, 10, 17, 10, 0), 8) >= MISSED_AT_LEAST


def test_a_file_named_with_a_day_after_the_month_was_downloaded_after_it():
    from gridpay.pipeline.download_dates import stamped_after
    assert stamped_after("surveys/2026-10/腾讯问卷_锦绣家园网格员满意度调查_20261101.csv", OCTOBER)
    assert stamped_after("surveys/2026-10/答卷_202611011530.xlsx", OCTOBER)
    assert not stamped_after("surveys/2026-10/答卷_20261028.xlsx", OCTOBER)             # made on the 28th
    assert not stamped_after("surveys/2026-10/318826401_2_翠湖社区满意度_174_174.csv", OCTOBER)     # a form's id
    assert not stamped_after("surveys/2026-10/20261341.csv", OCTOBER)                  # no such day


def test_the_day_a_download_was_made_is_said_only_where_its_name_says_it():
    """Trial 135: a quiet form stamped _20261130 was called "a download made on 2026-11-22" (its latest answer)."""
    from gridpay.pipeline.download_dates import _stamp_said
    assert _stamp_said("surveys/2026-11/金数据_楼栋满意度_20261130.xlsx") == " (its name says 2026-11-30)"
    assert _stamp_said("surveys/2026-11/283746519_2_满意度测评_8_8.xlsx") == ""


def test_a_download_holding_a_later_months_answers_was_made_after_the_month(tmp_path):
    """Trial 156: a download with three answers of December 1st was stopped as made on November 26th."""
    from gridpay.expectations.early_downloads import downloaded_after
    from gridpay.ingest.survey_stage import stage_connection
    with stage_connection(tmp_path) as con:
        con.execute("create table set_aside (source_file varchar, what varchar, rows_set_aside integer)")
        con.executemany("insert into set_aside values (?, ?, ?)", [("a.xlsx", "rows of 2026-12", 3),
                        ("b.xlsx", "rows of 2026-10", 40), ("c.xlsx", "totals rows", 1), ("d.xlsx", "rows of 2027-01", 1)])
    assert downloaded_after(tmp_path, "2026-11") == {"a.xlsx", "d.xlsx"}
