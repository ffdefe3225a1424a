"""fct_worker_scores' rounding, given rows -> expected score (conftest.model_rows: in-memory DuckDB): a worker's
score under policy 2027.8 (scoring.worker_score_from_shown) is the exact mean of the grids' scores as printed."""
from datetime import date
from decimal import Decimal as D

from conftest import model_rows


def test_fct_worker_scores_is_the_exact_mean_of_the_grids_scores_as_printed():
    """Trial 79's W16: (73.6250 + 70.3449) / 2 = 71.98495, kept 71.9849 by a double's division (printed 71.98);
    from the printed 73.63 and 70.34, exactly, 71.9850 (printed 71.99). Trial 79b's sheet printed 72.68 and 69.39
    beside 71.03 (the kept 72.6774 and 69.3907): now 71.0350. A policy before 2027.8 keeps the double's."""
    given = {
        "fct_grid_scores": ("grid_id varchar, is_insufficient boolean, pay_score decimal(9, 4), "
                            "adjusted_se decimal(9, 4), responses integer, flags varchar, window_months varchar", [
            ("G16", False, D("73.6250"), 1, 50, "", None), ("G17", False, D("70.3449"), 1, 54, "", None)]),
        "stg_assignments": ("worker_id varchar, grid_id varchar, start_date date, end_date date", []),
        "int_worker_grid_days": ("worker_id varchar, grid_id varchar, weight_days decimal(18, 4)", [
            ("W16", "G16", 30), ("W16", "G17", 30)]),
        "int_worker_grid_day": ("worker_id varchar, day date", [("W16", date(2026, 9, d)) for d in range(1, 31)]),
        "stg_workers": ("worker_id varchar, name varchar, perf_pay_target_yuan decimal(12, 2)", [("W16", "郭丽", 2100)]),
    }
    scores = [model_rows("fct_worker_scores", given, {"days_in_month": 30, "worker_score_from_shown": shown, "window_before_start_neutral": True})[0][5]
              for shown in (True, False)]
    assert scores == [D("71.9850"), D("71.9849")]
    given["fct_grid_scores"][1][:] = [("G16", False, D("72.6774"), 1, 50, "", None),
                                       ("G17", False, D("69.3907"), 1, 54, "", None)]
    assert model_rows("fct_worker_scores", given, {"days_in_month": 30, "worker_score_from_shown": True, "window_before_start_neutral": True})[0][5] == \
        D("71.0350")
