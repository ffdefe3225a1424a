"""An answer an appeal counts in its resident's grid is read as a home of that grid (trial 201's re-check: its door kept
the 滨河小区 prefix and counted beside the same home's own answer there)."""
import pandas as pd

from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.moved_answers import place_moved_answers
from gridpay.ingest.survey_stage import stage_connection
from inboxes import policy_text


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


def test_a_moved_answer_is_a_home_of_a_grid_of_several_compounds_as_its_own_answers_are(tmp_path, caplog):
    """Trial 307: 和平新村 10栋1单元302, answered on 三网格's form (one compound: homes by door alone) and moved by HR's
    非本网格 correction into 四网格 (和平新村 and 电厂宿舍), was a home of its own beside '和平新村 10栋1单元302' there
    (W04 1710.24 for 1764.63, exit 0). Under appeals.moved_homes_by_compound (2027.36) it is that home."""
    pd.DataFrame({"grid_id": ["A", "B"], "grid_name": ["甲网格", "乙网格"], "compounds": ["和平新村", "和平新村;电厂宿舍"]},
                 dtype="string").to_parquet(tmp_path / "grids.parquet", index=False)
    with stage_connection(tmp_path) as con:
        con.execute("create table surveys as select * from (values ('X1', 'A', '10栋1单元302'), ('X2', 'A', "
                    "'电厂宿舍3栋101'), ('X3', 'C', '5栋101'), ('Y1', 'B', '和平新村 10栋1单元302')) "
                    "t(response_id, grid_id, household_id)")

    def placed(**keys) -> list:
        pd.DataFrame({"appeal_id": ["H1", "H2", "H3"], "response_id": ["X1", "X2", "X3"], "month": ["2026-10"] * 3,
                      "category": ["wrong_grid"] * 3, "decision": ["upheld"] * 3, "resident_grid": ["B"] * 3},
                     dtype="string").to_parquet(tmp_path / "appeals.parquet", index=False)
        (tmp_path / "p.toml").write_text(policy_text(**keys), encoding="utf-8")
        place_moved_answers(tmp_path, load_policy(tmp_path / "p.toml"), "2026-10")
        return [None if pd.isna(v) else v for v in pd.read_parquet(tmp_path / "appeals.parquet")["resident_household"]]
    # X3's grid lists no compound: its door alone says none of B's
    assert placed() == ["和平新村 10栋1单元302", "电厂宿舍 3栋101", None]
    assert "moved into" not in caplog.text
    assert placed(appeals__moved_homes_by_compound="false") == [None, "3栋101", None]     # before the key: said
    assert ("answer X1, moved into B by HR's correction, is the home 和平新村 10栋1单元302 there, which answer Y1 gave "
            "too: this policy counts them as two homes") in caplog.text and "X2, moved" not in caplog.text
