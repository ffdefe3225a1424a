"""A typed sheet's rows dated in another month are named with that month, but not a date that reads two
ways: a twenty-fifth trial's '8/11/2026' (8 November) was said to be August's, to move to surveys/2026-08/."""
from conftest import SURVEY_HEADER, policy_text, survey, write_csv
from gridpay.ingest.misfiled import other_month_rows
from gridpay.ingest.survey_files import survey_reading
from gridpay.ingest.survey_stage import stage_surveys
from gridpay.transforms.policy import policy_from_toml


def test_an_ambiguous_date_is_no_other_months_row(tmp_path):
    rows = [survey("P1", "G1", "1栋101", ("4",) * 5, "8/11/2026 10:00"),      # 8 Nov or 11 Aug: invalid, no month
            survey("P2", "G1", "1栋102", ("4",) * 5, "2026-10-02 10:00:00"),  # October's
            survey("P3", "G1", "1栋103", ("4",) * 5, "25/11/2026 10:00")]     # one reading only: November
    path = tmp_path / "2026-11.csv"
    write_csv(path, SURVEY_HEADER, rows)
    stage_surveys([path], survey_reading(policy_from_toml(policy_text())), b"k", tmp_path / "work", "2026-11")
    assert other_month_rows(tmp_path / "work", "2026-11", ambiguous_invalid=True) == [("2026-11.csv", "2026-10", [3])]
    assert len(other_month_rows(tmp_path / "work", "2026-11")) == 2        # read month-first: August (as before)


def test_two_downloads_neither_holding_the_other_are_not_told_to_keep_the_later():
    """A thirty-first trial's downloads held ids 1-120 and 100-206; told to keep the later only, it lost 59
    answers, exit 0."""
    from types import SimpleNamespace

    from gridpay.expectations.repeated_ids import SharedIds
    from gridpay.pipeline.id_messages import shared_ids_message
    ctx = SimpleNamespace(month="2026-11", inputs=SimpleNamespace(files=()), policy=SimpleNamespace(file_grids=()))
    partial = SharedIds(("surveys/2026-11/a.xlsx", "surveys/2026-11/b.xlsx"), ("100", "101"), 21, 21, (120, 107))
    said = shared_ids_message(ctx, [partial], [])
    assert "neither holds every answer of the other, so download the form once more" in said
    assert "keep the later only" not in said
    # trial 147: a 汇总 sheet beside the sheets it copies, 19 pairs in one line of 3,000 characters
    assert "if one file copies the other's rows (a 汇总 sheet saved beside the sheets it sums), take the copy out" in said
    many = [SharedIds((f"surveys/2026-11/{n}.xlsx", "surveys/2026-11/汇总.xlsx"), ("1",), 1, 1, (8, 40)) for n in range(9)]
    said = shared_ids_message(ctx, many, [])
    assert "; and 4 more" in said and "7.xlsx" not in said and said.count("take the copy out") == 3


def test_a_download_s_time_saved_without_its_year_is_no_other_month_s_answer(tmp_path):
    """A forty-first trial's 问卷星 time saved as '10/3 18:42' read as year 1 and was set aside as 0001-10's
    (the home's older answer counted instead, exit 0); '26/10/3' read as 2003."""
    from conftest import HAND_SURVEYS
    from downloads import HEADER, wjx_rows, write_xlsx
    from gridpay.ingest.formats import Source
    from gridpay.ingest.survey_files import read_survey_file
    rows = wjx_rows(HAND_SURVEYS)
    rows[1][1], rows[2][1], rows[3][1] = "9/10 10:00", "26/9/10 10:00", "2024/03/10 10:00"
    path = write_xlsx(tmp_path / "283746519_2_满意度_8_8.xlsx", HEADER, rows)
    now = survey_reading(policy_from_toml(policy_text()))
    read = read_survey_file(Source(path.name, path), "2026-09", now, ["G1", "G2"])
    assert dict(read.set_aside) == {"rows of 2024-03": 1} and len(read.frame) == 7    # the rest for the rules
    before = survey_reading(policy_from_toml(policy_text().replace("other_months_near = true", "")))
    assert dict(read_survey_file(Source(path.name, path), "2026-09", before, ["G1", "G2"]).set_aside) == {
        "rows of 0001-09": 1, "rows of 2010-09": 1, "rows of 2024-03": 1}


def test_a_download_cut_off_mid_row_is_refused_naming_its_row(tmp_path):
    """A forty-first trial's GBK download, its last line cut before 总体, counted that answer on four items."""
    import pytest
    from conftest import HAND_SURVEYS
    from downloads import HEADER, wjx_rows
    from gridpay.core.errors import InputError
    from gridpay.ingest.formats import Source
    from gridpay.ingest.survey_files import read_survey_file
    path = write_csv(tmp_path / "283746519_2_满意度_8_8.csv", HEADER, wjx_rows(HAND_SURVEYS), "gbk")
    whole = path.read_bytes()
    reading = survey_reading(policy_from_toml(policy_text()))
    assert len(read_survey_file(Source(path.name, path), "2026-09", reading, ["G1", "G2"]).frame) == 8
    path.write_bytes(whole[:whole.rstrip(b"\r\n").rfind(b",", 0, whole.rstrip(b"\r\n").rfind(b",") - 1)])
    with pytest.raises(InputError, match=r"row 9 has \d+ cells where the header has \d+: a download cut off"):
        read_survey_file(Source(path.name, path), "2026-09", reading, ["G1", "G2"])
    ended = whole.rstrip(b"\r\n")
    path.write_bytes(ended[:ended.rfind(b",")] + b"\r\n")     # the last cell left out, the line ended: blank
    assert len(read_survey_file(Source(path.name, path), "2026-09", reading, ["G1", "G2"]).frame) == 8
    before = survey_reading(policy_from_toml(policy_text().replace("csv_rows_complete = true", "")))
    path.write_bytes(whole[:whole.rstrip(b"\r\n").rfind(b",")])
    assert len(read_survey_file(Source(path.name, path), "2026-09", before, ["G1", "G2"]).frame) == 8


def test_a_download_holding_fewer_answers_than_its_name_says_is_named(tmp_path):
    """A forty-first trial's download of 82 answers, cut at row 60 and ended cleanly, was paid on 60, exit 0."""
    from conftest import HAND_SURVEYS
    from downloads import HEADER, wjx_rows, write_xlsx
    from gridpay.ingest.download_counts import short_downloads
    august = [r[:4] + ("2026-08-20 09:00:00",) + r[5:] for r in HAND_SURVEYS[:2]]      # set aside, but held
    cut = write_xlsx(tmp_path / "283746519_2_满意度_12_12.xlsx", HEADER, wjx_rows(august + HAND_SURVEYS))
    whole = write_xlsx(tmp_path / "283746519_2_满意度_10_10.xlsx", HEADER, wjx_rows(august + HAND_SURVEYS))
    reading = survey_reading(policy_from_toml(policy_text()))
    stage_surveys([cut], reading, b"k", tmp_path / "cut", "2026-09")
    stage_surveys([whole], reading, b"k", tmp_path / "whole", "2026-09")
    assert short_downloads(tmp_path / "cut") == [(cut.name, 12, 10)] and short_downloads(tmp_path / "whole") == []


def test_formula_cells_with_no_saved_value_are_refused_and_said_before_2027_8(tmp_path, caplog):
    """A forty-first trial's 总体 written =IF(...) by a script read as blank, its answer scored on four items; a
    seventy-eighth trial's were said and the month published with them blank (survey.unsaved_formulas_refused)."""
    import openpyxl
    import pytest

    from conftest import build_inbox
    from gridpay.core.errors import InputError
    from gridpay.ingest.formula_cells import unsaved_formulas
    from gridpay.ingest.staging import stage_inputs
    inbox = build_inbox(tmp_path, surveys={})
    book = openpyxl.Workbook()
    book.active.append(list(SURVEY_HEADER))
    book.active.append(["R1", "G1", "1栋101", "", "2026-09-10 10:00:00", "wechat", "120", "4", "4", "4", "4",
                        '=IF(1=1,"4","")', ""])
    book.save(inbox / "surveys" / "2026-09.xlsx")
    assert unsaved_formulas(inbox / "surveys" / "2026-09.xlsx") == (["L2"], 1)
    with pytest.raises(InputError) as refused:
        stage_inputs(inbox, "2026-09", policy_from_toml(policy_text()), b"k", tmp_path / "now")
    assert str(refused.value).startswith("surveys/2026-09.xlsx: 1 cell holds a formula with no value saved (L2), "
                                         "which gridpay cannot read: a workbook a program wrote"), str(refused.value)
    before = policy_text().replace("unsaved_formulas_refused = true\n", "")
    stage_inputs(inbox, "2026-09", policy_from_toml(before), b"k", tmp_path / "before")
    assert "surveys/2026-09.xlsx: 1 cell holds a formula with no value saved (L2), read as blank" in caplog.text
    assert unsaved_formulas(tmp_path / "none.xlsx") == ([], 0)
