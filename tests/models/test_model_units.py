"""dbt-style unit tests: each SQL model over a few given rows (only the columns it reads) and the
run_params it uses, against rows worked out by hand (conftest.model_rows: in-memory DuckDB). The review
cycle's models: test_review_models.py; the flags: test_response_flags.py; the rest: test_models.py."""
from datetime import date, datetime
from decimal import Decimal as D

from conftest import model_rows
from below_cli import NO_COMPOUNDS, PHONE, WINDOW_EMPTY, WINDOW_OFF

SCALE = {"scale_min": 1, "scale_max": 5}
ANSWERS = ("row_id integer, grid_id varchar, is_invalid boolean, weighted_points decimal(18, 4), "
           "weight_total decimal(18, 4)")


def test_int_month_days_is_every_day_of_the_month_with_its_last():
    rows = model_rows("int_month_days", {}, {"month_start": "2028-02-01", "month_end": "2028-02-29"})
    # the range's upper bound is month_end + 1 day (exclusive): a leap February has its 29th
    assert len(rows) == 29 and rows[0] == (date(2028, 2, 1),) and rows[-1] == (date(2028, 2, 29),)


def test_int_response_answers_sums_weighted_answers_and_skips_blank_rows():
    given = {"int_surveys": (
        "row_id integer, grid_id varchar, household_id varchar, submitted_at timestamp, channel varchar, "
        "duration_s integer, is_invalid boolean, answers integer[]", [
            (1, "G1", "H1", "2026-09-10 10:00:00", "wechat", 120, False, [5, 3, None]),
            (2, "G1", "H2", "2026-09-10 11:00:00", "wechat", 90, False, [None, None, None]),   # nothing answered
            (3, "G2", "H3", "2026-09-11 10:00:00", None, 60, True, [1, 1, 1])])}
    params = {**SCALE, "item_weights": ["2", "1", "1"], "overall_position": 3}
    assert model_rows("int_response_answers", given, params) == [
        # 2 x (5-1) + 1 x (3-1) = 10 points over the answered items' weights 2 + 1 = 3; the blank
        # overall item (position 3) adds no weight and leaves overall_answer null
        (1, "G1", "H1", datetime(2026, 9, 10, 10), "wechat", 120, False, [5, 3, None], 2,
         D("10.0000"), D("3.0000"), 3, 5, None),
        # row 2 is gone (no item answered); an invalid row stays, flagged (int_response_scores drops it):
        # all answers at scale_min, weights 2 + 1 + 1
        (3, "G2", "H3", datetime(2026, 9, 11, 10), None, 60, True, [1, 1, 1], 3, D("0.0000"), D("4.0000"), 1, 1, 1)]


def test_int_response_scores_rescales_to_0_100_and_drops_invalid_and_excluded_rows():
    given = {"int_response_answers": (ANSWERS, [(1, "G1", False, 8, 3), (2, "G1", True, 12, 3), (3, "G1", False, 12, 3),
                                                (4, "G2", False, 0, 1)]),
             "int_exclusions": ("row_id integer, reason varchar", [(3, "excluded: speeder (...)")])}
    assert model_rows("int_response_scores", given, SCALE) == [
        (1, "G1", D("66.666667")),    # 100 x 8 / (3 x 4) = 66.6666..., rounded half up to 6 places
        (4, "G2", D("0.000000"))]     # every answer at scale_min; 2 is invalid, 3 excluded


def test_int_grid_item_sums_pairs_each_item_with_the_overall_answer():
    given = {"int_response_scores": ("grid_id varchar, answers integer[], overall_answer integer", [
        ("G1", [5, 4, 5], 5), ("G1", [3, None, 4], 4), ("G1", [2, 2, None], None), ("G2", [None, 3, None], None)])}
    params = {"items": ["a", "b", "overall"], "scale_min": 1}
    assert model_rows("int_grid_item_sums", given, params) == [
        # grid, item, answered, points, pairs, sum_x, sum_y, sum_xx, sum_yy, sum_xy
        # a: answers 5, 3, 2 (points 4 + 2 + 1); the third has no overall answer, so 2 pairs (5,5), (3,4)
        ("G1", "a", 3, 7, 2, 8, 9, 34, 41, 37),
        # b: 4 (paired with 5) and 2 (no overall): row 2's blank b is no answer and no pair
        ("G1", "b", 2, 4, 1, 4, 5, 16, 25, 20),
        ("G1", "overall", 2, 7, 2, 9, 9, 41, 41, 41),
        # an item answered without the overall item: pairs 0 (coalesced), the pair sums null
        ("G2", "b", 1, 2, 0, None, None, None, None, None)]


def test_int_item_scores_rescales_the_mean_answer_to_0_100():
    given = {"int_grid_item_sums": ("grid_id varchar, item varchar, answered integer, points integer", [
        ("G1", "a", 3, 7), ("G1", "b", 3, 2), ("G2", "a", 1, 4)])}
    assert model_rows("int_item_scores", given, SCALE) == [
        ("G1", "a", 3, D("58.3333")),      # 100 x (7/3) / 4 = 58.3333...
        ("G1", "b", 3, D("16.6667")),      # 100 x (2/3) / 4 = 16.6666..., rounded up
        ("G2", "a", 1, D("100.0000"))]     # every answer at scale_max


def test_fct_item_drivers_weights_grid_scores_by_answers_and_correlates_with_overall():
    sums = "item varchar, pairs integer, sum_x integer, sum_y integer, sum_xx integer, sum_yy integer, sum_xy integer"
    given = {
        # pairs (x, y): a (1,1), (2,2) in G1 and (3,3) in G2: r = +1; b (3,1), (2,2), (1,3): r = -1;
        # c always 4: no variance, no r; the overall item is not correlated with itself
        "int_grid_item_sums": (sums, [("a", 2, 3, 3, 5, 5, 5), ("a", 1, 3, 3, 9, 9, 9), ("b", 3, 6, 6, 14, 14, 10),
                                      ("c", 3, 12, 6, 48, 14, 24), ("overall", 3, 6, 6, 14, 14, 14)]),
        "int_item_scores": ("item varchar, item_score decimal(9, 4), answered integer", [
            ("a", 50, 3), ("a", 100, 1), ("b", 50, 3), ("c", 75, 3), ("overall", 50, 3)]),
    }
    assert model_rows("fct_item_drivers", given, {"overall_item": "overall"}) == [
        ("a", D("62.5000"), 4, D("1.0000")),        # (50 x 3 + 100 x 1) / 4: weighted by answers, not by grid
        ("b", D("50.0000"), 3, D("-1.0000")),
        ("c", D("75.0000"), 3, None),
        ("overall", D("50.0000"), 3, None)]


def test_int_window_grid_stats_sums_a_thin_grids_pooled_answers_and_names_their_months():
    given = {"int_window_responses": ("household_id varchar, grid_id varchar, month varchar, "
                                      "response_score decimal(18, 6)", [
        ("H1", "G1", "2026-10", 100), ("H2", "G1", "2026-09", 50), ("H3", "G1", "2026-09", 75),
        ("H4", "G1", "2026-08", 25), ("H5", "G2", "2026-10", 10)])}
    rows = model_rows("int_window_grid_stats", given)
    # months distinct and sorted; sum_sq = 100^2 + 50^2 + 75^2 + 25^2 = 18750
    assert rows == [("G1", "2026-08,2026-09,2026-10", 4, D("250.000000"), D("18750.000000000000")),
                    ("G2", "2026-10", 1, D("10.000000"), D("100.000000000000"))]


def test_int_worker_grid_day_counts_an_overlapping_day_once_at_its_largest_weight():
    days = [(date(2026, 9, d),) for d in range(1, 6)]          # a five-day "month" as given
    given = {
        "int_month_days": ("day date", days),
        "stg_assignments": ("worker_id varchar, grid_id varchar, start_date date, end_date date, "
                            "weight decimal(9, 4)", [
            ("W1", "G1", "2026-01-01", None, 1),                  # open: to month_end
            ("W1", "G1", "2026-09-03", "2026-09-04", 0.5),        # overlaps W1's days 3-4: once, weight 1
            ("W2", "G2", "2026-08-01", "2026-09-02", 1),          # end date inclusive: days 1-2
            ("W3", "G2", "2026-09-02", None, 0.5),
            ("W4", "G1", "2026-09-06", None, 1)]),                # starts after the month
    }
    rows = model_rows("int_worker_grid_day", given, {"month_end": "2026-09-05"})
    expected = ([("W1", "G1", date(2026, 9, d), D("1.0000")) for d in range(1, 6)]
                + [("W2", "G2", date(2026, 9, d), D("1.0000")) for d in (1, 2)]
                + [("W3", "G2", date(2026, 9, d), D("0.5000")) for d in range(2, 6)])
    assert rows == expected


    # A3 (invalid) and A4 (the policy's speeder) keep their own reasons; confirmed/unreachable exclude nothing


def test_fct_quarantine_lists_invalid_and_excluded_rows_with_their_reasons():
    given = {
        "int_surveys": ("row_id integer, source_file varchar, row_number integer, response_id varchar, "
                        "invalid_reason varchar, invalid_code varchar, is_invalid boolean", [
            (1, "2026-09.csv", 2, "A1", "grid_id: unknown grid G9", "unknown_grid", True),
            (2, "2026-09.csv", 3, "A2", None, None, False), (3, "2026-09.csv", 4, "A3", None, None, False)]),
        "int_exclusions": ("row_id integer, code varchar, reason varchar", [(2, "speeder", "excluded: speeder (x)")]),
    }
    assert model_rows("fct_quarantine", given) == [
        ("2026-09.csv", 2, "A1", "grid_id: unknown grid G9", "unknown_grid"),
        ("2026-09.csv", 3, "A2", "excluded: speeder (x)", "speeder")]


def test_fct_worker_scores_weights_scored_grids_by_weight_days_and_counts_a_shared_day_once():
    given = {
        "fct_grid_scores": ("grid_id varchar, is_insufficient boolean, pay_score decimal(9, 4), "
                            "adjusted_se decimal(9, 4), responses integer, flags varchar, window_months varchar", [
            ("G1", False, 80, 2, 20, "", None), ("G2", True, None, None, 2, "insufficient_responses", None),
            ("G3", False, 90, 1, 30, "", None)]),
        "stg_assignments": ("worker_id varchar, grid_id varchar, start_date date, end_date date", []),
        "int_worker_grid_days": ("worker_id varchar, grid_id varchar, weight_days decimal(18, 4)", [
            ("W1", "G1", 10), ("W1", "G2", 5), ("W2", "G2", 3), ("W3", "G1", 4), ("W3", "G3", 6)]),
        "int_worker_grid_day": ("worker_id varchar, day date", [
            *[("W1", date(2026, 9, d)) for d in range(1, 11)], *[("W1", date(2026, 9, d)) for d in range(6, 11)],
            *[("W2", date(2026, 9, d)) for d in range(1, 4)],
            *[("W3", date(2026, 9, d)) for d in range(1, 5)], *[("W3", date(2026, 9, d)) for d in range(5, 11)]]),
        "stg_workers": ("worker_id varchar, name varchar, perf_pay_target_yuan decimal(12, 2)", [
            ("W1", "王伟", 1000), ("W2", "李娜", 800), ("W3", "张喆", 600), ("W4", "刘玥", 900)]),
    }
    assert model_rows("fct_worker_scores", given, {"days_in_month": 30, "worker_score_from_shown": True, "window_before_start_neutral": True}) == [
        # G1 and G2 on days 6-10 are 10 paid days, not 15; the thin G2 is left out of the score (80)
        # and carries 5 of the 15 weight days: scored_share 10/15; se sqrt((10 x 2)^2) / 10 = 2
        ("W1", "王伟", D("1000.00"), 10, 30, D("80.0000"), D("0.666667"), 22, True, False, None, D("2.0000")),
        ("W2", "李娜", D("800.00"), 3, 30, None, D("0.000000"), 2, True, False, None, None),      # only a thin grid: no score
        # (4 x 80 + 6 x 90) / 10 = 86; se sqrt((4 x 2)^2 + (6 x 1)^2) / 10 = 1
        ("W3", "张喆", D("600.00"), 10, 30, D("86.0000"), D("1.000000"), 50, False, False, None, D("1.0000"))]
    # W4 has no assigned day: no row


def test_int_window_responses_pools_a_door_text_per_grid_under_grid_scope():
    params = {"month": "2026-10", "pool": True, "min_responses": 3, "pool_first_month": "2026-10",
              "window_homes_by_door": True}
    given = {
        "int_grid_stats": ("grid_id varchar, responses integer", [("G1", 2), ("G2", 1)]),       # both thin
        "int_response_scores": ("row_id integer, grid_id varchar, household_id varchar, submitted_at timestamp, "
                                "response_score decimal(18, 6)", [
            (1, "G1", "1栋101", "2026-10-05 10:00:00", 100), (2, "G2", "1栋101", "2026-10-06 10:00:00", 50),
            (3, "G1", "2栋101", "2026-10-06 10:00:00", 75)]),
        "run_window": ("month varchar, window_run_id varchar", []),
        "counted_responses": ("run_id varchar, month varchar, row_id integer, grid_id varchar, "
                              "response_score decimal(18, 6)", []),
        "raw_surveys": ("run_id varchar, row_id integer, household_id varchar, submitted_at_ts timestamp, " + PHONE, []),
    }
    grid = model_rows("int_window_responses", WINDOW_EMPTY | given, {**WINDOW_OFF, **params, "household_scope": "grid"})
    assert [(r[0], r[1]) for r in grid] == [("1栋101", "G1"), ("1栋101", "G2"), ("2栋101", "G1")]
    month = model_rows("int_window_responses", WINDOW_EMPTY | given, {**WINDOW_OFF, **params, "household_scope": "month"})
    assert [(r[0], r[1]) for r in month] == [("1栋101", "G2"), ("2栋101", "G1")]


def test_int_window_self_ratings_names_an_earlier_answer_from_the_phone_of_a_worker_covering_the_grid_now():
    """A forty-seventh trial's new hire (November) had rated his grid 5 stars in October; pooled, it counted. Left out
    by int_window_responses, and named (trial 209: two such answers moved the leaver's pay, nothing said)."""
    params = {"month": "2026-10", "pool": True, "min_responses": 3, "pool_first_month": "2026-09",
              "household_scope": "grid", "window_homes_by_door": False, **WINDOW_OFF, "window_self_ratings": True}
    given = {
        "int_grid_stats": ("grid_id varchar, responses integer", [("G1", 1)]),
        "int_response_scores": ("row_id integer, grid_id varchar, household_id varchar, submitted_at timestamp, "
                                "response_score decimal(18, 6)", [(1, "G1", "1栋101", "2026-10-05 10:00:00", 50)]),
        "run_window": ("month varchar, window_run_id varchar", [("2026-09", "R9")]),
        "counted_responses": ("run_id varchar, month varchar, row_id integer, grid_id varchar, "
                              "response_score decimal(18, 6)", [("R9", "2026-09", i, "G1", 75) for i in (1, 2, 3)]),
        # an answer without a phone (paper) stays: a forty-eighth trial's window lost every one of them
        "raw_surveys": ("run_id varchar, row_id integer, household_id varchar, submitted_at_ts timestamp, " + PHONE
                        + ", response_id varchar", [
            ("R9", 1, "2栋101", "2026-09-20 10:00:00", "h-new-hire", "N1"),
            ("R9", 2, "3栋101", "2026-09-21 10:00:00", "h-x", "N2"), ("R9", 3, "4栋101", "2026-09-22 10:00:00", None, "N3")]),
        "stg_worker_phones": ("worker_id varchar, phone_hash varchar", [("W9", "h-new-hire")]),
        "stg_assignments": ("worker_id varchar, grid_id varchar, start_date date, end_date date",
                            [("W9", "G1", "2026-10-16", None)]),
    } | NO_COMPOUNDS
    named = model_rows("int_window_self_ratings", given, params)
    assert named == [("R9", 1, "G1", "2026-09", "N1", "2栋101", "W9")]
    assert model_rows("int_window_self_ratings", given, {**params, "window_self_ratings": False}) == []
    assert model_rows("int_window_self_ratings", given, {**params, "min_responses": 1}) == []       # not thin
    left = {"int_window_self_ratings": ("run_id varchar, row_id integer", [r[:2] for r in named])}
    assert [r[0] for r in model_rows("int_window_responses", given | left, params)] == ["1栋101", "3栋101", "4栋101"]
    none = {"int_window_self_ratings": ("run_id varchar, row_id integer", [])}
    before = model_rows("int_window_responses", given | none, params)
    assert [r[0] for r in before] == ["1栋101", "2栋101", "3栋101", "4栋101"]

