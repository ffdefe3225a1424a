"""What an unlisted compound may be of a listed one, said in the stop (trial 88: listed as compounds of their own,
a typing and a part each counted a home twice)."""
import pytest

from gridpay.expectations.unlisted_compounds import compound_hint

LISTED = ["翠竹苑", "银杏小区", "梧桐花园", "二中家属院"]


@pytest.mark.parametrize("name, hint", [
    ("翠竹院", "reads like 翠竹苑: a typing of it is written 翠竹苑=翠竹院"),
    ("翠竹苑二期", "holds the name of 翠竹苑: if its door numbers are 翠竹苑's own, write 翠竹苑=翠竹苑二期"),
    ("二中宿舍", "begins as 二中家属院 does: if it is another name of it (an old or short name), write 二中家属院=二中宿舍"),
    ("滨河家园", ""),                              # a neighbour's: nothing of ours
    ("不知道", "a resident's 'don't know', no compound's name: to count such answers as naming none"),    # trial 279
])
def test_compound_hint(name, hint):
    assert compound_hint(name, LISTED).startswith(hint) and (hint or not compound_hint(name, LISTED))


PHASES = ["阳光花园", "阳光花苑", "阳光家园一期", "阳光家园二期"]


@pytest.mark.parametrize("name, own, hint", [
    # trial 166: said to read like 阳光花园 (across the road); it is the start of both phases' names
    ("阳光家园", ["阳光家园二期"], "the start of 阳光家园二期 and 阳光家园一期, compounds of their own"),
    ("阳光家园", [], "the start of 阳光家园一期 and 阳光家园二期"),
    ("阳光家园1期", ["阳光家园一期"], "reads like 阳光家园一期: a typing of it is written 阳光家园一期=阳光家园1期"),
    ("阳光花圆", ["阳光花园"], "reads like 阳光花园"),
])
def test_a_hint_reads_the_grid_s_own_compounds_first_and_a_name_s_start(name, own, hint):
    assert compound_hint(name, PHASES, own).startswith(hint)


def test_every_unlisted_name_is_said_once_with_its_grids():
    from gridpay.expectations.unlisted_compounds import NAMES_SHOWN, UnlistedCompound, said_by_compound
    found = [UnlistedCompound("a.xlsx", f"G{g}", f"小区{n}", 2) for n in range(NAMES_SHOWN + 2) for g in (1, 2)]
    said = said_by_compound(found)
    assert said.startswith("'小区0' on 4 answers (2 to G1, 2 to G2; in a.xlsx)")
    assert said.endswith(f"and 2 more names on 8 answers ('小区{NAMES_SHOWN}', '小区{NAMES_SHOWN + 1}')")
