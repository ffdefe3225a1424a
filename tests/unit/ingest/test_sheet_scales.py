"""A typed sheet's own legend for its numbers (survey.sheet_scales, policy 2027.15): trial 117's volunteer typed her
paper forms as numbers, 1 = 非常满意, and wrote so under them; the note was set aside, the answers read upside down, her
grid's worker paid at the floor (1400.00 for 1457.58), exit 0."""
import pytest

from conftest import HAND_SURVEYS, SURVEY_HEADER, policy_text
from downloads import write_xlsx
from gridpay.core.errors import InputError
from gridpay.ingest.formats import Source
from gridpay.ingest.sheet_scales import legend_pairs
from gridpay.ingest.survey_files import read_survey_file, survey_reading
from gridpay.transforms.policy import policy_from_toml

REVERSED = "说明：1=非常满意，2=满意，3=基本满意，4=不满意，5=非常不满意"


def test_a_legend_is_read_number_first_or_word_first():
    assert legend_pairs(REVERSED)[:2] == [("1", "非常满意"), ("2", "满意")]
    assert legend_pairs("备注：非常满意记为5，不满意为2；3代表一般") == [("3", "一般"), ("5", "非常满意"), ("2", "不满意")]
    assert legend_pairs("备注：第12份字迹不清，按5份计") == []
    # the points after the word with no sign (trial 306's re-check), read under policy 2027.36
    assert legend_pairs("评分标准：非常满意1分、满意记2分") == []
    assert legend_pairs("评分标准：非常满意1分、满意记2分", True) == [("1", "非常满意"), ("2", "满意")]


def _read(tmp_path, note: str | list, **keys):
    legend = note if isinstance(note, list) else [note]
    path = write_xlsx(tmp_path / "纸质问卷.xlsx", list(SURVEY_HEADER), [[*row] for row in HAND_SURVEYS] + [legend])
    return read_survey_file(Source(path.name, path), "2026-09", survey_reading(policy_from_toml(policy_text(**keys))),
                            ["G1", "G2"])


def test_a_note_giving_the_numbers_another_meaning_stops_the_run_naming_it(tmp_path):
    with pytest.raises(InputError) as stop:
        _read(tmp_path, REVERSED)
    assert stop.value.row == len(HAND_SURVEYS) + 2
    assert (f"the note '{REVERSED}' says 1 means 非常满意, which gridpay reads as 5: the sheet's numbers are typed on "
            f"another scale than the policy's") in str(stop.value)
    agreeing = _read(tmp_path, "说明：5=非常满意，1=非常不满意")          # the policy's own: read, the note set aside
    assert len(agreeing.frame) == len(HAND_SURVEYS) and agreeing.set_aside["note rows"] == 1
    before = _read(tmp_path, REVERSED, survey__sheet_scales='"as_typed"')     # a policy before the key: as before
    assert len(before.frame) == len(HAND_SURVEYS) and before.set_aside["note rows"] == 1


@pytest.mark.parametrize("legend", [["1代表非常满意，2代表满意，3代表基本满意，4代表不满意，5代表非常不满意"],
                                    ["1=非常满意", "2=满意", "3=基本满意", "4=不满意", "5=非常不满意"]])
def test_a_legend_typed_as_a_row_of_its_own_stops_the_run_too(tmp_path, legend):
    """Trial 120: a legend without 说明 before it, or one meaning a cell, was an invalid row; the answers above it
    were read upside down (W4 1280.00 for 1682.08), exit 0."""
    with pytest.raises(InputError, match="says 1 means 非常满意, which gridpay reads as 5") as stop:
        _read(tmp_path, legend)
    assert stop.value.row == len(HAND_SURVEYS) + 2


@pytest.mark.parametrize("above", [[["凤鸣小区网格测评"], [REVERSED]], [[f"凤鸣小区网格测评（{REVERSED[3:]}）"] * 4],
                                   [["凤鸣小区网格测评"], ["说明：非常满意1分，满意2分，基本满意3分，不满意4分，非常不满意5分"]]])
def test_a_legend_above_the_header_stops_the_run_too(tmp_path, above):
    """Trial 306: an office sheet's legend on row 2 (or in its merged title, each cell filled with it) was read as 5 =
    非常满意 (W104 1460.00 for 1559.79), exit 0 (survey.title_legends_checked, policy 2027.36)."""
    path = write_xlsx(tmp_path / "凤鸣.xlsx", list(SURVEY_HEADER), [[*row] for row in HAND_SURVEYS], above=above)
    read = lambda **keys: read_survey_file(Source(path.name, path), "2026-09",  # noqa: E731
                                           survey_reading(policy_from_toml(policy_text(**keys))), ["G1", "G2"])
    with pytest.raises(InputError, match="says 1 means 非常满意, which gridpay reads as 5") as stop:
        read()
    assert stop.value.row == len(above) and str(stop.value).count("凤鸣小区网格测评") <= 1   # a merged title once
    assert "and delete the note (or write it as gridpay reads: 5=非常满意 ... 1=非常不满意)" in str(stop.value)
    assert len(read(survey__title_legends_checked="false").frame) == len(HAND_SURVEYS)     # before the key


def test_a_sheet_titled_on_another_scale_stops_the_run_naming_its_title(tmp_path):
    """Trial 120: a 10分制 sheet with one answer above 5 had the others read as points of 5 (5 of 10 as 非常满意)."""
    path = write_xlsx(tmp_path / "桂园.xlsx", list(SURVEY_HEADER), [[*row] for row in HAND_SURVEYS],
                      above=[["桂园小区网格员满意度调查（10分制）"]])
    reading = survey_reading(policy_from_toml(policy_text()))
    with pytest.raises(InputError, match=r"'桂园小区网格员满意度调查（10分制）' says the sheet's answers are on a 1-10 "
                                          r"scale, the policy's on 1 to 5"):
        read_survey_file(Source(path.name, path), "2026-09", reading, ["G1", "G2"])


def test_a_tick_sheet_is_named_and_never_told_to_delete_a_column(tmp_path):
    """Trial 123: a column per option (环境卫生 over 非常满意, 满意 ... in the row below, ticked 1) was told 'a column
    hidden in Excel ... delete the one that is not the residents' answers'; done, each 非常满意 tick read as 1."""
    reading = survey_reading(policy_from_toml(policy_text()))
    env = SURVEY_HEADER.index("sat_environment")
    header = [*SURVEY_HEADER[:env], "sat_environment", *SURVEY_HEADER[env:]]
    options = [None] * env + ["非常满意", "满意"] + [None] * (len(SURVEY_HEADER) - env - 1)
    rows = [options, [*HAND_SURVEYS[0][:env], None, "1", *HAND_SURVEYS[0][env + 1:]]]
    path = write_xlsx(tmp_path / "王大爷.xlsx", header, rows)
    with pytest.raises(InputError, match=r"and name options \(非常满意, 满意\): a sheet with a column per option, ticked") as stop:
        read_survey_file(Source(path.name, path), "2026-09", reading, ["G1", "G2"])
    assert "delete no column, each holds answers" in str(stop.value) and "hidden" not in str(stop.value)
    one = write_xlsx(tmp_path / "删列.xlsx", list(SURVEY_HEADER), [options[:env + 1] + options[env + 2:], [*HAND_SURVEYS[0]]])
    with pytest.raises(InputError, match=r"is read as sat_environment but is headed by an option \(非常满意\)"):
        read_survey_file(Source(one.name, one), "2026-09", reading, ["G1", "G2"])
