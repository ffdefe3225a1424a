"""A form's option naming two grids, given to one as its alias (trial 305: 王芳（三/五网格）, the alias of 三网格, counted
五网格's seven answers there, exit 0, nothing said)."""
import pandas as pd

from gridpay.expectations.two_grid_aliases import two_grid_alias_lines, two_grid_aliases
from gridpay.ingest.survey_stage import stage_connection

GRIDS = pd.DataFrame({"grid_id": ["CZ3", "CZ5", "CZ6", "X1", "X2"],
                      "grid_name": ["桂花苑三网格", "梧桐里五网格", "金色家园六网格", "北区七网格", "南区七网格"],
                      "aliases": ["王芳（三/五网格）;王芳（三网格）;王芳(3、7网格)", "李静（五网格）", "王芳（六网格）", "", ""]},
                     dtype="string")


def test_an_alias_naming_its_grid_and_another_by_their_numbers_is_found():
    # 王芳（三网格） names its own alone; 7 is two grids' number, so (3、7) names none of them
    assert two_grid_aliases(GRIDS) == {"王芳(三/五网格)": ("CZ5",)}


def test_the_answers_choosing_it_are_said_with_those_hr_moved(tmp_path):
    GRIDS.to_parquet(tmp_path / "grids.parquet", index=False)
    with stage_connection(tmp_path) as con:
        con.execute("create table surveys as select * from (values (1, 'CZ3', '王芳(三/五网格)', '70', '梧桐里2-1-301'), "
                    "(2, 'CZ3', '王芳(三/五网格)', '71', '桂花苑1-1-101'), (3, 'CZ3', null, '72', '桂花苑1-1-102')) "
                    "t(row_id, grid_id, grid_alias, response_id, household_id)")
    pd.DataFrame({"appeal_id": ["H1"], "response_id": ["70"], "month": ["2026-11"], "category": ["wrong_grid"],
                  "decision": ["upheld"], "resident_grid": ["CZ5"]}, dtype="string").to_parquet(
        tmp_path / "appeals.parquet", index=False)
    (line,) = two_grid_alias_lines(tmp_path, "2026-11")
    assert line.startswith("2 answers chose '王芳(三/五网格)', an alias of 桂花苑三网格 (CZ3) that names 梧桐里五网格 (CZ5) "
                           "too: 1 count for CZ3, 1 moved by HR's own 非本网格 corrections"), line
    assert "check those counting for CZ3 by their doors (71 (桂花苑1-1-101))" in line and "resident_grid CZ5)" in line
    assert two_grid_alias_lines(tmp_path, "2026-12") and "2 count for CZ3" in two_grid_alias_lines(tmp_path, "2026-12")[0]
