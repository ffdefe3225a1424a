"""`gridpay inspect` says what a run would stop on or read in doubt (a sixty-first trial's inspect showed
`respondent_phone=1.71395E+10` as if it were fine): phones Excel saved as numbers, fewer rows than a
问卷星 download's name says, times that read two ways where the file does not show the order."""
import pandas as pd

from gridpay.ingest.inspect_doubts import doubt_lines

NAME = "283746519_2_翠湖社区网格员满意度测评_5_5.csv"


def _frame(phones, times):
    return pd.DataFrame({"source_file": NAME, "row_number": range(2, 2 + len(phones)),
                         "respondent_phone": phones, "submitted_at": times}, dtype="string")


def test_excel_s_damage_is_named_with_its_rows():
    frame = _frame(["1.39562E+10", "13956201001", None, "13956201002.0"],
                   ["11/5/2026 9:03", "2026-11-20 10:00:00", "5/11/2026 9:03", "2026-11-21 10:00:00"])
    lines = doubt_lines(frame, NAME, 0)
    assert lines[0].startswith("check: 2 phones unreadable (rows 2, 5): Excel saved them as numbers")
    assert lines[1].startswith("check: the file holds 4 answer rows where its name says 5")
    assert lines[2].startswith("check: 2 times read two ways, day/month or month/day (rows 2, 4)")


def test_a_whole_download_of_month_first_times_says_nothing():
    frame = _frame(["13956201001"] * 4, ["11/5/2026 9:03", "11/25/2026 18:00", "11/7/2026 8:00", "11/30/2026 9:00"])
    assert doubt_lines(frame, NAME, 1) == []          # 4 rows and 1 of another month set aside: the 5 it names


def test_a_cell_of_two_numbers_is_told_as_the_run_reads_it_not_as_excels():
    """Trial 99: inspect told a volunteer's typed couple's cell to use the platform's download as it came."""
    frame = _frame(["13951230006/13812349999", "1.39562E+10", "13956201001", "13956201002"],
                   ["2026-11-20 10:00:00"] * 4)
    lines = doubt_lines(frame, "纸质问卷.csv", 0)
    assert lines[0].startswith("check: 1 phone unreadable (row 3): Excel saved them as numbers")
    assert lines[1] == ("check: 1 phone cell holds two numbers (row 2): a run checks each against workers.csv's phones "
                        "where the policy has survey.two_phone_cells = \"checked\" (the shipped one's since 2027.12): a "
                        "worker's makes the answer hers, a self-rating where it rates her grid; otherwise the answer "
                        "counts with no phone (a policy without the key stops on a worker's)")


def test_door_numbers_made_dates_and_times_saved_as_day_numbers_are_named():
    """Trial 131: inspect showed a WPS-saved download's 2026/9/1 door and 46327.47 times without a word; its runs
    stopped on the one, and the other sent an answer to December."""
    frame = _frame(["13956201001"] * 4, ["46327.47", "2026-11-20 10:00:00", "46357.00", "2026-11-21 10:00:00"])
    frame["household_id"] = pd.Series(["3栋2单元101", "2026/9/1", "3月2日", "5-1-302"], dtype="string")
    lines = doubt_lines(frame, NAME, 1)
    assert lines[0].startswith("check: 2 door numbers made a date (rows 3, 4): a spreadsheet's doing")
    assert lines[1].startswith("check: 2 answer times saved as day numbers (rows 2, 4, e.g. 46327.47): the file was "
                               "saved again by a spreadsheet")


def test_an_option_renamed_in_the_month_is_said_as_the_run_says_it_not_as_a_stop():
    """Trial 262: 基本满意 until 11-16, 一般 after; inspect said "a run stops on it" and the run published."""
    from gridpay.ingest.inspect_doubts import form_lines
    words = ["基本满意"] * 10 + ["一般"] * 10 + ["非常满意", "非常不满意"] * 3
    times = [f"2026-11-{d:02d} 10:00:00" for d in range(1, 11)] + [f"2026-11-{d:02d} 10:00:00" for d in range(17, 27)]
    times += ["2026-11-02 09:00:00", "2026-11-28 09:00:00"] * 3
    frame = pd.DataFrame({"sat_overall": words, "submitted_at": times}, dtype="string")
    (line,) = form_lines(frame, NAME, ("sat_overall",), {}, (True, True), (1, 5))
    assert "'基本满意' and '一般' are both read as 3, each given only after the one before" in line
    assert "a run stops" not in line
    frame.loc[0, "submitted_at"] = "2026-11-29 10:00:00"          # given in the same days: two options read as one
    assert form_lines(frame, NAME, ("sat_overall",), {}, (True, True), (1, 5))[0].endswith(
        "a run stops on it (gate.form_answers; docs/troubleshooting.md)")
