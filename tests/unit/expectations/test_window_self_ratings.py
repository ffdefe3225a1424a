"""The pooled window's earlier answers left out as self-ratings are named (trial 209: a new hire's two answers as a
resident, left out, moved the leaver's pay with nothing said)."""
import duckdb

from gridpay.expectations.window_self_ratings import window_self_ratings
from gridpay.transforms.privacy import register_masking


def test_a_new_hires_earlier_answers_left_out_of_her_grids_window_are_named():
    with duckdb.connect() as con:
        register_masking(con)
        con.execute("create table int_window_self_ratings as select * from (values ('R10', 4, 'G6', '2026-10', 'N14', "
                    "'2栋1单元402', 'W08'), ('R11', 9, 'G6', '2026-11', 'N39', '2栋1单元402', 'W08')) t(run_id, row_id, "
                    "grid_id, month, response_id, household_id, worker_id)")
        con.execute("create table stg_workers as select 'W08' as worker_id, '周婷' as name")
        con.execute("create table stg_grids as select 'G6' as grid_id, '湖光六网格' as grid_name")
        (line,) = window_self_ratings(con)
        assert line.startswith("2 answers (1 home) of earlier months in the pooled window of 湖光六网格 (G6) came from the phone of "
                               "周婷 (W08), who covers it this month (2026-10 N14, 2026-11 N39): left out of its pooled "
                               "score as self-ratings (scoring.window_self_ratings)"), line
        con.execute("delete from int_window_self_ratings")
        assert window_self_ratings(con) == []
