"""The line said of a survey file much of which is invalid names the likely cause as the rows show it."""
from gridpay.expectations.invalid_grids import InvalidFile


def test_the_cause_said_follows_which_rows_failed():
    every = InvalidFile("surveys/2026-11/纸质问卷.xlsx", 16, 16, "invalid: channel 'x' is not one of ...", 3)
    assert str(every).endswith("; a column typed one way through the file is the usual cause (quarantine.csv lists "
                               "every row)")
    # a forty-eighth trial's sheet: 3 of 7 dates typed 10号 or 十月五日, the rest read
    some = InvalidFile("surveys/2026-10/纸质.xlsx", 3, 7, "invalid: submitted_at '10号' is blank or not a date-time", 3)
    # trial 146's re-check: 保密 and a compound's name as doors are no way of typing the file
    assert "each of those rows fails on a value of its own" in str(some) and "one way" not in str(some)
    # trial 271's re-check: 7 of 8 forms dated the day they were typed, one dated right
    typed = InvalidFile("surveys/2026-11/纸质.xlsx", 7, 8, "invalid: submitted_at '2026-12-02' is outside the month", 3,
                        one_reason=True)
    assert "they fail on one value, typed one way through the file" in str(typed)
    assert "of its own" in str(InvalidFile("surveys/2026-11/纸质.xlsx", 2, 8, "invalid: household_id '保密' ...", 3,
                                           one_reason=True))             # two residents' 保密: no way of typing
    ids = InvalidFile("surveys/2026-09-paper.csv", 3, 3, "invalid: response_id '1' is used more than once", 2, 3)
    assert "the response ids are another file's too" in str(ids)


def test_a_file_writing_the_day_first_is_named_with_its_dates_that_read_two_ways(make_inbox, tmp_path):
    """Trial 139: a colleague's sheet of 25/11/2026 and 5/11/2026: the second refused as reading two ways, said only
    as "2 invalid (2.1%)" where 2 of 5 rows failed, the month published without them."""
    from below_cli import scored_below_the_cli
    from conftest import SURVEY_HEADER, survey, write_csv
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.expectations.invalid_grids import invalid_files
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-11" / "李姐.csv", SURVEY_HEADER,
              [survey("L1", "G1", "1栋1单元101", ("4",) * 5, "25/11/2026 10:00"),
               survey("L2", "G1", "1栋1单元102", ("4",) * 5, "5/11/2026 10:00"),
               *[survey(f"L{i}", "G2", f"2栋1单元10{i}", ("4",) * 5, f"2{i}/11/2026 10:00") for i in range(3, 8)]])
    write_csv(inbox / "surveys" / "2026-11" / "online.csv", SURVEY_HEADER,
              [survey(f"O{i}", "G1", f"3栋1单元10{i}", ("4",) * 5, "2026-11-10 10:00:00") for i in range(5)])
    _, con = scored_below_the_cli(inbox, tmp_path / "work", load_policy(DEFAULT_POLICY), month="2026-11")
    con.close()
    (found,) = invalid_files(tmp_path / "work")
    assert found.source_file == "surveys/2026-11/李姐.csv" and found.invalid_rows == 1 and found.rows == 7
    assert "the file writes the day first (25/11/2026 10:00, row 2), so a date whose day is 12 or less reads two " \
           "ways: write its dates with the year first (2026-11-05) and run again" in str(found)


def test_a_file_of_answers_in_words_no_rule_reads_names_the_word_and_the_policy_s_answer_words(make_inbox, tmp_path):
    """Trial 151: a house-visit sheet of 还行 and 挺好 was "a column typed one way through the file"."""
    from below_cli import scored_below_the_cli
    from conftest import SURVEY_HEADER, survey, write_csv
    from gridpay.core.policy_file import load_policy
    from gridpay.core.settings import DEFAULT_POLICY
    from gridpay.expectations.invalid_grids import invalid_files
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-11" / "入户.csv", SURVEY_HEADER,
              [survey(f"H{i}", "G1", f"1栋1单元10{i}", ("还行",) * 5, "2026-11-10 10:00:00") for i in range(4)])
    write_csv(inbox / "surveys" / "2026-11" / "online.csv", SURVEY_HEADER,
              [survey(f"O{i}", "G2", f"3栋1单元10{i}", ("4",) * 5, "2026-11-10 10:00:00") for i in range(5)])
    _, con = scored_below_the_cli(inbox, tmp_path / "work", load_policy(DEFAULT_POLICY), month="2026-11")
    con.close()
    (found,) = invalid_files(tmp_path / "work")
    assert "an answer is typed in words ('还行'): give each such word its point in the policy's [survey.answer_words]" \
        in str(found), str(found)


def test_a_tick_where_a_word_goes_is_said_to_be_a_tick_sheet_not_given_a_point():
    # trial 295: a tick sheet's column renamed to its question was told to give √ a point, which would read a 1 ticked
    # under 非常满意 as 非常不满意; its header 环境卫生(非常满意) was told to be aliased, which the next run refused
    from gridpay.ingest.limits import ticked_headers
    ticked = InvalidFile("surveys/2026-11/纸质.xlsx", 40, 40, "invalid: sat_environment '√' ...", 3, word="√")
    assert "an answer is a tick ('√'), not an option's word: a sheet with a column per option?" in str(ticked)
    assert "answer_words" not in str(ticked)
    assert "'环境卫生(非常满意)', '环境卫生(满意)' ...): a sheet with a column per option" in ticked_headers(
        ["序号", "环境卫生(非常满意)", "环境卫生(满意)", "总体满意"])
    assert ticked_headers(["总体满意", "服务满意", "环境卫生"]) is None        # a question's header, not an option's
