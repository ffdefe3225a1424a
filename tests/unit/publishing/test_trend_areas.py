"""The scorecard's trend lines (publishing/trend_areas.py): given grid_scores rows -> the lines drawn."""
import duckdb
import pytest

from gridpay.publishing.trend_areas import area_means, drawn_area

GRIDS = [  # grid, community, area as int_grids.sql derives it, raw score, answers
    ("G1", "青枫社区", "枫林", 72.0, 10), ("G2", "青枫社区", "枫林", 68.0, 10),
    ("G3", "青枫社区", "青枫社区", 60.0, 10),     # 桂香网格: its name gives no area
    ("G4", "青枫社区", "第", 80.0, 10),            # 第一网格
    ("G5", "青枫社区", "东区第", 90.0, 10),        # 东区第二网格
]


@pytest.fixture
def con():
    con = duckdb.connect()
    con.execute("create table runs (run_id varchar, output_format integer)")
    con.execute("create table grid_scores (run_id varchar, month varchar, grid_id varchar, community varchar, "
                "area varchar, raw_score decimal(6,2), responses integer)")
    for run, fmt in (("r11", 11), ("r12", 12)):
        con.execute("insert into runs values (?, ?)", [run, fmt])
        con.executemany("insert into grid_scores values (?, '2026-10', ?, ?, ?, ?, ?)",
                        [(run, *g) for g in GRIDS])
    yield con
    con.close()


def test_from_output_format_12_a_grid_whose_name_gives_no_area_is_in_the_community_line_only(con):
    lines = {area: round(float(mean), 2) for _, area, mean in area_means(con, "r12", ["r12"])}
    assert lines == {None: 74.0, "枫林": 70.0, "东区": 90.0}


def test_a_month_of_output_format_11_draws_its_lines_as_published(con):
    lines = {area: round(float(mean), 2) for _, area, mean in area_means(con, "r11", ["r11"])}
    assert lines == {None: 74.0, "枫林": 70.0, "青枫社区": 60.0, "第": 80.0, "东区第": 90.0}


def test_the_community_scorecards_filter_names_the_same_lines():
    assert [drawn_area(a, "青枫社区", 12) for a in ("枫林", "青枫社区", "第", "东区第")] == [
        "枫林", None, None, "东区"]
    assert drawn_area("第", "青枫社区", 11) == "第"
