"""The scorecard's list of homes that may be counted wrongly (reports/templates/household_doubts.html.j2): a home that
answered for two grids carries its own fix from output format 27. Trial 208 followed the list's heading (以申诉（其他）
剔除较早一份) and set aside the home's answer of its own grid: W01 1443.45 for 1506.60, exit 0."""
from gridpay.reports.render import report_html

DOUBTS = [{"kind": "two_grids", "grid_id": "G01", "grid_name": "一组网格", "count": 2,
           "shown": "柳塘村 4组9（G01 46, G02 36）"},
          {"kind": "reworded", "grid_id": "G01", "grid_name": "一组网格", "count": 1, "shown": "'3组15号' / '三组15号'"}]


def _page(fmt: int, lang: str = "zh") -> str:
    return report_html("household_doubts.html.j2", lang, run={"household_doubts": DOUBTS, "output_format": fmt})


def test_a_home_in_two_grids_says_its_own_fix_from_format_27():
    page = _page(27)
    assert "以申诉（非本网格，应计入网格不填）剔除另一个网格的答卷，该户本网格的答卷照常计分）：柳塘村 4组9（G01 46, G02 36）" in page
    assert "一组网格（G01）：1 对门牌号数字相同、写法不同" in page              # the other kinds as before
    assert "resident_grid blank" in _page(27, "en") and "resident_grid" not in _page(26, "en")


def test_a_month_published_before_format_27_renders_as_it_was():
    page = _page(26)
    assert "同一户为 2 个网格作答（一户只属一个网格）：柳塘村 4组9（G01 46, G02 36）" in page and "非本网格" not in page
    assert page.startswith('<p class="alert">签字前请核实')                  # nothing before it: the scorecard's bytes


def test_a_home_in_two_grids_alone_is_not_under_the_pairs_heading():
    """Trial 208's re-check: its scorecard listed the two-grid home alone, under the heading about pairs of doors."""
    page = report_html("household_doubts.html.j2", "zh", run={"household_doubts": DOUBTS[:1], "output_format": 27})
    assert page.startswith('<p class="alert">签字前请核实：同一户为 2 个网格作答') and "同一户的不同写法" not in page
    both = _page(27)
    assert both.index("同一户的不同写法") < both.index("写法不同") < both.index("同一户为 2 个网格作答")   # pairs first
