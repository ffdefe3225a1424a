"""transforms/grid_splits.py: given a month's listings and today's, the grids split off a grid."""
from gridpay.transforms.grid_splits import grids_split_off

THEN = {"柏树湾": frozenset({"G2"}), "翠园": frozenset({"G2"}), "锦绣花园": frozenset({"G1", "G4"})}


def test_a_grid_listing_a_compound_the_grid_listed_then_is_split_off_it():
    now = {"G1": ("锦绣花园",), "G2": ("柏树湾",), "G3": ("柏树湾小区", "翠园")}
    assert grids_split_off("G2", THEN, now) == {"G3": ("柏树湾", "翠园")}      # 小区 and spaces do not count


def test_a_grid_that_listed_the_compound_then_too_or_lists_none_of_its_is_not():
    now = {"G1": ("锦绣花园",), "G2": ("柏树湾", "翠园"), "G4": ("锦绣花园",), "G5": ("新村",)}
    assert grids_split_off("G2", THEN, now) == {}
    assert grids_split_off("G1", THEN, now) == {}                  # G4 listed 锦绣花园 with G1 then
    assert grids_split_off("G9", THEN, now) == {}                  # a grid that listed nothing then
