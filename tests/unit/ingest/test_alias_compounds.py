"""An answer naming its grid by an alias is read with the grid's compounds, as one naming it by its name (policy
2027.12, survey.alias_compound_rules: a ninety-eighth trial's 柳河村3组15号 was 柳河村's home online and a home of
its own on the sheets naming the grid 三组, counted twice)."""
import pytest

from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import load_policy, policy_from_bytes
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.grid_aliases import apply_grid_aliases
from gridpay.ingest.grid_compounds import alias_one_compound_grids
from gridpay.ingest.staging import stage_inputs
from gridpay.ingest.survey_stage import stage_connection


@pytest.mark.parametrize("key", [True, False], ids=["2027.12", "before"])
def test_a_door_typed_with_a_listed_compound_is_that_compounds_home_under_an_alias_too(make_inbox, tmp_path, key):
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "aliases", "compounds"),
              [("G1", "三组网格", "柳河村社区", "40", "三组", "柳河村;柳河新苑"),
               ("G2", "四组网格", "柳河村社区", "20", "四组", "李家湾")])
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, [
        survey("A1", "三组网格", "柳河村3组15号", ("5",) * 5), survey("B1", "三组", "柳河村3组15号", ("1",) * 5),
        survey("C1", "四组网格", "李家湾4组2号", ("4",) * 5), survey("D1", "四组", "李家湾4组2号", ("4",) * 5)])
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    policy = load_policy(DEFAULT_POLICY) if key else policy_from_bytes(
        text.replace("alias_compound_rules = true\n", "").encode(), "before.toml")
    stage_inputs(inbox, "2026-09", policy, b"k", tmp_path / "work")
    apply_grid_aliases(tmp_path / "work", alias_one_compound_grids(tmp_path / "work", policy))
    with stage_connection(tmp_path / "work") as con:
        homes = dict(con.execute("select response_id, household_id from surveys").fetchall())
    assert homes["A1"] == "柳河村 3组15" and homes["C1"] == "4组2"             # by the grid's name: as always
    if key:
        assert homes["B1"] == "柳河村 3组15" and homes["D1"] == "4组2"         # by its alias: the same homes
    else:
        assert homes["B1"] == "柳河村3组15" and homes["D1"] == "李家湾4组2"   # as typed, as before the key
