"""An alias that is a compound grids.csv lists for several grids is refused: a twenty-fifth trial, told
to add 锦江花园 (split by building between G2 and G3) to the aliases of the first grid offered, paid every
answer naming it to G2 (W2 1670.22 for 1730.34), exit 0. An audit replays what its run read."""
import pytest

from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.core.errors import InputError
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.grid_aliases import apply_grid_aliases
from gridpay.ingest.staging import stage_inputs


def test_an_alias_naming_a_compound_two_grids_list_is_refused_but_not_in_an_audit(make_inbox, tmp_path):
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "aliases", "compounds"),
              [("G1", "青石二网格", "社区", "20", "锦江花园小区", "锦江花园"),
               ("G2", "青石三网格", "社区", "20", "", "锦江花园")])
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, [survey("P1", "锦江花园小区", "10栋101", ("2",) * 5)])
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    with pytest.raises(InputError) as refused:
        apply_grid_aliases(tmp_path / "work")
    assert (refused.value.row, refused.value.column) == (2, "aliases")
    assert "alias '锦江花园小区' of G1 is a compound grids.csv lists for G1 and G2" in str(refused.value)
    assert apply_grid_aliases(tmp_path / "work", replay=True) == 1


def test_the_stop_on_a_shared_compound_written_as_the_grid_says_to_correct_the_rows_not_to_alias_it():
    from gridpay.expectations.unknown_grids import UnknownGrid
    from gridpay.pipeline.stop_messages import _way_out
    shared = UnknownGrid("锦江花园", 1, ("青石二网格 (G1), whose compound is 锦江花园",
                                       "青石三网格 (G2), whose compound is 锦江花园"), ("G1", "G2"))
    said = _way_out(shared)
    assert said.startswith("'锦江花园' is a compound grids.csv lists for G1 and G2")
    assert "add it to the aliases" not in said
    assert "add it to the aliases of G1" in _way_out(UnknownGrid("青石2网格", 3, ("青石二网格 (G1)",), ("G1",)))
    # nothing like it: a new grid of ours, or a neighbour's sheet stapled in (trial 92: "add it" would pay it)
    alone = _way_out(UnknownGrid("凤凰苑一网格", 6, (), ()))
    assert "add it to grids.csv if it is a new grid of this community" in alone
    assert "if it is another community's grid (a neighbour's forms typed in with ours), take those rows out" in alone
    # a merged grid's old name, its grid gone from grids.csv and no compound listed to say who took it (trial 156)
    merged = _way_out(UnknownGrid("八网格", 26, (), (), gone="YH8 in the grids.csv of 2026-10"))
    assert merged.startswith("'八网格' names YH8 in the grids.csv of 2026-10, which grids.csv no longer has: "
                             "if that grid was merged into another, add '八网格' to the aliases of the grid that took")
    form = _way_out(UnknownGrid("YH8", 21, (), (), gone="YH8 in the grids.csv of 2026-10", form=True))
    assert "it is the grid the policy's [survey.file_grids] gives a form: give that form the grid that took" in form
    assert "a new grid" not in merged


def test_a_name_holding_an_invisible_character_is_told_so_not_to_be_aliased():
    """Trial 179: a sheet's 碧水一网格 + U+2060 was to be added to the aliases (the advice looped), and an answer
    碧水三网格 beside grids.csv's name holding U+200B was to be made an alias of a name it looked the same as."""
    from gridpay.expectations.unknown_grids import UnknownGrid
    from gridpay.pipeline.stop_messages import _aliased, _way_out
    typed = UnknownGrid("碧水一网格\u2060", 2, ("碧水一网格 (G1)",), ("G1",))
    assert _way_out(typed).startswith("'碧水一网格\u2060' holds an invisible character (shown as <U+...>), copied in "
                                      "with the name: delete it from those cells") and not _aliased(typed)
    assert "policy 2027.29's survey.grid_invisible_dropped reads it without" in _way_out(typed)
    from gridpay.ingest.survey_values import grid_named
    # from policy 2027.29 an answer's own is dropped as it is read (trial 223: a platform's download, never edited)
    names = {"碧水一网格": "G1"}
    assert grid_named("碧水一网格\u2060", names) == grid_named("碧水一网格\u200b\u3000".strip(), names) == "G1"
    assert grid_named("碧水\u200b九网格", names) == "碧水九网格" and grid_named("\u200b", names) is None
    assert grid_named("碧水一网格\u2060", names, False) == "碧水一网格\u2060"       # a policy before it: as typed
    listed = UnknownGrid("碧水三网格", 30, ("碧水\u200b三网格 (G3)",), ("G3",))
    assert _way_out(listed) == ("the grid name 碧水<U+200B>三网格 (G3) in grids.csv holds an invisible character (shown "
                                "as <U+...>), copied in with the name: type it again there") and not _aliased(listed)
