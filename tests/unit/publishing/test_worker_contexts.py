"""A worker's coefficient blended from a score and the neutral one, told in its parts (a seventy-first
trial's worker could not get from 77.02 to 1.0134: half the month was in a grid with too few answers)."""
from decimal import Decimal

import duckdb

from gridpay.publishing.worker_contexts import coefficient_parts
from gridpay.transforms.coefficient_rule import CoefficientRule
from gridpay.transforms.pay import WorkerMonth, worker_coefficient
from gridpay.transforms.rounding import rounded

RULE = CoefficientRule(mode="linear", floor=Decimal("0.8"), cap=Decimal("1.2"), score_at_floor=Decimal(60),
                       score_at_cap=Decimal(90), neutral=Decimal("1.00"), decimals=4, tiers=(),
                       tiers_on_shown_score=False)


def test_a_blended_coefficient_is_told_in_parts_that_give_the_coefficient_paid():
    con = duckdb.connect()
    con.execute("create table worker_scores (run_id varchar, worker_id varchar, score decimal(9, 4), "
                "scored_share decimal(9, 6))")
    con.execute("insert into worker_scores values ('r', 'W04', 77.0200, 0.5), ('r', 'W01', 80, 1), "
                "('r', 'W07', null, 0), ('r', 'W09', 64.5, 0.645161)")
    con.execute("create table payroll (run_id varchar, worker_id varchar, flags varchar)")
    con.execute("insert into payroll values ('r', 'W04', 'insufficient_responses'), ('r', 'W09', 'window_before_start')")
    parts = coefficient_parts(con, "r", RULE)
    assert set(parts) == {"W04", "W09"}            # a whole month scored, or none: nothing to tell
    w04 = parts["W04"]
    assert (w04["scored"], w04["share"], w04["rest"], w04["blend"]) == (
        Decimal("1.026933"), "50.00%", "50.00%", Decimal("1.013467"))
    paid = worker_coefficient(WorkerMonth("W04", "", Decimal(1600), 31, 31, Decimal("77.02"), Decimal("0.5"), 4, True),
                              RULE)
    assert paid == Decimal("1.0135") == rounded(w04["blend"], 4)
    assert parts["W09"]["share"] == "64.52%" and parts["W09"]["rest"] == "35.48%"
    # from output format 31 to four decimals, the share as kept (trial 272: 79.55% redid 0.9081 for 0.9082 paid)
    exact = coefficient_parts(con, "r", RULE, 4)["W09"]
    assert (exact["share"], exact["rest"]) == ("64.5161%", "35.4839%")
    # the rest of the days in a grid pooled over another worker's days, not one of too few answers (policy 2027.22)
    assert (w04["rest_where"], parts["W09"]["rest_where"]) == ("rest_few", "rest_before_start")


def test_a_score_of_two_grids_is_summed_on_the_sheet_only_where_the_sum_gives_it():
    # trials 285 and 288: a worker of two grids redid 64.82 by hand from the table: (68.93×31 + 48.91×8)/39
    from gridpay.publishing.worker_contexts import score_terms
    grids = {"G2": {"adjusted_score": "68.93", "flags": ""}, "G5": {"adjusted_score": "48.91", "flags": ""},
             "G7": {"adjusted_score": "40.00", "flags": "insufficient_responses"}}
    two = [("G2", 31, Decimal("31.0")), ("G5", 16, Decimal("8.0"))]
    assert score_terms({"score": "64.82"}, two, grids) == {"terms": "68.93 × 31 + 48.91 × 8", "days": "39"}
    assert score_terms({"score": "64.82"}, [*two, ("G7", 31, Decimal("15.5"))], grids) is not None   # neutral: not in it
    assert score_terms({"score": "64.83"}, two, grids) is None            # a sum that does not give the score: not shown
    assert score_terms({"score": "68.93"}, two[:1], grids) is None        # one grid: its own score, nothing to sum
    half = [("G2", 31, Decimal("31")), ("G5", 15, Decimal("7.5"))]
    assert score_terms({"score": "65.03"}, half, grids) == {"terms": "68.93 × 31 + 48.91 × 7.5", "days": "38.5"}
