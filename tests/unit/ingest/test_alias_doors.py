"""One door number answered under two of a grid's other names is named (a ninety-eighth trial merged 二组 into
一组's grid, kept both as aliases: 一组's 15号 was dropped as an older answer of 二组's 15号, exit 0, unsaid)."""
from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.alias_doors import alias_doors
from gridpay.ingest.grid_aliases import apply_grid_aliases
from gridpay.ingest.staging import stage_inputs


def test_a_door_answered_under_two_aliases_of_its_grid_is_named_but_not_under_its_name_and_one(make_inbox, tmp_path):
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "aliases"),
              [("G1", "一二组网格", "柳河村社区", "40", "一组;二组"), ("G2", "三组网格", "柳河村社区", "20", "")])
    rows = [survey("A1", "一组", "15号", ("5",) * 5), survey("B1", "二组", "15号", ("1",) * 5),   # two groups' 15号
            survey("A2", "一组", "16号", ("4",) * 5), survey("C2", "一二组网格", "16号", ("4",) * 5),  # name and alias
            survey("A3", "一组", "17号", ("4",) * 5), survey("A4", "一组", "17号", ("4",) * 5),      # one alias twice
            survey("D1", "G2", "15号", ("4",) * 5)]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    apply_grid_aliases(tmp_path / "work")
    found = alias_doors(tmp_path / "work")
    assert [(d.grid_id, d.pairs, d.shown) for d in found] == [("G1", 1, (("15", "一组、二组"),))]
    assert found[0].line().startswith("一二组网格 (G1): 1 door number answered under two of the grid's other names "
                                      "('15' under 一组、二组), each counted as one household: if the names are two "
                                      "places (grids merged")
