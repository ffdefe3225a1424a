"""A thin grid's pooled window (int_window_responses) as dbt would test it: given rows, expected rows."""
from decimal import Decimal

from below_cli import PHONE, WINDOW_EMPTY, WINDOW_OFF, model_rows


def test_int_window_responses_keeps_each_households_latest_answer_for_thin_grids_in_the_window():
    params = {"month": "2026-10", "pool": True, "min_responses": 3, "pool_first_month": "2026-08",
              "household_scope": "month", "window_homes_by_door": True}
    given = {
        "int_grid_stats": ("grid_id varchar, responses integer", [("G1", 2), ("G2", 5)]),      # G1 thin
        "int_response_scores": ("row_id integer, grid_id varchar, household_id varchar, submitted_at timestamp, "
                                "response_score decimal(18, 6)", [
            (1, "G1", "H1", "2026-10-05 10:00:00", 100), (2, "G1", "H3", "2026-10-06 10:00:00", 75),
            (3, "G2", "H9", "2026-10-05 10:00:00", 50)]),
        "run_window": ("month varchar, window_run_id varchar", [("2026-07", "R7"), ("2026-08", "R8"), ("2026-09", "R9")]),
        "counted_responses": ("run_id varchar, month varchar, row_id integer, grid_id varchar, "
                              "response_score decimal(18, 6)", [
            ("R7", "2026-07", 1, "G1", 0),         # before the window (pool_months 3)
            ("R8", "2026-08", 1, "G1", 50),        # H1 again, older: its October answer counts
            ("R9", "2026-09", 1, "G1", 25),        # H2
            ("R9", "2026-09", 2, "G2", 0),         # G2 is not thin
            ("RX", "2026-09", 1, "G1", 0)]),       # a run not published then
        "raw_surveys": ("run_id varchar, row_id integer, household_id varchar, submitted_at_ts timestamp, " + PHONE, [
            ("R7", 1, "H4", "2026-07-01 10:00:00"), ("R8", 1, "H1", "2026-08-01 10:00:00"),
            ("R9", 1, "H2", "2026-09-01 10:00:00"), ("R9", 2, "H8", "2026-09-01 10:00:00"),
            ("RX", 1, "H5", "2026-09-01 10:00:00")]),
    }
    rows = model_rows("int_window_responses", WINDOW_EMPTY | given, WINDOW_OFF | params)
    assert rows == [("H1", "G1", "2026-10", Decimal("100.000000")), ("H2", "G1", "2026-09", Decimal("25.000000")),
                    ("H3", "G1", "2026-10", Decimal("75.000000"))]
    assert model_rows("int_window_responses", WINDOW_EMPTY | given, {**WINDOW_OFF, **params, "pool": False}) == []


def test_int_window_responses_takes_a_door_only_home_of_another_month_for_its_one_compound_named_home():
    """A fortieth trial's grid listed one compound in July (homes by door alone) and two in September: the
    same two homes counted twice in the pooled window (11 answers for 9), exit 0."""
    params = {"month": "2026-09", "pool": True, "min_responses": 10, "pool_first_month": "2026-07",
              "household_scope": "grid", "window_homes_by_door": True}
    given = {
        "int_grid_stats": ("grid_id varchar, responses integer", [("G6", 3)]),
        "int_response_scores": ("row_id integer, grid_id varchar, household_id varchar, submitted_at timestamp, "
                                "response_score decimal(18, 6)", [
            (1, "G6", "北门小区 4栋1单元401", "2026-09-05 10:00:00", 100),
            (2, "G6", "北门小区 2栋1单元101", "2026-09-06 10:00:00", 75),
            (3, "G6", "北门新苑 2栋1单元101", "2026-09-07 10:00:00", 50)]),
        "run_window": ("month varchar, window_run_id varchar", [("2026-07", "R7")]),
        "counted_responses": ("run_id varchar, month varchar, row_id integer, grid_id varchar, "
                              "response_score decimal(18, 6)", [("R7", "2026-07", 1, "G6", 0), ("R7", "2026-07", 2, "G6", 25),
                                                                ("R7", "2026-07", 3, "G6", 0)]),
        "raw_surveys": ("run_id varchar, row_id integer, household_id varchar, submitted_at_ts timestamp, " + PHONE, [
            ("R7", 1, "4栋1单元401", "2026-07-01 10:00:00"),       # 北门小区's home in July: one compound then
            ("R7", 2, "2栋1单元101", "2026-07-02 10:00:00"),       # two homes of that door now: as typed
            ("R7", 3, "5栋1单元501", "2026-07-03 10:00:00")]),     # no home of that door named: as typed
    }
    rows = [(r[0], r[2]) for r in model_rows("int_window_responses", WINDOW_EMPTY | given, WINDOW_OFF | params)]
    assert rows == [("2栋1单元101", "2026-07"), ("5栋1单元501", "2026-07"), ("北门小区 2栋1单元101", "2026-09"),
                    ("北门小区 4栋1单元401", "2026-09"), ("北门新苑 2栋1单元101", "2026-09")]
    before = model_rows("int_window_responses", WINDOW_EMPTY | given, {**WINDOW_OFF, **params, "window_homes_by_door": False})
    assert len(before) == 6 and ("4栋1单元401", "G6", "2026-07", Decimal("0.000000")) in before


def test_int_window_responses_reads_a_door_only_home_as_the_one_compound_its_months_grids_csv_listed():
    """Each month's compounds kept with its run (raw_grid_compounds): a July home by door alone, when grids.csv
    listed 北门小区 alone for G6, is 北门小区's home in a September that lists two (a fortieth trial's homes
    counted twice), and never the new compound's home of the same door (a forty-fourth trial's two homes merged)."""
    params = {"month": "2026-09", "pool": True, "min_responses": 10, "pool_first_month": "2026-07", "run_id": "R9",
              "household_scope": "grid", "window_homes_by_door": False, "window_homes_by_compound": True}
    given = {
        "int_grid_stats": ("grid_id varchar, responses integer", [("G6", 2)]),
        "int_response_scores": ("row_id integer, grid_id varchar, household_id varchar, submitted_at timestamp, "
                                "response_score decimal(18, 6)", [
            (1, "G6", "北门小区 4栋1单元401", "2026-09-05 10:00:00", 100),
            (2, "G6", "北门新苑 2栋1单元101", "2026-09-07 10:00:00", 50)]),
        "run_window": ("month varchar, window_run_id varchar", [("2026-07", "R7"), ("2026-08", "R8")]),
        "counted_responses": ("run_id varchar, month varchar, row_id integer, grid_id varchar, "
                              "response_score decimal(18, 6)", [("R7", "2026-07", 1, "G6", 0), ("R7", "2026-07", 2, "G6", 25),
                                                                ("R8", "2026-08", 1, "G6", 75)]),
        "raw_surveys": ("run_id varchar, row_id integer, household_id varchar, submitted_at_ts timestamp, " + PHONE, [
            ("R7", 1, "4栋1单元401", "2026-07-01 10:00:00"),       # 北门小区's home: September's answer stands
            ("R7", 2, "2栋1单元101", "2026-07-02 10:00:00"),       # 北门小区's, not 北门新苑's home of that door
            ("R8", 1, "3栋1单元301", "2026-08-01 10:00:00")]),     # a grid listing none that month: as typed
        "raw_grid_compounds": ("run_id varchar, grid_id varchar, compound varchar", [
            ("R7", "G6", "北门小区"), ("R8", "G6", None), ("R9", "G6", "北门小区"), ("R9", "G6", "北门新苑")]),
    }
    rows = [(r[0], r[2]) for r in model_rows("int_window_responses", WINDOW_EMPTY | given, WINDOW_OFF | params)]
    assert rows == [("3栋1单元301", "2026-08"), ("北门小区 2栋1单元101", "2026-07"),
                    ("北门小区 4栋1单元401", "2026-09"), ("北门新苑 2栋1单元101", "2026-09")]
    before = model_rows("int_window_responses", WINDOW_EMPTY | given,
                        {**WINDOW_OFF, **params, "window_homes_by_compound": False})
    assert len(before) == 5
    # a month of the window from before the record: its compounds unknown, the grid's homes stand as typed
    unrecorded = {**given, "raw_grid_compounds": (given["raw_grid_compounds"][0], given["raw_grid_compounds"][1][:1] +
                                                  given["raw_grid_compounds"][1][2:])}
    assert model_rows("int_window_responses", WINDOW_EMPTY | unrecorded, WINDOW_OFF | params) == before


def test_int_window_responses_reads_an_earlier_home_under_a_compound_s_other_name_as_that_compound_s():
    """A fifty-eighth trial's city renamed 桂园二期 桂馨苑 (grids.csv: 桂馨苑=桂园二期): August's 桂园二期 3栋102 and
    October's 桂馨苑 3栋102, one home, counted twice in the thin grid's window (W10 1200.00 for 1234.35)."""
    params = {"month": "2026-10", "pool": True, "min_responses": 10, "pool_first_month": "2026-08", "run_id": "R10",
              "household_scope": "grid", "window_homes_by_door": False, "window_compound_names": True}
    given = {
        "int_grid_stats": ("grid_id varchar, responses integer", [("G10", 1)]),
        "int_response_scores": ("row_id integer, grid_id varchar, household_id varchar, submitted_at timestamp, "
                                "response_score decimal(18, 6)", [(1, "G10", "桂馨苑 3栋102", "2026-10-05 10:00:00", 100)]),
        "run_window": ("month varchar, window_run_id varchar", [("2026-08", "R8")]),
        "counted_responses": ("run_id varchar, month varchar, row_id integer, grid_id varchar, "
                              "response_score decimal(18, 6)", [("R8", "2026-08", 1, "G10", 25),
                                                                ("R8", "2026-08", 2, "G10", 0)]),
        "raw_surveys": ("run_id varchar, row_id integer, household_id varchar, submitted_at_ts timestamp, " + PHONE, [
            ("R8", 1, "桂园二期 3栋102", "2026-08-01 10:00:00"), ("R8", 2, "桂园 2栋301", "2026-08-02 10:00:00")]),
        "raw_compound_names": ("run_id varchar, other_name varchar, compound varchar", [("R10", "桂园二期", "桂馨苑")]),
    }
    rows = [(r[0], r[2]) for r in model_rows("int_window_responses", WINDOW_EMPTY | given, WINDOW_OFF | params)]
    assert rows == [("桂园 2栋301", "2026-08"), ("桂馨苑 3栋102", "2026-10")]
    before = model_rows("int_window_responses", WINDOW_EMPTY | given,
                        {**WINDOW_OFF, **params, "window_compound_names": False})
    assert len(before) == 3                              # without the key, as its month read it: twice
