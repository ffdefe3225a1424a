"""The SQL layer as dbt would test it: the model graph's order is derived from the SQL, every
model's key is unique and not null on the hand-checked month, staging only renames and casts, and
a warehouse written by an earlier gridpay opens and upgrades in place."""
from conftest import model_rows, scored_below_the_cli
import dataclasses
from datetime import date
from decimal import Decimal
import re

import pytest

from gridpay.core.errors import ConfigError
from gridpay.store.models import build_order, key_problems, python_model, sql_models
from gridpay.store.scoring import month_models
from gridpay.store.warehouse import require_warehouse
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY


def test_build_order_puts_every_model_after_its_inputs():
    models = month_models()
    order = build_order(models)
    assert sorted(order) == sorted(models)
    for name, model in models.items():
        assert all(order.index(i) < order.index(name) for i in model.inputs), name
    assert models["fct_worker_scores"].inputs >= {"fct_grid_scores", "int_worker_grid_days"}


def test_a_model_reading_a_table_no_model_builds_is_refused():
    models = {"fct_x": python_model("fct_x", ("int_missing",), ("id",))}
    with pytest.raises(ValueError, match="int_missing"):
        build_order(models)


def test_staging_only_renames_and_casts():
    for name, model in sql_models().items():
        if model.layer == "staging":
            body = re.sub(r"--[^\n]*", "", model.sql).lower()
            assert not re.search(r"\b(regexp_\w+|join|group by|coalesce\(area)", body), name
            assert model.inputs == frozenset(), name          # staging reads sources only


def test_every_models_key_is_unique_and_not_null_on_the_hand_checked_month(make_inbox, tmp_path):
    policy = load_policy(DEFAULT_POLICY)
    with scored_below_the_cli(make_inbox(), tmp_path / "work", policy)[1] as con:
        problems = [p for model in month_models().values() for p in key_problems(con, model)]
        # and the check can fail: a repeated key is named
        con.execute("insert into stg_grids select * from stg_grids limit 1")
        repeated = key_problems(con, sql_models()["stg_grids"])
    assert problems == []
    assert repeated == ["stg_grids: 1 rows repeat the key (grid_id)"]


def test_require_warehouse_names_the_missing_file(tmp_path):
    with pytest.raises(ConfigError, match=f"no warehouse at {tmp_path / 'x.duckdb'}"):
        require_warehouse(tmp_path / "x.duckdb")


def test_int_grids_derives_the_area_from_the_name_unless_given():
    rows = model_rows("int_grids", {"stg_grids": ("grid_id varchar, grid_name varchar, community varchar, "
                                                   "households integer, area varchar", [
        ("G1", "天桥新村一网格", "天井湖社区", 20, None),
        ("G2", "井湖村十二网格", "天井湖社区", 10, None),
        ("G3", "老街网格", "天井湖社区", 5, "老街片区"),
        ("G4", "网格", "天井湖社区", 5, None)])})
    assert [(r[0], r[4]) for r in rows] == [("G1", "天桥新村"), ("G2", "井湖村"), ("G3", "老街片区"), ("G4", "天井湖社区")]


def test_int_worker_grid_days_counts_days_and_weight_days():
    day = "2026-09-0{}"
    rows = model_rows("int_worker_grid_days", {"int_worker_grid_day": (
        "worker_id varchar, grid_id varchar, day date, weight decimal(9, 4)",
        [("W1", "G1", day.format(d), 1) for d in range(1, 4)] + [("W1", "G2", day.format(d), 0.5) for d in (1, 2)])})
    assert rows == [("W1", "G1", 3, Decimal("3.0000")), ("W1", "G2", 2, Decimal("1.0000"))]


def test_a_model_that_reads_a_table_it_does_not_declare_is_refused(tmp_path):
    from gridpay.store.models import Model, ModelError, check_declarations
    sql = "-- key: grid_id\n-- refs: int_grids\nselect g.grid_id from int_grids g join raw_surveys s using (grid_id)"
    models = {**sql_models(), "int_x": Model("int_x", "intermediate", sql, frozenset({"int_grids"}), ("grid_id",))}
    with pytest.raises(ModelError, match="int_x: reads raw_surveys without declaring it"):
        check_declarations(models)
    stale = Model("int_x", "intermediate", "-- key: grid_id\nselect grid_id from int_grids",
                  frozenset({"int_grids", "stg_grids"}), ("grid_id",))
    with pytest.raises(ModelError, match="int_x: declares stg_grids but does not read it"):
        check_declarations({**models, "int_x": stale})


def test_every_model_declares_its_inputs_and_the_stored_ones_say_where():
    models = sql_models()
    assert {m.name for m in models.values() if m.sql is None} == {"fct_grid_scores", "fct_payroll"}
    assert models["int_window_responses"].sources == {"run_params", "run_window", "counted_responses", "raw_surveys",
                                                       "raw_grid_compounds", "raw_compound_names"}
    stored = {m.name: m.stored_as for m in models.values() if m.stored_as}
    assert stored["fct_payroll"] == "payroll" and stored["int_response_scores"] == "counted_responses"
    assert len(set(stored.values())) == len(stored)      # one model per warehouse table


def _exclusions(scope: str | None, rows: list[tuple], same_time_said: bool = False, whole: bool = False,
                calls: tuple[tuple[str, str], ...] = (), calls_first: bool = False, by_id: bool = False,
                ids: dict[int, str] | None = None, same_day: bool = False,
                appeals: tuple[tuple[str, str, str], ...] = (), wrong_grid_first: bool = False,
                digits: bool = False) -> list[tuple]:
    """int_survey_exclusions over survey rows (row_id, grid_id, household_id, submitted_at; response id
    R<row_id>, or `ids`' for the row), verification calls (response id, result) and appeals (response id,
    category, decision): each excluded row and its reason's head (`whole`: the whole reason)."""
    params = {"exclude_self_rating": False, "month_start": date(2026, 9, 1), "month_end": date(2026, 9, 30),
              "speeder": "off", "speeder_fraction": 0.3333, "dedupe_household": True, "item_weights": ["1"],
              "same_time_said": same_time_said, "calls_before_household": calls_first, "same_time_by_id": by_id,
              "same_day_said": same_day, "wrong_grid_before_household": wrong_grid_first,
              "same_time_by_id_digits": digits, "id_prefixes": ["J", "T"]}
    if scope is not None:
        params["household_scope"] = scope
    given = {
        "int_surveys": ("row_id integer, grid_id varchar, household_id varchar, submitted_at timestamp, "
                        "source_file varchar, row_number integer, respondent_phone_hash varchar, "
                        "is_invalid boolean, duration_s integer, answers integer[], response_id varchar",
                        [(*r, "2026-09.csv", r[0] + 1, None, False, 120, [5], (ids or {}).get(r[0], f"R{r[0]}"))
                         for r in rows]),
        "stg_worker_phones": ("worker_id varchar, phone_hash varchar", []),
        "stg_assignments": ("worker_id varchar, grid_id varchar, start_date date, end_date date", []),
        "stg_verification": ("response_id varchar, result varchar", list(calls)),
        "stg_appeals": ("response_id varchar, category varchar, decision varchar, resident_grid varchar",
                        [(*a, None) for a in appeals]),
    }
    return [(row_id, reason if whole else reason.split(" (")[0])
            for row_id, _, reason in model_rows("int_survey_exclusions", given, params)]


DOORS = [(1, "G1", "1栋1单元601", "2026-09-10 10:00:00"), (2, "G2", "1栋1单元601", "2026-09-11 10:00:00"),
         (3, "G3", "1栋1单元601", "2026-09-12 10:00:00"), (4, "G1", "2栋1单元101", "2026-09-10 10:00:00"),
         (5, "G2", "2栋1单元101", "2026-09-10 11:00:00")]


def test_the_same_door_text_in_every_grid_is_a_household_of_each_grid_under_grid_scope():
    assert _exclusions("grid", DOORS) == []
    # month-wide, the same texts in other grids were taken for one household
    assert _exclusions("month", DOORS) == [(1, "excluded: duplicate_household"), (2, "excluded: duplicate_household"),
                                           (4, "excluded: duplicate_household")]


def test_a_household_answering_twice_in_its_grid_still_counts_once_under_grid_scope():
    rows = DOORS + [(6, "G3", "1栋1单元601", "2026-09-20 10:00:00")]     # G3's door answers again, later
    assert _exclusions("grid", rows) == [(3, "excluded: duplicate_household")]


def test_an_answer_a_call_found_not_genuine_pushes_no_earlier_answer_of_its_household_out():
    """A fifty-fifth trial: a forged 5-star answer for a resident's door, later in the month, set the
    resident's own 非常不满意 aside as older; a call exposed the forgery, and the resident's stayed out."""
    rows = [(1, "G1", "7栋2单元401", "2026-09-01 21:28:47"), (2, "G1", "7栋2单元401", "2026-09-20 21:02:00"),
            (3, "G1", "8栋101", "2026-09-02 10:00:00"), (4, "G1", "8栋101", "2026-09-21 10:00:00")]
    calls = (("R2", "denied"), ("R4", "confirmed"))
    # R2 is left to int_review_exclusions (verification_denied); R1 counts; R4 was confirmed: R3 is older
    assert _exclusions("grid", rows, calls=calls, calls_first=True) == [(3, "excluded: duplicate_household")]
    assert _exclusions("grid", rows, calls=(("R2", "coached"),), calls_first=True) == [
        (3, "excluded: duplicate_household")]
    # without the key (policies before 2027.3) the resident's answer stays out, as those months were paid
    assert _exclusions("grid", rows, calls=calls) == [(1, "excluded: duplicate_household"),
                                                      (3, "excluded: duplicate_household")]


def test_an_answer_an_upheld_appeal_found_another_grid_s_pushes_no_answer_of_the_grid_s_home_out():
    """Trial 201: a 滨河小区 resident chose the new 滨河雅苑 grid; their door 3栋1单元201 is also a 雅苑 home's, whose
    complaint was set aside as the household's older answer, and stayed out after HR upheld 非本网格 on the other."""
    rows = [(1, "G7", "3栋1单元201", "2026-09-12 10:00:00"), (2, "G7", "3栋1单元201", "2026-09-20 10:00:00"),
            (3, "G7", "4栋101", "2026-09-02 10:00:00"), (4, "G7", "4栋101", "2026-09-21 10:00:00")]
    appeals = (("R2", "wrong_grid", "upheld"), ("R4", "misrated", "upheld"), ("R3", "wrong_grid", "rejected"))
    # R2 is left to int_review_exclusions (appeal_upheld) and R1 counts; a 误评 upheld is the home's own answer
    # overruled: its earlier answer stays out, as does one whose 非本网格 appeal was rejected
    assert _exclusions("grid", rows, appeals=appeals, wrong_grid_first=True) == [(3, "excluded: duplicate_household")]
    # without the key (policies before 2027.25) the grid's home's answer stays out, as those months were paid
    assert _exclusions("grid", rows, appeals=appeals) == [(1, "excluded: duplicate_household"),
                                                          (3, "excluded: duplicate_household")]


def test_answers_of_one_household_at_the_same_time_say_so_and_the_row_later_in_the_files_counts():
    """An eighth field trial: two paper forms of one home dated 2026-10-12, no hour; the one typed lower
    in the sheet counted and the other's reason said "an older answer", which it was not."""
    rows = [(1, "G1", "5栋2单元202", "2026-09-12 00:00:00"), (2, "G1", "5栋2单元202", "2026-09-12 00:00:00"),
            (3, "G1", "5栋2单元202", "2026-09-01 00:00:00")]
    said = _exclusions("grid", rows, same_time_said=True, whole=True)
    assert [r for r, _ in said] == [1, 3]
    assert said[0][1] == ("excluded: duplicate_household (an answer of the same household in the same grid given at "
                          "the same time as the one that counts (the row later in the files): which is the household's "
                          "is for HR to check)")
    assert "an older answer of the same household" in said[1][1]
    assert _exclusions("month", rows, same_time_said=True, whole=True)[0][1].startswith(
        "excluded: duplicate_household (an answer of the same household given at the same time")
    # a policy without the key: the reason of before
    assert "an older answer" in _exclusions("grid", rows, whole=True)[0][1]


def test_answers_of_one_household_at_the_same_minute_of_one_file_count_by_the_platform_s_answer_number():
    """A sixty-first trial's 问卷星 CSV, saved through Excel (seconds dropped) and sorted newest first: a
    household's all-1 answer (序号 48) and its all-5 one (序号 49) both at 20:15; the row lower in the
    file, the earlier answer, counted (136.80 yuan). The later number counts, said as an older answer."""
    rows = [(1, "G1", "5栋2单元202", "2026-09-18 20:15:00"), (2, "G1", "5栋2单元202", "2026-09-18 20:15:00")]
    numbers = {1: "49", 2: "48"}
    by_id = _exclusions("grid", rows, same_time_said=True, whole=True, by_id=True, ids=numbers)
    assert by_id == [(2, "excluded: duplicate_household (an older answer of the same household in the same grid; its "
                         "latest answer counts)")]
    # without the key (policies before 2027.4) the row later in the file counts, said as the same time
    assert [r for r, _ in _exclusions("grid", rows, same_time_said=True, ids=numbers)] == [1]
    said = _exclusions("grid", rows, same_time_said=True, whole=True, by_id=True)
    assert [r for r, _ in said] == [1] and "given at the same time" in said[0][1]    # ids not whole numbers: rows
    lettered = {1: "T202", 2: "T201"}      # 腾讯问卷's: by the number under 2027.31 (trial 246: T201 kept, 129.06 yuan)
    assert [[r for r, _ in _exclusions("grid", rows, True, by_id=True, ids=lettered, digits=d)] for d in (1, 0)] == [[2], [1]]
    assert [[r for r, _ in _exclusions("grid", rows, True, by_id=True, digits=True, ids=i)] for i in ({1: "9-2", 2: "9-1"}, {1: "P14", 2: "P13"})] == [[1], [1]]


def test_a_paper_form_dated_by_day_beside_an_answer_of_that_day_at_a_time_says_so():
    """Trial 183: a home's online 非常满意 at 09:30 and its paper 不满意 dated the same day, no hour: the paper one was
    set aside as "an older answer", which no one knows, and nothing was said (55.62 yuan of its worker's pay)."""
    rows = [(1, "G1", "16栋1单元601", "2026-09-16 09:30:00"), (2, "G1", "16栋1单元601", "2026-09-16 00:00:00"),
            (3, "G1", "16栋1单元601", "2026-09-15 00:00:00"), (4, "G1", "8栋101", "2026-09-20 00:00:00"),
            (5, "G1", "8栋101", "2026-09-21 08:00:00")]
    said = _exclusions("grid", rows, same_time_said=True, whole=True, same_day=True)
    assert said == [(2, "excluded: duplicate_household (an answer of the same household in the same grid dated by day "
                        "only, on the day the one that counts was given at a time: which was given later, and so is "
                        "the household's, is for HR to check)"),
                    # another day's form, and one of an earlier day than the timed answer's, are older
                    (3, "excluded: duplicate_household (an older answer of the same household in the same grid; its "
                        "latest answer counts)"),
                    (4, "excluded: duplicate_household (an older answer of the same household in the same grid; its "
                        "latest answer counts)")]
    assert "dated by day only" in _exclusions("month", rows, same_time_said=True, whole=True, same_day=True)[0][1]
    # a policy without the key (before 2027.21): the same answers out, the reason of before
    assert [r for r, _ in _exclusions("grid", rows, same_time_said=True, whole=True)] == [2, 3, 4]
    assert "an older answer" in _exclusions("grid", rows, same_time_said=True, whole=True)[0][1]


def _grid_stats(scale_min: int, scale_max: int, answers: list[int]) -> tuple[int, int]:
    policy = load_policy(DEFAULT_POLICY)
    policy = dataclasses.replace(policy, scale_min=scale_min, scale_max=scale_max)
    given = {
        "int_response_scores": ("grid_id varchar, response_score decimal(18, 6), overall_answer integer",
                                [("G1", 50, a) for a in answers]),
        "int_response_flags": ("grid_id varchar, flag varchar", []),
        "int_grids": ("grid_id varchar, grid_name varchar, community varchar, area varchar, households integer",
                      [("G1", "一网格", "社区", "社区", 20)]),
    }
    params = {"good_at_or_above": policy.good_at_or_above, "satisfied_at_or_above": policy.satisfied_at_or_above}
    (row,) = model_rows("int_grid_stats", given, params)
    return row[9], row[10]                # good, satisfied


def test_good_and_satisfied_thresholds_follow_the_policys_answer_scale():
    assert _grid_stats(1, 5, [1, 2, 3, 4, 5]) == (2, 3)                  # 4-5 好评, 3-5 满意, as always
    assert _grid_stats(1, 10, [3, 5, 6, 8, 9, 10]) == (2, 4)             # 9-10 好评, 6-10 满意
    assert _grid_stats(0, 10, [4, 5, 8, 9]) == (1, 3)                    # 9-10 好评, 5-10 满意
