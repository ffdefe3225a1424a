"""grids.csv whose grids of the month published last are gone while new ids appear is said, naming the new grids that
carry a gone one's name (trial 175: two communities merged, every grid renumbered, thin grids paid at the neutral
coefficient without their months, W09 1650.00 for 1320.00, exit 0, nothing said)."""
import pandas as pd

from gridpay.pipeline.renumbered_grids import renumbered_grids

BEFORE = {"HQ02": ("红旗二网格", frozenset(), "2026-10"), "HQ04": ("红旗四网格", frozenset(), "2026-10"),
          "DF01": ("东风一网格", frozenset(), "2026-10"), "OLD9": ("老九网格", frozenset(), "2026-08")}


def _grids(rows):
    return pd.DataFrame(rows, columns=["grid_id", "grid_name", "aliases"], dtype="string")


def test_new_ids_beside_the_last_month_s_gone_ones_are_named_with_the_names_they_carry():
    now = _grids([("DH07", "东红七网格", "红旗二网格"), ("DH09", "红旗四网格", None), ("DH10", "新区网格", "DF01"),
                  ("DH11", "东红十一网格", None)])
    assert renumbered_grids(BEFORE, now) == (
        "2026-10", ["DF01", "HQ02", "HQ04"], ["DH07", "DH09", "DH10", "DH11"],
        ["DH07 东红七网格 (HQ02's name among its aliases)", "DH09 红旗四网格 (HQ04's name)",
         "DH10 新区网格 (DF01's id among its aliases)"])


def test_ids_kept_a_grid_added_or_one_retired_alone_say_nothing():
    kept = _grids([("HQ02", "红旗二网格", None), ("HQ04", "红旗四网格", None), ("DF01", "东风一网格", None)])
    assert renumbered_grids(BEFORE, kept)[1] == []
    assert renumbered_grids(BEFORE, _grids([*kept.itertuples(index=False), ("DH12", "新网格", None)]))[1] == []
    assert renumbered_grids(BEFORE, kept.iloc[:2])[1] == []             # DF01 merged away, no new id
    assert renumbered_grids({}, kept)[1] == []                          # a first month
