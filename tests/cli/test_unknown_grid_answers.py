"""A grid question answered 不清楚 (trial 165: a form asking the resident's worker by name offers it). Before
output format 24 one such answer naming a listed compound stopped the month with a "did you mean" over every
grid, and with the gates raised the run crashed (KeyError: '不清楚'). Now it names no grid: set aside, said,
paid to nobody; an alias 不清楚 in grids.csv stops the run. From output format 25 the form's 其他 option, with
what the resident wrote beside it, is so too (trial 172: made an alias, nine answers paid to one grid, exit 0)."""
import pytest
import csv

from conftest import SURVEY_HEADER, survey, write_csv

GRIDS = ("grid_id", "grid_name", "community", "households", "aliases", "compounds")


def _inbox(make_inbox, aliases=""):
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "桂园一网格", "桂园社区", "40", "王芳（一网格）", "桂园小区"),
                                           ("G2", "桂园二网格", "桂园社区", "10", aliases, "桂园小区")])
    rows = [survey(f"A{i}", "王芳（一网格）", f"{i}栋1单元101", ("4",) * 5) for i in range(25)]
    rows += [survey(f"B{i}", "G2", f"{i}栋2单元101", ("5",) * 5) for i in range(4)]
    rows += [survey("C1", "不清楚", "1栋3单元101", ("1",) * 5), survey("C2", "不知道", "2栋3单元101", ("1",) * 5),
             survey("C3", "不清楚", "3栋3单元101", ("1",) * 5)]     # three in a file: no grid written once (同上)
    rows += [survey("D1", "其他〖桂园小区3栋〗", "3栋3单元102", ("2",) * 5), survey("D2", "其他", "3栋3单元103", ("2",) * 5)]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [r + ("桂园小区",) for r in rows])
    return inbox


def test_a_don_t_know_grid_is_set_aside_said_and_paid_to_nobody(run_cli, make_inbox, tmp_path):
    code, err = run_cli("run", "--month", "2026-09", inbox=_inbox(make_inbox))
    assert code == 0, err
    assert ("3 answers to the grid question say the resident does not know it ('不清楚' on 2, '不知道' on 1); 2 answers "
            "to the grid question chose the form's 其他 (other) option, which names no grid whatever the resident wrote "
            "beside it ('其他' on 1, '其他〖桂园小区3栋〗' on 1): set aside as answers naming no grid") in err
    with open(tmp_path / "out" / "2026-09" / "quarantine.csv", encoding="utf-8-sig") as f:
        aside = {row["response_id"]: row for row in csv.DictReader(f)}
    assert {aside[r]["reason_code"] for r in ("C1", "C2", "C3", "D1", "D2")} == {"blank:grid_id"}
    with open(tmp_path / "out" / "2026-09" / "grid_scores.csv", encoding="utf-8-sig") as f:
        counted = {row["grid_id"]: row["responses"] for row in csv.DictReader(f)}
    assert counted == {"G1": "25", "G2": "4"}                 # the two unhappy answers in no grid's score


@pytest.mark.parametrize("alias, says", [("不清楚", "a resident's 'don't know'"),
                                         ("其他〖桂园小区3栋〗", "the form's 其他 (other) option")])
def test_a_don_t_know_or_other_given_as_a_grid_s_alias_stops_the_run(run_cli, make_inbox, alias, says):
    code, err = run_cli("run", "--month", "2026-09", inbox=_inbox(make_inbox, aliases=alias))
    assert code == 2 and "grids.csv" in err and f"alias '{alias}' of G2 is {says}" in err, err
    assert "set aside as answers naming no grid" not in err         # refused before anything is said of them
