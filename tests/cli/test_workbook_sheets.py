"""A workbook as an office hands it on: a 说明 sheet put first and a hidden sheet of test answers (trial 200: told of
one, then, on the next run, of the other)."""
import pandas as pd
from openpyxl import load_workbook

from conftest import HAND_SURVEYS, SURVEY_HEADER


def test_a_first_sheet_of_notes_and_a_hidden_sheet_of_answers_are_said_at_once(run_cli, make_inbox, make_policy):
    inbox = make_inbox({}, name="sheets")
    with pd.ExcelWriter(inbox / "surveys" / "2026-09.xlsx") as writer:
        pd.DataFrame({"说明": ["本表为汇总", "请勿修改"]}).to_excel(writer, sheet_name="说明", index=False)
        pd.DataFrame(HAND_SURVEYS, columns=SURVEY_HEADER).to_excel(writer, sheet_name="Sheet1", index=False)
        pd.DataFrame(HAND_SURVEYS[:2], columns=SURVEY_HEADER).to_excel(writer, sheet_name="测试", index=False)
    book = load_workbook(inbox / "surveys" / "2026-09.xlsx")
    book["测试"].sheet_state = "hidden"
    book.save(inbox / "surveys" / "2026-09.xlsx")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(min_responses=3))
    assert code == 2 and ("its answers are on the sheet 'Sheet1', not on the first sheet, which gridpay reads: move that "
                          "sheet first (or save it as a file of its own) and run again; '测试' (hidden) holds answers "
                          "too: a hidden sheet in a platform's download") in err, err
