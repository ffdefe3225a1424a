"""Two downloads pasted into one file, the second's header between them with its columns in another order: a
trial 87 month read the rows below it under the first header's columns (phones as door numbers, a worker's own
rating counted), exit 0. The file is refused, naming the row; the same header in the same order reads as before.
And a row Excel hides, read as ever, is said."""
import pytest

from conftest import HAND_SURVEYS, SURVEY_HEADER, policy_text, write_csv
from downloads import HEADER, wjx_rows, write_xlsx
from gridpay.core.errors import InputError
from gridpay.ingest.survey_files import survey_reading
from gridpay.ingest.survey_stage import stage_surveys
from gridpay.transforms.policy import policy_from_toml

READING = survey_reading(policy_from_toml(policy_text()))


def _swapped(row: list, a: int, b: int) -> list:
    row = list(row)
    row[a], row[b] = row[b], row[a]
    return row


def test_a_platform_download_pasted_under_another_with_its_columns_moved_is_refused(tmp_path):
    rows = wjx_rows(list(HAND_SURVEYS))
    door, phone = HEADER.index("2、您家的门牌号"), HEADER.index("4、您的手机号码")
    path = write_xlsx(tmp_path / "318400101_2_满意度_20_20.xlsx", HEADER,
                      rows[:3] + [_swapped(HEADER, door, phone)] + [_swapped(r, door, phone) for r in rows[3:]])
    with pytest.raises(InputError) as found:
        stage_surveys([path], READING, b"k", tmp_path / "work", "2026-09")
    assert found.value.row == 5 and found.value.column == "2、您家的门牌号"      # the header, 3 answers, then it
    assert "holds its header again, its columns in another order (under '2、您家的门牌号' it has '4、您的手机号码')" in str(found.value)
    same = write_xlsx(tmp_path / "same.xlsx", HEADER, rows[:3] + [HEADER] + rows[3:])
    assert stage_surveys([same], READING, b"k", tmp_path / "same", "2026-09") == len(rows) + 1   # as before


def test_a_canonical_csv_pasted_under_another_with_its_columns_moved_is_refused(tmp_path):
    grid, household = SURVEY_HEADER.index("grid_id"), SURVEY_HEADER.index("household_id")
    path = write_csv(tmp_path / "2026-09.csv", SURVEY_HEADER, [*HAND_SURVEYS[:2], _swapped(SURVEY_HEADER, grid, household),
                                                              *(_swapped(r, grid, household) for r in HAND_SURVEYS[2:])])
    with pytest.raises(InputError) as found:
        stage_surveys([path], READING, b"k", tmp_path / "work", "2026-09")
    assert found.value.row == 4 and "(under 'grid_id' it has 'household_id')" in str(found.value), str(found.value)


def test_a_row_excel_hides_is_read_and_said(tmp_path, caplog):
    """Trial 87's test row, hidden instead of deleted, counted for its grid's worker, nothing said."""
    import openpyxl
    book = openpyxl.Workbook()
    for row in (SURVEY_HEADER, *HAND_SURVEYS):
        book.active.append(list(row))
    book.active.row_dimensions[3].hidden = True
    book.save(tmp_path / "paper.xlsx")
    assert stage_surveys([tmp_path / "paper.xlsx"], READING, b"k", tmp_path / "work", "2026-09") == len(HAND_SURVEYS)
    assert "paper.xlsx: 1 row (3) is hidden in Excel, and read like any other: a filter left on hides answers" in caplog.text


def test_a_neighbouring_month_s_hidden_rows_are_its_own_month_s_to_say(tmp_path, caplog):
    """Trial 131: October's and November's runs, looking in September's folder for misfiled answers, said
    September's download's hidden rows, and their scorecards listed them for HR to read before signing."""
    import openpyxl
    from gridpay.ingest.misfiled import misfiled_downloads
    book = openpyxl.Workbook()
    for row in (HEADER, *wjx_rows(list(HAND_SURVEYS))):
        book.active.append(list(row))
    book.active.row_dimensions[3].hidden = True
    (tmp_path / "surveys" / "2026-09").mkdir(parents=True)
    book.save(tmp_path / "surveys" / "2026-09" / "问卷星.xlsx")
    assert misfiled_downloads(tmp_path, "2026-10", READING, ["G1", "G2"]) == []
    assert "hidden in Excel" not in caplog.text
    staged = stage_surveys([tmp_path / "surveys" / "2026-09" / "问卷星.xlsx"], READING, b"k", tmp_path / "work",
                           "2026-09")
    assert staged and "1 row (3) is hidden in Excel" in caplog.text       # its own month's run says it
