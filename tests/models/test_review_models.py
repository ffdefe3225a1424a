"""dbt-style unit tests of the review cycle's models (appeals, verification calls, HR's exclusions):
given rows -> the rows worked out by hand (conftest.model_rows)."""
from datetime import date

from conftest import model_rows


REVIEW_GIVEN = {
    "int_surveys": ("row_id integer, response_id varchar, grid_id varchar, is_invalid boolean, answers integer[]", [
        (1, "A1", "G1", False, [5, 2]), (2, "A2", "G1", False, [1, 3]), (3, "A3", "G1", True, [5, 1]),
        (4, "A4", "G1", False, [5, 1]), (5, "A5", "G1", False, [4, None]), (6, "A6", "G1", False, [3, 1]),
        (7, "A7", "G2", False, [5, 5]), (8, "A8", "G3", False, [2, 2])]),
    "int_survey_exclusions": ("row_id integer, reason varchar", [(4, "excluded: speeder (...)")]),
    "stg_appeals": ("appeal_id varchar, response_id varchar, category varchar, decision varchar, "
                    "resident_grid varchar", [
        ("AP2", "A1", "other", "upheld", None), ("AP1", "A1", "wrong_grid", "upheld", None),   # two upheld: the first
        ("AP3", "A2", "other", "rejected", None), ("AP4", "A3", "other", "upheld", None)]),      # A3 is invalid      # A3 is invalid
    "stg_verification": ("response_id varchar, result varchar, called_on date", [
        ("A1", "denied", "2026-10-02"),          # upheld too: the appeal's reason stands
        ("A2", "coached", "2026-10-03"), ("A3", "coached", "2026-10-03"), ("A4", "denied", "2026-10-03"),
        ("A6", "confirmed", "2026-10-04"), ("A7", "unreachable", "2026-10-04")]),
}


def test_int_review_exclusions_upheld_appeal_first_then_failed_calls_never_a_policy_excluded_row():
    assert model_rows("int_review_exclusions", REVIEW_GIVEN) == [
        (1, "appeal_upheld", "excluded: appeal_upheld (appeal AP1, wrong_grid)"),
        (2, "verification_coached", "excluded: verification_coached (called on 2026-10-03)")]


def test_int_exclusions_is_the_policys_and_hrs_exclusions_together():
    given = {"int_survey_exclusions": ("row_id integer, code varchar, reason varchar",
                                       [(1, "speeder", "excluded: speeder (x)")]),
             "int_review_exclusions": ("row_id integer, code varchar, reason varchar",
                                       [(2, "appeal_upheld", "excluded: appeal_upheld (y)")])}
    assert model_rows("int_exclusions", given) == [(1, "speeder", "excluded: speeder (x)"),
                                                   (2, "appeal_upheld", "excluded: appeal_upheld (y)")]


def test_int_grid_reviews_counts_bad_reviews_at_the_bar_and_reached_and_failed_calls():
    given = {**REVIEW_GIVEN, "int_review_exclusions": ("row_id integer, code varchar", [
        (1, "appeal_upheld"), (6, "verification_denied")])}
    given["stg_verification"] = ("response_id varchar, result varchar", [
        ("A2", "confirmed"), ("A3", "coached"), ("A6", "denied"), ("A7", "unreachable")])
    params = {"overall_position": 2, "callback_at_or_below": 2, "appeals_high_disputes": False}
    rows = model_rows("int_grid_reviews", given, params)
    assert rows == [
        # G1 bad: row 1 (overall 2, at the bar; its appeal upheld) and row 6 (1); not row 5 (no overall
        # answer), row 3 (invalid) or row 4 (the policy excluded it). Calls reached: 2 (confirmed), 6 (denied).
        ("G1", 2, 1, 2, 1),
        ("G2", 0, 0, 0, 0),          # one call, unreachable: a row of zeros
        ("G3", 1, 0, 0, 0)]
    # appeals.high_counts_disputes: row 1's upheld appeals are wrong_grid and other, corrections, not
    # disputes of the resident's judgement (a thirtieth trial's worker was flagged after following advice)
    assert model_rows("int_grid_reviews", given, {**params, "appeals_high_disputes": True})[0] == ("G1", 2, 0, 2, 1)
    given["stg_appeals"] = ("appeal_id varchar, response_id varchar, category varchar, decision varchar, "
                            "resident_grid varchar", [("AP1", "A1", "wrong_grid", "upheld", None),
                                                      ("AP5", "A1", "malicious", "upheld", None)])
    assert model_rows("int_grid_reviews", given, {**params, "appeals_high_disputes": True})[0] == ("G1", 2, 1, 2, 1)


def test_fct_grid_exclusions_counts_each_rule_against_the_grids_valid_rows():
    given = {
        "int_surveys": ("row_id integer, grid_id varchar, is_invalid boolean", [
            (1, "G1", False), (2, "G1", False), (3, "G1", False), (4, "G1", False), (5, "G1", True),
            (6, "G2", False)]),
        "int_survey_exclusions": ("row_id integer, code varchar", [
            (1, "duplicate_household"), (2, "duplicate_household"), (3, "no_items")]),
        "int_grids": ("grid_id varchar, grid_name varchar", [("G1", "一网格"), ("G2", "二网格")]),
    }
    assert model_rows("fct_grid_exclusions", given) == [
        ("G1", "一网格", "duplicate_household", 4, 2),       # 4 valid rows: the invalid row 5 is not one
        ("G1", "一网格", "no_items", 4, 1)]                  # G2 excluded nothing: no row


def test_stg_appeals_keeps_this_runs_appeals_of_its_month_and_casts_dates():
    columns = ", ".join(f"{c} varchar" for c in ("run_id", "appeal_id", "month", "worker_id", "response_id", "category",
                                                   "statement", "filed_on", "decision", "decided_by", "decided_on",
                                                   "decision_note", "resident_grid", "resident_household"))
    row = ("AP1", "2026-09", "W1", "A1", "wrong_grid", "不是我的网格", "2026-10-02", "upheld", "人事科", "2026-10-05",
           "", "G2", None)
    # another month's appeal of the same run (AP2) and another run's (AP3) are not this month's
    given = {"raw_appeals": (columns, [("R1", *row), ("R1", "AP2", "2026-08", *row[2:]), ("R0", "AP3", *row[1:])])}
    assert model_rows("stg_appeals", given, {"run_id": "R1", "month": "2026-09"}) == [
        ("AP1", "W1", "A1", "wrong_grid", "不是我的网格", date(2026, 10, 2), "upheld", "人事科", date(2026, 10, 5), "",
         "G2", None)]


def test_stg_verification_keeps_this_runs_calls_and_casts_the_date():
    given = {"raw_verification": ("run_id varchar, response_id varchar, result varchar, called_by varchar, "
                                  "called_on varchar, note varchar", [
        ("R1", "A1", "denied", "陈", "2026-10-03", ""), ("R0", "A2", "confirmed", "陈", "2026-10-03", "")])}
    assert model_rows("stg_verification", given, {"run_id": "R1"}) == [
        ("A1", "denied", "陈", date(2026, 10, 3), "")]          # R0's call is another run's


def test_int_surveys_counts_an_answer_an_upheld_wrong_grid_appeal_moves_where_its_resident_lives():
    """Trials 199 and 201: the resident of a building handed to a new grid chose the old one; HR's upheld 非本网格
    appeal naming the resident's grid (resident_grid) counts the answer there; without it, it is taken out."""
    given = {
        "stg_surveys": ("row_id integer, response_id varchar, grid_id varchar, household_id varchar, "
                        "is_invalid boolean", [
            (1, "A1", "G1", "滨河小区9-1-102", False), (2, "A2", "G1", "2栋", False), (3, "A3", "G1", "3栋", False),
            (4, "A4", "G1", "4栋", True), (5, "A5", "G1", "5栋", False), (6, "A6", "G1", "6栋", False)]),
        "stg_appeals": ("appeal_id varchar, response_id varchar, category varchar, decision varchar, "
                        "resident_grid varchar, resident_household varchar", [
            ("AP1", "A1", "wrong_grid", "upheld", "G8", "9栋1单元102"), ("AP2", "A2", "wrong_grid", "upheld", None, None),
            ("AP3", "A3", "wrong_grid", "pending", "G8", None), ("AP4", "A4", "wrong_grid", "upheld", "G8", None),
            ("AP5", "A5", "misrated", "upheld", "G8", None), ("AP6", "A6", "wrong_grid", "upheld", "G8", None)]),
    }
    # A1 moves, its door read as G8's home (trial 201's re-check); A6 moves as typed; A2 names no grid (taken out), A3
    # is undecided, A4 is invalid, A5 is no 非本网格 appeal
    assert model_rows("int_surveys", given) == [
        (1, "A1", "G8", "9栋1单元102", False, "G1"), (2, "A2", "G1", "2栋", False, "G1"), (3, "A3", "G1", "3栋", False, "G1"),
        (4, "A4", "G1", "4栋", True, "G1"), (5, "A5", "G1", "5栋", False, "G1"), (6, "A6", "G8", "6栋", False, "G1")]
    review = {**REVIEW_GIVEN, "stg_appeals": given["stg_appeals"][:1] + (given["stg_appeals"][1][:5],),
              "int_survey_exclusions": (
        "row_id integer, reason varchar", []), "stg_verification": ("response_id varchar, result varchar, "
                                                                     "called_on date", [])}
    review["int_surveys"] = ("row_id integer, response_id varchar, grid_id varchar, is_invalid boolean, "
                             "answers integer[]", [(1, "A1", "G8", False, [5, 2]), (2, "A2", "G1", False, [1, 3]),
                                                   (5, "A5", "G1", False, [4, 4])])
    # the moved answer is not taken out; the one naming no grid and the 误评 are
    assert [r[:2] for r in model_rows("int_review_exclusions", review)] == [(2, "appeal_upheld"), (5, "appeal_upheld")]
