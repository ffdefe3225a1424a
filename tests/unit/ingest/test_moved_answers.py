"""An answer an appeal counts in its resident's grid is read as a home of that grid (trial 201's re-check: its door kept
the 滨河小区 prefix and counted beside the same home's own answer there)."""
import pandas as pd

from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.moved_answers import place_moved_answers
from gridpay.ingest.survey_stage import stage_connection


def test_a_moved_answer_s_door_is_read_with_its_resident_grid_s_compound_taken_off(tmp_path):
    pd.DataFrame({"grid_id": ["G3", "G7"], "grid_name": ["滨河三网格", "滨河七网格"], "compounds": ["滨河小区", "滨河雅苑"]},
                 dtype="string").to_parquet(tmp_path / "grids.parquet", index=False)
    with stage_connection(tmp_path) as con:
        con.execute("create table surveys as select * from (values ('373', 'G7', '滨河小区9-1-102'), "
                    "('221', 'G7', '滨河小区20栋1单元301'), ('270', 'G7', '5栋2单元302')) t(response_id, grid_id, household_id)")
    appeals = pd.DataFrame({"appeal_id": ["A1", "A2", "A3", "A4", "A5"], "response_id": ["373", "221", "270", "373", "373"],
                            "month": ["2026-11", "2026-11", "2026-11", "2026-11", "2026-10"],
                            "category": ["wrong_grid", "wrong_grid", "wrong_grid", "wrong_grid", "wrong_grid"],
                            "decision": ["upheld", "pending", "upheld", "upheld", "upheld"],
                            "resident_grid": ["G3", "G3", "G3", None, "G3"]}, dtype="string")
    appeals.to_parquet(tmp_path / "appeals.parquet", index=False)
    place_moved_answers(tmp_path, load_policy(DEFAULT_POLICY), "2026-11")
    placed = pd.read_parquet(tmp_path / "appeals.parquet")["resident_household"].tolist()
    # A2 is pending, A3's door names no compound (read as typed), A4 moves nothing, A5 is October's: its 373 another
    assert [None if pd.isna(v) else v for v in placed] == ["9栋1单元102", None, None, None, None]
