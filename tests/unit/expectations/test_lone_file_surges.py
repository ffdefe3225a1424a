"""A grid's answers doubled through a file answering no other grid stop the month (a renamed neighbour's download),
unless grids.csv gives the grid more homes than it did then (trial 156's 七网格 took its merged neighbour's homes
and form: 330 households to 590, 20 answers to 53, stopped as another community's file)."""
import pandas as pd

from gridpay.expectations.lone_file_surges import lone_file_surges
from gridpay.ingest.survey_stage import stage_connection


def _month(tmp_path, households: int):
    pd.DataFrame({"grid_id": ["YH7", "YH1"], "grid_name": ["七网格", "一网格"], "households": [households, 300]}
                 ).to_parquet(tmp_path / "grids.parquet", index=False)
    with stage_connection(tmp_path) as con:
        con.execute("create or replace table surveys (source_file varchar, grid_id varchar)")
        con.executemany("insert into surveys values (?, ?)", [("七网格.xlsx", "YH7")] * 25 + [("八网格.xlsx", "YH7")] * 28
                        + [("一网格.xlsx", "YH1")] * 20)


def test_a_surge_through_a_lone_file_stops_unless_the_grid_gained_the_homes(tmp_path):
    _month(tmp_path, 330)
    surges = lone_file_surges(tmp_path, {"YH7": 20, "YH1": 20}, {"YH7": 330, "YH1": 300})
    assert {(s.grid_id, s.before, s.file, s.file_rows) for s in surges} == {("YH7", 20, "八网格.xlsx", 28),
                                                                         ("YH7", 20, "七网格.xlsx", 25)}
    _month(tmp_path, 590)
    assert lone_file_surges(tmp_path, {"YH7": 20, "YH1": 20}, {"YH7": 330, "YH1": 300}) == []
