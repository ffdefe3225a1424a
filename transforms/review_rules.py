"""Which upheld appeals move an answer rather than take it out: an upheld 非本网格 (wrong_grid) appeal naming the grid
its resident lives in (appeals.csv's resident_grid) counts the answer there. One rule, as the SQL macro
moves_answer(decision, category, resident_grid), read by the models (int_surveys places the answer;
int_review_exclusions, int_survey_exclusions and the void appeals leave it in), by the pipeline's changed answers,
by the reports' appeal effects, and by staging on appeals.csv before the warehouse (ingest/review_files.moving)."""
from __future__ import annotations

MOVES_ANSWER = "moves_answer"
_MACRO = (f"create or replace temp macro {MOVES_ANSWER}(decision, category, resident_grid) as "
          "coalesce(decision = 'upheld' and category = 'wrong_grid' and resident_grid is not null, false)")


def register_review_rules(con) -> None:
    """The macro moves_answer(decision, category, resident_grid) on DuckDB connection `con` (store/warehouse.py's
    connect() and the models' run_params make it before any query reads it)."""
    con.execute(_MACRO)
