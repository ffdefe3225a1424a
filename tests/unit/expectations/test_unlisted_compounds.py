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
])
def test_compound_hint(name, hint):
    assert compound_hint(name, LISTED).startswith(hint) and (hint or not compound_hint(name, LISTED))
