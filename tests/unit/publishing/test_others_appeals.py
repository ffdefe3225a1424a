"""A worker sheet names the upheld appeals of others on its grids' answers (output format 16: a ninety-third
trial's worker on a shared grid saw her score move on a colleague's appeal, and her sheet did not say why)."""
from gridpay.publishing.worker_contexts import others_appeals

BY_GRID = {"G1": {"grid_name": "一网格"}, "G2": {"grid_name": "二网格"}}
UPHELD = {"G1": [{"appeal_id": "A1", "worker_id": "W1"}, {"appeal_id": "A2", "worker_id": "W2"},
                 {"appeal_id": "A3", "worker_id": None}],                      # HR's own correction
          "G3": [{"appeal_id": "A4", "worker_id": "W3"}]}


def test_only_others_appeals_on_the_workers_own_grids_are_named():
    assigned = [("G1", 30, 30.0), ("G2", 30, 15.0)]
    assert others_appeals("W1", assigned, BY_GRID, UPHELD) == [{"grid_name": "一网格", "n": 2, "ids": "A2、A3"}]
    assert others_appeals("W9", [("G2", 30, 30.0)], BY_GRID, UPHELD) == []
