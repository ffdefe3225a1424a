"""A name's dots (·, •, ・, ．) as keyboards, fonts and Excel type them: trial 233's 问卷星 option
第二网格（古丽娜尔·吐尔逊）, an alias of G2, was retyped mid-month with ・, and its four later answers were no grid's,
set aside below the gate, exit 0; a worker's name beside her id with another dot stopped the run."""
import pytest

from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.grid_aliases import apply_grid_aliases
from gridpay.ingest.staging import stage_inputs
from gridpay.ingest.survey_inspect import unknown_grid_lines
from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.survey_values import grid_named
from gridpay.transforms.folding import dots_dropped
from gridpay.transforms.grid_names import closest_grids

OPTION = "第二网格（古丽娜尔·吐尔逊）"


@pytest.mark.parametrize("typed", ["古丽娜尔・吐尔逊", "古丽娜尔•吐尔逊", "古丽娜尔．吐尔逊", "古丽娜尔‧吐尔逊",
                                   "古丽娜尔.吐尔逊", "古丽娜尔吐尔逊"])
def test_a_names_dots_however_typed_are_one_name(typed):
    assert dots_dropped(typed) == dots_dropped("古丽娜尔·吐尔逊") == "古丽娜尔吐尔逊"


def test_a_full_stop_between_digits_is_a_numbers():
    assert dots_dropped("3.1网格") == "3.1网格" and dots_dropped("3.网格") == "3网格"


def test_an_answers_grid_is_read_without_its_dots_where_the_policy_says():
    names = {"第二网格": "G2", dots_dropped("第二网格"): "G2"}
    assert grid_named("第二网格(古丽娜尔・吐尔逊)", names, True, True) == "第二网格(古丽娜尔吐尔逊)"
    assert grid_named("第二网格(古丽娜尔・吐尔逊)", names, True, False) == "第二网格(古丽娜尔・吐尔逊)"   # before 2027.30


def _staged(make_inbox, tmp_path, policy_dots: bool) -> tuple:
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "aliases"),
              [("G1", "第一网格", "社区", "20", ""), ("G2", "第二网格", "社区", "20", OPTION)])
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER,
              [survey("R1", OPTION, "1栋101", ("5",) * 5), survey("R2", OPTION.replace("·", "・"), "1栋102", ("2",) * 5),
               survey("R3", OPTION.replace("·", "•"), "1栋103", ("2",) * 5)])
    policy = load_policy(DEFAULT_POLICY)
    if not policy_dots:
        from dataclasses import replace
        policy = replace(policy, grid_dots_dropped=False)
    stage_inputs(inbox, "2026-09", policy, b"k", tmp_path / "work")
    changed = apply_grid_aliases(tmp_path / "work", dots=policy.grid_dots_dropped)
    with stage_connection(tmp_path / "work") as con:
        grids = con.execute("select response_id, grid_id from surveys order by 1").fetchall()
    return changed, grids


def test_an_option_retyped_with_another_dot_is_its_grids_alias(make_inbox, tmp_path):
    assert load_policy(DEFAULT_POLICY).grid_dots_dropped
    changed, grids = _staged(make_inbox, tmp_path, True)
    assert changed == 3 and grids == [("R1", "G2"), ("R2", "G2"), ("R3", "G2")]


def test_without_the_key_the_retyped_option_is_no_grid_and_reads_like_its_grid(make_inbox, tmp_path):
    changed, grids = _staged(make_inbox, tmp_path, False)
    assert changed == 1 and grids[0] == ("R1", "G2") and grids[1][1] == OPTION.replace("·", "・").replace("（", "(") \
        .replace("）", ")")
    # a name in brackets after the grid's is the option's worker: the grid reads like it, so the month stops on it
    assert closest_grids(grids[1][1], {"G1": "第一网格", "G2": "第二网格"}) == ("第二网格 (G2)",)


def test_inspect_reads_the_option_as_a_run_does():
    import pandas as pd
    frame = pd.DataFrame({"grid_id": [OPTION.replace("·", "・"), "第三网格(王芳)"]})
    grids, aliases = {"G1": "第一网格", "G2": "第二网格"}, {"第二网格(古丽娜尔·吐尔逊)": "G2"}
    lines = unknown_grid_lines(frame, grids, aliases, dots_too=True)
    assert lines == ["not in grids.csv: '第三网格(王芳)' on 1 rows"]
    assert len(unknown_grid_lines(frame, grids, aliases)) == 2
