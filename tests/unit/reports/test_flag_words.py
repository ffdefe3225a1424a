"""A worker's flags in words say what the coefficient is: floored with a grid of too few answers is a mean
of the floor and the neutral coefficient (a twenty-fourth trial's sheet said 系数保底 beside 0.9355)."""
from gridpay.reports.render import flags_text


def test_a_floored_score_beside_a_thin_grid_is_not_said_to_be_the_floor():
    assert flags_text("floored", "zh") == "得分低于下限，系数保底"
    partly = flags_text("floored;insufficient_responses", "zh")
    assert "系数保底" not in partly and partly.startswith("得分低于下限：已评分网格的天数按保底系数计")
    assert "neutral one" in flags_text("capped;insufficient_responses", "en")
    # a grid's own flags are read as before
    assert flags_text("floored;insufficient_responses", "zh", {"months": "", "n": 0, "min": 10}) != partly


def test_the_hr_scorecard_speaks_of_the_worker_where_her_sheet_speaks_to_her():
    """Trial 209: 您在该网格的份额 on the scorecard HR signs, beside a new hire's line (output format 27 gives it apart)."""
    assert "您在该网格的份额" in flags_text("window_before_start", "zh")                 # her sheet's
    assert flags_text("window_before_start", "zh", hr=True) == "合并评分所含月份有其他网格员在岗，其在该网格的份额按中性系数计"
    assert "your" not in flags_text("window_before_start", "en", hr=True)
    assert flags_text("floored", "zh", hr=True) == flags_text("floored", "zh")            # the others are the same
