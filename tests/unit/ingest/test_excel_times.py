"""Answer times a spreadsheet saved as rounded day numbers (ingest/excel_times.py): trial 131's 问卷星 download,
saved again in WPS, gave 2026-11-30 23:53 as 46357.00, read as 2026-12-01 00:00; the answer went to December and
W02 was paid 1371.56 for 1362.04, exit 0. 46296 is 2026-10-01, the first day after September."""
import csv

from conftest import HAND_SURVEYS, SURVEY_HEADER, write_csv
from downloads import HEADER, wjx_rows
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.excel_times import rounded_times, spreadsheet_message
from gridpay.ingest.staging import stage_inputs


def _timed(rows, times):
    return [r[:4] + (times.get(r[0], r[4]),) + r[5:] for r in rows]


def test_a_rounded_day_number_at_a_month_s_first_moment_is_named_in_either_month(make_inbox, tmp_path):
    times = {"R1": "46296.00", "R2": "46295.50", "R3": "46296.00001", "R5": "46265.997", "R6": "46266.4"}
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, _timed(HAND_SURVEYS, times))
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    found = rounded_times(tmp_path / "work", "2026-09")
    # R1: 2026-10-01 00:00 give or take 7 minutes; R5: 2026-08-31 23:55:41 give or take 43 seconds, September's first
    # moment 4 minutes away: not in its span. R2 noon, R3 to the second, R6 09:36: one month's
    assert [str(f) for f in found] == ["surveys/2026-09.csv row 2: 46296.00"], found
    message = spreadsheet_message("2026-09", found)
    assert message.startswith("2026-09: answer times saved as a spreadsheet's rounded day numbers may be another "
                              "month's; nothing published. surveys/2026-09.csv row 2: 46296.00. ")
    assert "Put the download in as the platform gives it" in message


def test_a_download_s_row_set_aside_as_the_next_month_s_is_named_by_its_answer(make_inbox, tmp_path):
    rows = wjx_rows(HAND_SURVEYS)
    rows[3][1] = "46296.00"       # R4's time: read as October's, set aside from September's download
    inbox = make_inbox({})
    (inbox / "surveys").mkdir(parents=True, exist_ok=True)
    with open(inbox / "surveys" / "2026-09-问卷星.csv", "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    assert [str(f) for f in rounded_times(tmp_path / "work", "2026-09")] == [
        "surveys/2026-09-问卷星.csv answer 4: 46296.00"]


def test_a_door_number_made_a_date_in_a_platform_download_is_named_not_in_a_typed_sheet(make_inbox, tmp_path):
    """Trial 131: a 问卷星 download saved again in WPS turned 9-1 into 2026/9/1; the row was invalid, its home's answer
    lost (W05 +1.20, exit 0, '1 invalid' the only word). In a sheet HR typed it stays an invalid row to type again."""
    from gridpay.ingest.excel_times import resaved_downloads
    rows = wjx_rows(HAND_SURVEYS)
    rows[1][7], rows[5][7] = "2026/9/1", "3月2日"
    inbox = make_inbox({})
    (inbox / "surveys").mkdir(parents=True, exist_ok=True)
    with open(inbox / "surveys" / "2026-09-问卷星.csv", "w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    typed = [r[:2] + ("5月12日",) + r[3:] if r[0] == "R3" else r for r in HAND_SURVEYS]
    write_csv(inbox / "surveys" / "2026-09-纸质.csv", SURVEY_HEADER, [(f"P{r[0]}",) + r[1:] for r in typed])
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    found = resaved_downloads(tmp_path / "work")
    assert [str(f) for f in found] == ["surveys/2026-09-问卷星.csv: 2 door numbers made dates (rows 3, 7)"]
    message = spreadsheet_message("2026-09", found)
    assert message.startswith("2026-09: a platform's download was opened and saved again in a spreadsheet, which "
                              "changed what residents typed; nothing published. surveys/2026-09-问卷星.csv: 2 door "
                              "numbers made dates (rows 3, 7). A door number")
    assert message.endswith("or type each named row's door number as the form gave it, and run again")
