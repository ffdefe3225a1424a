"""The phones a run knows as a worker's (policy 2027.9, integrity.self_rating_past_phones), given rows ->
expected rows: stg_worker_phones, and int_survey_exclusions keeping out her rating from a phone she had."""
from datetime import date

from conftest import model_rows


def test_stg_worker_phones_holds_workers_csv_phones_and_the_past_ones_of_the_run():
    """Policy 2027.9 (integrity.self_rating_past_phones): trial 84's July, corrected with today's workers.csv
    after W01 changed phone, counted her July rating from the old phone as a resident's."""
    given = {"raw_workers": ("run_id varchar, worker_id varchar, phone_hash varchar",
                             [("R2", "W01", "h-new"), ("R2", "W02", None), ("R1", "W01", "h-old")]),
             "raw_worker_phones": ("run_id varchar, worker_id varchar, phone_hash varchar",
                                   [("R2", "W01", "h-old"), ("R1", "W01", "h-older")])}
    assert model_rows("stg_worker_phones", given, {"run_id": "R2"}) == [("W01", "h-new"), ("W01", "h-old")]


def test_int_survey_exclusions_keeps_out_a_workers_rating_from_a_phone_she_had():
    given = {
        "int_surveys": ("row_id integer, grid_id varchar, household_id varchar, submitted_at timestamp, "
                        "source_file varchar, row_number integer, respondent_phone_hash varchar, is_invalid boolean, "
                        "duration_s integer, answers integer[], response_id varchar",
                        [(1, "G1", "5栋402", "2026-07-10 10:00:00", "a.xlsx", 2, "h-old", False, 120, [5], "279"),
                         (2, "G1", "6栋402", "2026-07-11 10:00:00", "a.xlsx", 3, "h-x", False, 120, [4], "280")]),
        "stg_worker_phones": ("worker_id varchar, phone_hash varchar", [("W01", "h-new"), ("W01", "h-old")]),
        "stg_assignments": ("worker_id varchar, grid_id varchar, start_date date, end_date date",
                            [("W01", "G1", "2026-01-01", None)]),
        "stg_verification": ("response_id varchar, result varchar", []),
        "stg_appeals": ("response_id varchar, category varchar, decision varchar, resident_grid varchar", []),
    }
    params = {"exclude_self_rating": True, "month_start": date(2026, 7, 1), "month_end": date(2026, 7, 31),
              "speeder": "off", "speeder_fraction": 0.3333, "dedupe_household": True, "item_weights": ["1"],
              "same_time_said": True, "calls_before_household": True, "same_time_by_id": False, "same_day_said": True,
              "household_scope": "grid", "wrong_grid_before_household": True, "same_time_by_id_digits": True,
              "id_prefixes": ["T"]}
    assert [(r, code) for r, code, _ in model_rows("int_survey_exclusions", given, params)] == [(1, "self_rating")]
