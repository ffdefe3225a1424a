"""grids.csv's `buildings` column (policy 2027.30): an answer naming a grid with a door in another grid's building.
Trial 234's volunteers typed 东园网格 for 东苑网格 by pinyin on four complaints from 东苑's buildings, counted for 东园
(W01 1874.70 for 1740.96, exit 0)."""
import pandas as pd
import pytest

from conftest import survey, write_csv
from gridpay.core.errors import InputError
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.grid_buildings import (Buildings, Door, door_building, listed_buildings, other_grid_buildings,
                                          twin_compounds)
from gridpay.ingest.staging import stage_inputs


def _grids(*cells: str) -> pd.DataFrame:
    return pd.DataFrame({"source_file": "grids.csv", "row_number": range(2, 2 + len(cells)),
                         "grid_id": [f"G{i}" for i in range(1, 1 + len(cells))], "buildings": list(cells)})


def test_a_buildings_cell_reads_as_buildings_ranges_a_compounds_and_groups():
    listed = listed_buildings(_grids("1-3栋；5号楼", "锦华苑 16~30栋; 7", "1-5组", None, "锦华苑7栋1-2单元"))
    assert listed == {"G1": (Buildings(None, 1, 3, "栋"), Buildings(None, 5, 5, "栋")),
                      "G2": (Buildings("锦华苑", 16, 30, "栋"), Buildings(None, 7, 7, None)),
                      "G3": (Buildings(None, 1, 5, "组"),), "G5": (Buildings("锦华苑", 7, 7, "栋", (1, 2)),)}
    # an entry without a compound, in a grid of one listed compound, is that compound's (trial 239's G03 named for 二期)
    one = _grids("1-10栋", "1-10栋").assign(compounds=["幸福里小区", "幸福里小区;幸福里二期"])
    assert listed_buildings(one) == {"G1": (Buildings("幸福里小区", 1, 10, "栋"),), "G2": (Buildings(None, 1, 10, "栋"),)}
    # a range typed full-width, as a Chinese input method gives it (trial 240: read as building 12 of '枫林苑7－')
    assert listed_buildings(_grids("枫林苑７－１２栋")) == {"G1": (Buildings("枫林苑", 7, 12, "栋"),)}
    # headed as HR heads it (trial 237: 楼栋, ignored)
    assert listed_buildings(_grids("1-3栋").rename(columns={"buildings": "楼栋"})) == {"G1": (Buildings(None, 1, 3, "栋"),)}
    with pytest.raises(InputError) as stop:
        listed_buildings(_grids("1-3栋", "东边几栋"))
    assert (stop.value.row, stop.value.column) == (3, "buildings") and "'东边几栋' is not a building" in str(stop.value)


def test_a_doors_building_with_its_compound_and_unit():
    assert door_building("锦华苑 3栋2单元301") == Door("锦华苑", 3, "栋", 2)
    assert door_building("3组15号") == Door(None, 3, "组") and door_building("张家院2号东屋") is None
    # a compound typed before the door, the answer's 小区 blank (trial 237: 锦华新村3-1-101 read as 锦华苑's 3栋)
    assert door_building("锦华新村3-1-101") == Door("锦华新村", 3, "栋", 1)
    assert Buildings("锦华苑", 1, 15, "栋").holds(Door(None, 3, "栋"))             # no compound named: either
    assert not Buildings("锦华苑", 1, 15, "栋").holds(Door("锦华新村", 3, "栋"))
    assert not Buildings(None, 1, 5, "组").holds(Door(None, 3, "栋"))
    split = Buildings(None, 7, 7, "栋", (1, 2))
    assert split.holds(Door(None, 7, "栋", 2)) and not split.holds(Door(None, 7, "栋", 3)) and split.holds(Door(None, 7, "栋"))


def test_answers_naming_a_grid_with_another_grids_building_are_found(make_inbox, tmp_path):
    inbox = make_inbox({"2026-09.csv": [survey("R1", "G1", "2栋1单元101", ("5",) * 5),       # its own
                                        survey("R2", "G2", "3栋2单元301", ("1",) * 5),       # G1's building
                                        survey("R3", "G2", "9栋1单元101", ("2",) * 5),       # nobody's
                                        survey("R4", "G2", "6栋1单元101", ("4",) * 5)]})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "buildings"),
              [("G1", "东苑网格", "和园社区", "20", "1-3栋"), ("G2", "东园网格", "和园社区", "20", "4-6栋")])
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    found = other_grid_buildings(tmp_path / "work", "2026-09")
    assert [(g, a, h, owners) for g, a, h, _, owners in found] == [("G2", "R2", "3栋2单元301", ("G1",)),
                                                                   ("G2", "R3", "9栋1单元101", ())]


def test_a_door_of_a_one_compound_grid_keeps_the_compound_its_answer_names(make_inbox, tmp_path):
    """Trial 239's re-check: answer 9 named 幸福里二期 with 7栋3单元902 under a 幸福里小区 grid; its home, the door alone
    in a grid of one compound, was said to be in both compounds' 7栋 (G02 and G03), and a correction to the wrong one
    passed unsaid."""
    from conftest import SURVEY_HEADER
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", (*SURVEY_HEADER, "compound"),
              [(*survey("R9", "G1", "7栋3单元902", ("4",) * 5), "幸福里二期")])
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds", "buildings"),
              [("G1", "幸福里第一网格", "幸福里社区", "20", "幸福里小区", "1-6栋"),
               ("G2", "幸福里第三网格", "幸福里社区", "20", "幸福里小区", "7-9栋"),
               ("G3", "幸福里二期第九网格", "幸福里社区", "20", "幸福里二期", "7-9栋")])
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    assert [(g, a, owners) for g, a, _, _, owners in other_grid_buildings(tmp_path / "work", "2026-09")] == [
        ("G1", "R9", ("G3",))]


def test_a_village_grids_door_typed_as_a_building_is_not_judged(make_inbox, tmp_path):
    """Trial 255: 河湾村's residents typed 三组15号 as 3-15, read as building 3, and three stopped the month as doors of
    a building no grid lists, none of its ways out fitting."""
    inbox = make_inbox({"2026-09.csv": [survey("R1", "G1", "3-15", ("5",) * 5), survey("R2", "G1", "3组16号", ("4",) * 5),
                                        survey("R3", "G2", "3-15", ("2",) * 5), survey("R4", "G1", "9-3", ("1",) * 5)]})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "buildings"),
              [("G1", "河湾村一网格", "河湾社区", "20", "1-4组"), ("G2", "河湾家园网格", "河湾社区", "20", "1-15栋")])
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    # ... but a group no grid lists is a door of none (its re-check's 河口村 neighbours typing 9-3)
    assert [(g, a, owners) for g, a, _, _, owners in other_grid_buildings(tmp_path / "work", "2026-09")] == [
        ("G1", "R4", ())]


def test_a_door_of_another_grids_compound_whose_building_the_named_grid_lists_under_its_own_is_told(make_inbox,
                                                                                                   tmp_path):
    """Trial 298: three 锦城苑 residents of 第二网格 chose 锦城花园, the option above, in the 小区 dropdown; both compounds
    have buildings 1-6. The stop said only to move them to 第一网格 by resident_grid (followed: W01 1732.32 for 1738.80,
    exit 0). A door naming a grid whose own compound lists that building's number is named with it."""
    from conftest import SURVEY_HEADER
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09.csv", (*SURVEY_HEADER, "compound"),
              [(*survey("J6", "G2", "4栋3单元301", ("2",) * 5), "锦城花园"),
               (*survey("J7", "G2", "9栋1单元101", ("2",) * 5), "锦城花园")])
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds", "buildings"),
              [("G1", "第一网格", "锦江社区", "20", "锦城花园", "1-9栋"),
               ("G2", "第二网格", "锦江社区", "20", "锦城苑", "1-6栋")])
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    found = other_grid_buildings(tmp_path / "work", "2026-09")
    assert [(g, a, owners) for g, a, _, _, owners in found] == [("G2", "J6", ("G1",)), ("G2", "J7", ("G1",))]
    assert twin_compounds(tmp_path / "work", found) == {"J6": "锦城苑"}      # 锦城苑 has no 9栋
