"""A totals row at the bottom of a CSV (合计 ...) is set aside and counted, as in an Excel sheet
(survey.csv_totals_rows_set_aside): a twenty-third trial's CSV 合计 row was an invalid answer in the run
while `gridpay inspect` said it was set aside."""
from conftest import HAND_SURVEYS, SURVEY_HEADER, policy_text, write_csv
from gridpay.ingest.survey_files import survey_reading
from gridpay.ingest.survey_stage import stage_surveys, staged_counts
from gridpay.transforms.policy import policy_from_toml


def test_a_csv_totals_row_is_set_aside_as_a_sheets_is(tmp_path):
    path = tmp_path / "2026-09.csv"
    write_csv(path, SURVEY_HEADER, [*HAND_SURVEYS, ("合 计", "", "", "", "", "", "", "4.2", "", "", "", "", "")])
    rows = stage_surveys([path], survey_reading(policy_from_toml(policy_text())), b"k", tmp_path / "now", "2026-09")
    assert rows == len(HAND_SURVEYS)
    assert staged_counts(tmp_path / "now") == (len(HAND_SURVEYS), {"totals rows": 1})
    before = policy_text().replace("csv_totals_rows_set_aside = true\n", "")        # an invalid answer, as before
    assert stage_surveys([path], survey_reading(policy_from_toml(before)), b"k", tmp_path / "before",
                         "2026-09") == len(HAND_SURVEYS) + 1


def test_a_note_typed_under_the_answers_is_set_aside_in_a_csv_and_a_workbook(tmp_path):
    """A twenty-seventh trial's 备注：第12份问卷字迹不清 under a GBK CSV (and 注：... under a workbook's 合计
    row) was an invalid answer whose response id was the note (survey.note_rows_set_aside)."""
    import openpyxl
    note = ("备注：第12份问卷字迹不清，按可辨认部分录入", *[""] * (len(SURVEY_HEADER) - 1))
    csv_path = tmp_path / "2026-09.csv"
    write_csv(csv_path, SURVEY_HEADER, [*HAND_SURVEYS, note])
    book = openpyxl.Workbook()
    for row in (SURVEY_HEADER, *HAND_SURVEYS, ("注：小区一栏空白的按门牌录入",), ("填表人：小王", "", "2026-09-30")):
        book.active.append(list(row))
    xlsx_path = tmp_path / "2026-09-paper.xlsx"
    book.save(xlsx_path)
    reading = survey_reading(policy_from_toml(policy_text()))
    assert stage_surveys([csv_path], reading, b"k", tmp_path / "csv", "2026-09") == len(HAND_SURVEYS)
    assert staged_counts(tmp_path / "csv") == (len(HAND_SURVEYS), {"note rows": 1})
    # a note row has one filled cell: 填表人 beside a date is a row of its own (an invalid answer, said)
    assert stage_surveys([xlsx_path], reading, b"k", tmp_path / "xlsx", "2026-09") == len(HAND_SURVEYS) + 1
    assert staged_counts(tmp_path / "xlsx")[1] == {"note rows": 1}
    before = policy_text().replace("note_rows_set_aside = true\n", "")
    assert stage_surveys([csv_path], survey_reading(policy_from_toml(before)), b"k", tmp_path / "before",
                         "2026-09") == len(HAND_SURVEYS) + 1
