"""fct_worker_scores under scoring.window_before_start_neutral (policy 2027.22), given rows -> expected rows: trial 192's
何敏 (W08) took 翠竹苑四网格 (C04) on 1 February after 孙丽萍 (W04) left on 20 January; February was thin, so C04 was scored
on December to February pooled, 26 of its 31 answers rating W04's days, and W08 was paid at the floor (1280.00 for a
month her residents rated 90). Her share of a grid whose window holds another worker's days before hers is at neutral."""
from datetime import date
from decimal import Decimal as D

from conftest import model_rows

POOLED = "pooled"


def _given(assignments: list[tuple], flags: str = POOLED, months: str = "2026-12,2027-01,2027-02") -> dict:
    return {
        "fct_grid_scores": ("grid_id varchar, is_insufficient boolean, pay_score decimal(9, 4), adjusted_se decimal(9, 4), "
                            "responses integer, flags varchar, window_months varchar", [
            ("C04", False, D("58.6200"), 3, 5, flags, months), ("C05", False, D("80.0000"), 2, 40, "", "2027-02")]),
        "int_worker_grid_days": ("worker_id varchar, grid_id varchar, weight_days decimal(18, 4)", [
            ("W08", "C04", 28), ("W05", "C05", 28)]),
        "int_worker_grid_day": ("worker_id varchar, day date", [
            *[(w, date(2027, 2, d)) for w in ("W04", "W08", "W05") for d in range(1, 29)]]),
        "stg_workers": ("worker_id varchar, name varchar, perf_pay_target_yuan decimal(12, 2)", [
            ("W04", "孙丽萍", 1600), ("W05", "周强", 1600), ("W08", "何敏", 1600)]),
        "stg_assignments": ("worker_id varchar, grid_id varchar, start_date date, end_date date", assignments),
    }


HANDOVER = [("W04", "C04", date(2026, 1, 1), date(2027, 1, 20)), ("W08", "C04", date(2027, 2, 1), None),
            ("W05", "C05", date(2026, 1, 1), None)]


def _w08(given: dict, neutral: bool = True) -> tuple:
    rows = model_rows("fct_worker_scores", given, {"days_in_month": 28, "worker_score_from_shown": True,
                                                  "window_before_start_neutral": neutral})
    return next(r for r in rows if r[0] == "W08")


def test_a_new_workers_share_of_a_grid_pooled_over_her_predecessors_months_is_at_neutral():
    # no scored share: the coefficient is neutral; the grid is not thin (has_insufficient_grid stays false)
    assert _w08(_given(HANDOVER)) == ("W08", "何敏", D("1600.00"), 28, 28, None, D("0.000000"), 5, False, True, "C04", None)
    # a policy without the key: the pooled score pays her, as before
    assert _w08(_given(HANDOVER), neutral=False)[5:10] == (D("58.6200"), D("1.000000"), 5, False, False)


def test_a_window_without_another_workers_days_before_hers_pools_as_before():
    # a grid nobody worked before her (a new grid, her first day within the window)
    alone = [("W08", "C04", date(2026, 12, 10), None), ("W05", "C05", date(2026, 1, 1), None)]
    assert _w08(_given(alone))[5:10] == (D("58.6200"), D("1.000000"), 5, False, False)
    # the predecessor left before the window's first month
    early = [("W04", "C04", date(2026, 1, 1), date(2026, 11, 30)), *HANDOVER[1:]]
    assert _w08(_given(early))[9] is False
    # the window starts on her first day's month, and the grid is not pooled
    assert _w08(_given(HANDOVER, months="2027-02"))[9] is False
    assert _w08(_given(HANDOVER, flags=""))[9] is False
    # a worker on the grid before the other came stays scored: W04 back as a second worker from 1 February
    back = [*HANDOVER, ("W04", "C04", date(2027, 2, 1), None)]
    rows = model_rows("fct_worker_scores", {**_given(back), "int_worker_grid_days": (
        "worker_id varchar, grid_id varchar, weight_days decimal(18, 4)", [("W04", "C04", 28), ("W08", "C04", 28)])},
        {"days_in_month": 28, "worker_score_from_shown": True, "window_before_start_neutral": True})
    assert [(r[0], r[9]) for r in rows] == [("W04", False), ("W08", True)]
