"""The line said of a survey file much of which is invalid names the likely cause as the rows show it."""
from gridpay.expectations.invalid_grids import InvalidFile


def test_the_cause_said_follows_which_rows_failed():
    every = InvalidFile("surveys/2026-11/纸质问卷.xlsx", 16, 16, "invalid: channel 'x' is not one of ...", 3)
    assert str(every).endswith("; a column typed one way through the file is the usual cause (quarantine.csv lists "
                               "every row)")
    # a forty-eighth trial's sheet: 3 of 7 dates typed 10号 or 十月五日, the rest read
    some = InvalidFile("surveys/2026-10/纸质.xlsx", 3, 7, "invalid: submitted_at '10号' is blank or not a date-time", 3)
    assert "those rows are typed otherwise than the file's other rows" in str(some) and "one way" not in str(some)
    ids = InvalidFile("surveys/2026-09-paper.csv", 3, 3, "invalid: response_id '1' is used more than once", 2, 3)
    assert "the response ids are another file's too" in str(ids)
