"""Dates as two volunteers type them into one sheet (trial 185): a time without its day was read as the run's day and
the line said to move it to that month; one volunteer's 3/9/2026 beside the other's 9/25/2026 was read month first and
lost unsaid; and where both wrote a day over 12, every date of 12 or less was refused, unsaid."""
from conftest import HAND_SURVEYS, survey, write_csv, SURVEY_HEADER


def _sheet(inbox, rows):
    write_csv(inbox / "surveys" / "2026-09" / "纸质问卷录入.csv", SURVEY_HEADER, rows)


def test_a_time_without_its_day_and_a_day_first_date_in_a_month_first_sheet_are_said(run_cli, make_inbox, make_policy):
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS})
    _sheet(inbox, [survey("P1", "G1", "5栋1单元101", ("4",) * 5, "9/25/2026"),         # 小张: month first
                   survey("P2", "G1", "5栋1单元102", ("4",) * 5, "3/9/2026"),          # 小李: 3 September
                   survey("P3", "G2", "6栋1单元101", ("1",) * 5, "15点20分")])          # the day in another column
    err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))[1]
    assert ("surveys/2026-09/纸质问卷录入.csv (row 4) gives a time without its day ('15点20分'): invalid, no month's "
            "answer; type the day the form was filled in with the time") in err
    assert "dated in 2026-12" not in err and "dated in 2027" not in err        # the run's day: no month's
    assert ("surveys/2026-09/纸质问卷录入.csv (row 3): 1 date that reads two ways ('3/9/2026') was read month first, as "
            "the file's other dates are written (a day over 12 comes second), and so falls outside 2026-09; read day "
            "first, it is 2026-09's") in err


def test_a_sheet_writing_dates_both_ways_says_why_its_dates_were_refused(run_cli, make_inbox, make_policy):
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS})
    _sheet(inbox, [survey("P1", "G1", "5栋1单元101", ("4",) * 5, "9/25/2026"),
                   survey("P2", "G1", "5栋1单元102", ("4",) * 5, "21/9/2026"),
                   survey("P3", "G2", "6栋1单元101", ("1",) * 5, "3/9/2026")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=1))
    assert code == 0, err
    assert ("the file writes dates both ways (21/9/2026, row 3; 9/25/2026, row 2: two people's habits?), so a date "
            "whose day is 12 or less reads two ways: write its dates with the year first") in err
