"""A worker's interval is drawn around the score as kept, as the grid's is: a sixty-ninth trial's sheet printed
49.13–60.03 above and 49.13–60.02 in its grid's row (around the printed, rounded score)."""
import duckdb

from gridpay.publishing.worker_interval import workers_with_interval
from gridpay.store.warehouse import migrate


def _interval(output_format: int) -> str:
    with duckdb.connect() as con:
        migrate(con)
        con.execute("insert into runs (run_id, month, started_at, status, output_format) "
                    "values ('r', '2026-11', now(), 'published', ?)", [output_format])
        con.execute("insert into payroll (run_id, worker_id, name, month, score) values ('r', 'W07', '某', '2026-11', 54.575)")
        con.execute("insert into worker_scores (run_id, worker_id, score, score_se) values ('r', 'W07', 54.5749, 2.7811)")
        return workers_with_interval(con, "r", 1.96)[0]["score_ci"]


def test_the_interval_is_around_the_kept_score_from_output_format_9():
    # 54.5749 ± 5.450956 is 49.12–60.03; around the printed 54.58 it was 49.13–60.03
    assert _interval(9) == "49.12–60.03"
    assert _interval(8) == "49.13–60.03"


def _runs(con, worker: str, score: float, se: float, grids: list[tuple], formats: dict[str, int]) -> None:
    """Each run of `formats` (run id -> output format) with the worker's payroll line, score and grids
    (grid, low, high, too few answers)."""
    for run, fmt in formats.items():
        con.execute("insert into runs (run_id, month, started_at, status, output_format) "
                    "values (?, '2026-10', now(), 'published', ?)", [run, fmt])
        con.execute("insert into payroll (run_id, worker_id, name, month, score) values (?, ?, '某', '2026-10', ?)",
                    [run, worker, round(score, 2)])
        con.execute("insert into worker_scores (run_id, worker_id, score, score_se) values (?, ?, ?, ?)",
                    [run, worker, score, se])
        for grid, low, high, thin in grids:
            con.execute("insert into worker_grid_days (run_id, month, worker_id, grid_id, assigned_days) "
                        "values (?, '2026-10', ?, ?, 31)", [run, worker, grid])
            con.execute("insert into grid_scores (run_id, grid_id, adjusted_ci_low, adjusted_ci_high, is_insufficient) "
                        "values (?, ?, ?, ?, ?)", [run, grid, low, high, thin])


def test_a_worker_of_one_grid_prints_that_grids_interval_from_output_format_13():
    """Trial 84: W09's sheet 56.51–60.43 beside his one grid's 56.51–60.44 (his score is the grid's as printed)."""
    with duckdb.connect() as con:
        migrate(con)
        _runs(con, "W09", 58.47, 1.0, [("G04", 56.5086, 60.4412, False)], {"r13": 13, "r12": 12})
        assert workers_with_interval(con, "r13", 1.96)[0]["score_ci"] == "56.51–60.44"      # the grid's, as printed
        assert workers_with_interval(con, "r12", 1.96)[0]["score_ci"] == "56.51–60.43"      # 58.47 ± 1.96, as before


def test_a_worker_of_two_grids_one_scored_prints_that_grids_interval_from_output_format_16():
    """Trial 99: W05 53.94–63.36 beside her one scored grid's 53.95–63.36 (the other, too few answers)."""
    with duckdb.connect() as con:
        migrate(con)
        _runs(con, "W05", 58.6549, 2.41, [("G5", 53.9451, 63.3647, False), ("G6", None, None, True)],
              {"r16": 16, "r15": 15})
        assert workers_with_interval(con, "r16", 1.96)[0]["score_ci"] == "53.95–63.36"      # the scored grid's
        assert workers_with_interval(con, "r15", 1.96)[0]["score_ci"] == "53.93–63.38"      # around her score
