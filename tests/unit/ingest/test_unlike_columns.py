"""Two headers of a typed sheet read as one column (survey.duplicate_columns, policy 2027.14): a hundred-and-eleventh
trial's volunteer retyped 总体满意度 in a new column and hid the old, wrong one to its left; the hidden one was read,
seven answers scored low (W04 1319.95 for 1362.40), exit 0, nothing said."""
import openpyxl
import pytest

from conftest import HAND_SURVEYS, SURVEY_HEADER, policy_text
from downloads import write_xlsx
from gridpay.core.errors import InputError
from gridpay.ingest.formats import Source
from gridpay.ingest.survey_files import read_survey_file, survey_reading
from gridpay.transforms.policy import policy_from_toml

OVERALL = SURVEY_HEADER.index("sat_overall")


def _sheet(tmp_path, old_values: list[str]):
    """The typed sheet with an old 总体 column, hidden, left of the retyped one."""
    header = [*SURVEY_HEADER[:OVERALL], "总体满意度", *SURVEY_HEADER[OVERALL:]]
    rows = [[*row[:OVERALL], old, *row[OVERALL:]] for row, old in zip(HAND_SURVEYS, old_values)]
    path = write_xlsx(tmp_path / "纸质问卷.xlsx", [h if h != "sat_overall" else "总体满意度" for h in header], rows)
    book = openpyxl.load_workbook(path)
    book.active.column_dimensions[openpyxl.utils.get_column_letter(OVERALL + 1)].hidden = True
    book.save(path)
    return Source(path.name, path)


def _reading(**keys):
    text = policy_text(**keys)
    policy = policy_from_toml(text.replace("\nduplicate_columns = ", "\n# ", 1) if not keys else text)
    return survey_reading(policy)


def test_two_unlike_columns_read_as_one_stop_the_run_naming_both(tmp_path):
    source = _sheet(tmp_path, ["1"] * len(HAND_SURVEYS))
    with pytest.raises(InputError) as found:
        read_survey_file(source, "2026-09", _reading(survey__duplicate_columns='"refused"'), ["G1", "G2"])
    assert found.value.row == 2 and found.value.column == "sat_overall"      # the first answer's row differs
    assert ("headers '总体满意度' (column L) and '总体满意度' (column M) are both read as sat_overall, and their cells "
            "differ (first on this row): a column hidden in Excel is read too") in str(found.value)


def test_like_columns_and_a_policy_without_the_key_read_the_first_as_before(tmp_path):
    overall = [row[OVERALL] for row in HAND_SURVEYS]
    same = read_survey_file(_sheet(tmp_path, overall), "2026-09", _reading(survey__duplicate_columns='"refused"'),
                            ["G1", "G2"])
    assert list(same.frame["sat_overall"].fillna("")) == overall
    old = read_survey_file(_sheet(tmp_path, ["1"] * len(HAND_SURVEYS)), "2026-09", _reading(), ["G1", "G2"])
    assert set(old.frame["sat_overall"]) == {"1"}                        # the hidden, first column, as before


def test_two_columns_gridpay_does_not_read_under_one_header_stop_nothing(tmp_path):
    """Trial 129's merged 满意度评价 over the items (a header of two rows): `gridpay inspect` told HR to delete one of
    its columns as hidden. Only columns gridpay reads are compared."""
    rows = [[*row, "楼道灯", "电梯"] for row in HAND_SURVEYS]
    path = write_xlsx(tmp_path / "志愿者.xlsx", [*SURVEY_HEADER, "满意度评价", "满意度评价"], rows)
    frame = read_survey_file(Source(path.name, path), "2026-09", _reading(survey__duplicate_columns='"refused"'),
                             ["G1", "G2"])
    assert len(frame.frame) == len(HAND_SURVEYS)
