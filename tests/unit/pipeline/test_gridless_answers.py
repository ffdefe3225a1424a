"""Answers naming no grid, fewer than gate.blank_grid_rows in a file: said with the grid their compound is listed for.
Trial 278's two complaint forms typed below a merged grid cell, naming 紫荆苑 (listed for one grid), were lost with
only the run's count of invalid rows to show for it (W04 1434.08, counted 1319.52)."""
from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.staging import stage_inputs
from gridpay.pipeline.gridless_answers import few_gridless_lines


def test_a_few_answers_naming_no_grid_are_said_with_their_compounds_grid(make_inbox, tmp_path):
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "天桥新村一网格", "天井湖社区", "20", "紫荆苑"), ("G2", "井湖村二网格", "天井湖社区", "10", "井湖村;紫荆苑二期")])
    rows = [(*survey("R1", "G1", "1-1-101", ("4",) * 5), "紫荆苑"), (*survey("R2", "", "1-1-102", ("1",) * 5), "紫荆苑"),
            (*survey("R3", "", "2-1-101", ("1",) * 5), "紫荆苑"), (*survey("R4", "G2", "3组1号", ("5",) * 5), "井湖村")]
    write_csv(inbox / "surveys" / "2026-09.csv", (*SURVEY_HEADER, "小区"), rows)
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    (line,) = few_gridless_lines(tmp_path / "work", 3)
    assert line == ("2 answers in surveys/2026-09.csv name no grid (rows 3-4); the grid is blank below row 2's 'G1' "
                    "(written once for the sheet, or 同上?): they count in no grid; their compound 紫荆苑 is 天桥新村一网格 "
                    "(G1)'s in grids.csv; where the sheet is typed, type each one's grid and run again (a platform "
                    "download's: the resident left the question blank)"), line
    assert few_gridless_lines(tmp_path / "work", 2) == []        # as many as the stop takes: the stop says them
    assert len(few_gridless_lines(tmp_path / "work", None)) == 1
