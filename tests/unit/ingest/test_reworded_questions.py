"""A question reworded in the middle of the month (survey.reworded_questions, policy 2027.15): trial 117's download held
the overall question twice, the old one answered until the edit and the reworded one after; read by the old column
only, half the answers were scored on four items, exit 0, nothing said."""
import pytest

from conftest import HAND_SURVEYS, policy_text
from downloads import HEADER, wjx_rows, write_xlsx
from gridpay.core.errors import InputError
from gridpay.ingest.formats import Source
from gridpay.ingest.survey_files import read_survey_file, survey_reading
from gridpay.transforms.policy import policy_from_toml

OVERALL = next(i for i, h in enumerate(HEADER) if "总体" in h)
HALF = len(HAND_SURVEYS) // 2


def _download(tmp_path, new_header: str, both_on: int | None = None) -> Source:
    """The download with the overall question answered in its old column until HALF, in a new column after."""
    rows = wjx_rows(HAND_SURVEYS)
    for k, row in enumerate(rows):
        answer = row[OVERALL]
        row[OVERALL] = answer if k < HALF or k == both_on else "(空)"
        row.append("(空)" if k < HALF else answer)
    path = write_xlsx(tmp_path / "问卷星.xlsx", [*HEADER, new_header], rows)
    return Source(path.name, path)


def _read(source, **keys):
    text = policy_text(**keys)
    return read_survey_file(source, "2026-09", survey_reading(policy_from_toml(text)), ["G1", "G2"])


def test_two_headers_of_the_items_text_never_answered_on_one_row_read_as_one_question(tmp_path, caplog):
    read = _read(_download(tmp_path, "30、总的来说，您对网格员的总体工作是否满意？"))
    assert list(read.frame["sat_overall"].fillna("(空)")) == [row[OVERALL] for row in wjx_rows(HAND_SURVEYS)]
    assert "sat_overall is asked by 2 headers, never both on one row (the form edited in the month)" in caplog.text
    assert f"'30、总的来说，您对网格员的总体工作是否满意？' ({len(HAND_SURVEYS) - HALF} answers); read as one question" in caplog.text
    with pytest.raises(InputError, match="this row answers two of them, so they are two questions") as stop:
        _read(_download(tmp_path, "30、总的来说，您对网格员的总体工作是否满意？", both_on=HALF))
    assert stop.value.row == HALF + 2 and stop.value.column == "sat_overall"
    with pytest.raises(InputError, match="matches 2 headers"):      # a policy without the key stops, as before
        _read(_download(tmp_path, "30、总的来说，您对网格员的总体工作是否满意？"), survey__reworded_questions='"stop"')


def test_an_unread_column_answering_where_an_item_is_blank_stops_naming_both(tmp_path):
    source = _download(tmp_path, "30、总的来说，您对网格员的整体工作是否满意？")
    with pytest.raises(InputError) as stop:
        _read(source)
    assert stop.value.row == HALF + 2 and stop.value.column == "sat_overall"
    assert (f"'30、总的来说，您对网格员的整体工作是否满意？' is not read, but answers {len(HAND_SURVEYS) - HALF} rows (first on "
            f"this row) on each of which sat_overall, asked by '{HEADER[OVERALL]}', is blank: the question reworded in "
            f"the month? Set survey.questions.sat_overall to a text both headers hold") in str(stop.value)
    # a policy from before both rules: the old column alone, as before (survey.other_questions would stop on it)
    before = policy_text(survey__reworded_questions='"stop"').replace("other_questions = []\n", "")
    assert read_survey_file(source, "2026-09", survey_reading(policy_from_toml(before)), ["G1", "G2"]).frame[
        "sat_overall"].notna().sum() == sum(row[OVERALL] != "(空)" for row in wjx_rows(HAND_SURVEYS)[:HALF])


def test_a_list_of_texts_reads_a_question_reworded_with_no_text_in_common(tmp_path, caplog):
    """Trial 120: 您反映问题后，网格员处理得及时吗 shared only 网格员 (every question's) with 响应速度; the advice had no
    way through. A list gives each wording's text."""
    source = _download(tmp_path, "30、总的来说，您对网格员的整体工作是否满意？")
    read = _read(source, survey__questions__sat_overall='["总体", "整体工作"]')
    assert list(read.frame["sat_overall"].fillna("(空)")) == [row[OVERALL] for row in wjx_rows(HAND_SURVEYS)]
    assert "sat_overall is asked by 2 headers, never both on one row" in caplog.text
    with pytest.raises(InputError, match=r"or to a list of a text of each \(\['您对网格员的总体工作满意吗', '总的来说,"):
        _read(source)


def test_a_cumulative_downloads_earlier_months_asked_otherwise_stop_nothing(tmp_path):
    """A column the policy does not name answering only last month's rows (set aside) stops nothing."""
    rows = wjx_rows(HAND_SURVEYS)
    for k, row in enumerate(rows):
        answer = row[OVERALL]
        row[OVERALL] = "(空)" if k < HALF else answer
        row.append(answer if k < HALF else "(空)")
        row[1] = row[1].replace("2026/09/", "2026/08/") if k < HALF else row[1]
    path = write_xlsx(tmp_path / "问卷星.xlsx", [*HEADER, "30、总的来说，您对网格员的整体工作是否满意？"], rows)
    read = _read(Source(path.name, path))
    assert len(read.frame) == len(HAND_SURVEYS) - HALF and read.set_aside["rows of 2026-08"] == HALF


def test_a_reworded_question_stating_its_scale_is_compared_with_the_policy_s(tmp_path):
    """Trial 203's second re-check: the form changed to 打分（0-10分） in the month asked each item by two headers, and
    only the first (the old words' question) was compared, so a 1-10 policy published every answer a point high."""
    with pytest.raises(InputError, match=r"'30、总的来说，请为网格员的总体工作打分（0-10分）' says its answers are on 0 to 10, "
                                         r"the policy's scale is 1 to 5"):
        _read(_download(tmp_path, "30、总的来说，请为网格员的总体工作打分（0-10分）"),
              survey__questions__sat_overall='["总体工作是否满意", "总体工作打分"]')
