"""A stand-in's row wholly inside another worker's row on the grid: a leave whose worker's row was not split (trial
190's 李娜, on sick leave 11-06 to 11-15 while 张伟 covered, paid for the whole month: 1772.64 for 1181.76, exit 0)."""
from datetime import date

import duckdb

from gridpay.pipeline.handovers import leaves_not_typed


def _con(rows):
    con = duckdb.connect()
    con.execute("create table stg_assignments (worker_id varchar, grid_id varchar, start_date date, end_date date, "
                "weight decimal(9, 4))")
    con.executemany("insert into stg_assignments values (?, ?, ?, ?, ?)", rows)
    con.execute("create table run_params as select date '2026-11-01' as month_start, date '2026-11-30' as month_end")
    return con


def test_a_cover_inside_an_open_row_is_said_and_a_split_leave_is_not():
    cover = ("W02", "G4", date(2026, 11, 6), date(2026, 11, 15), 0.5)
    with _con([("W03", "G4", date(2025, 1, 1), None, 1), cover]) as con:
        assert leaves_not_typed(con) == (
            "G4: W02 covers G4 on 11-06 to 11-15 while W03's row on it goes on through those days, so both are paid "
            "for them; if W03 was on leave, end W03's row on 11-05 and give W03 a new row from 11-16; if both worked "
            "it, it is right as it is",)
    split = [("W03", "G4", date(2025, 1, 1), date(2026, 11, 5), 1), ("W03", "G4", date(2026, 11, 16), None, 1), cover]
    with _con(split) as con:
        assert leaves_not_typed(con) == ()


def test_a_cover_from_another_grid_to_the_month_s_end_beside_an_open_row_is_said():
    """Trial 282: 孙梅 (XC07, her own G06) covered 赵丽娟's (XC06) maternity leave on G04 from 11-10 at 0.5, to the
    month's end; 赵丽娟's row left open paid her 1440.00 for 432.00, exit 0, nothing said."""
    from gridpay.pipeline.handovers import covers_from_within
    rows = [("XC06", "G04", date(2024, 3, 1), None, 1), ("XC07", "G06", date(2024, 3, 1), None, 1),
            ("XC07", "G04", date(2026, 11, 10), None, 0.5)]
    with _con(rows) as con:
        assert covers_from_within(con) == (
            "G04: XC07 covers G04 at weight 0.5 from 11-10 while XC06's row on it goes on to the month's end, so XC06 "
            "is paid for G04 throughout; if XC07 covers XC06's leave, end XC06's row on 11-09 and give XC06 a new row "
            "from the day back; if both work it, it is right as it is",)
    ended = [("XC06", "G04", date(2024, 3, 1), date(2026, 11, 9), 1), *rows[1:]]
    with _con(ended) as con:
        assert covers_from_within(con) == ()                      # the leave typed: nothing to say
    with _con([rows[0], ("XC07", "G04", date(2026, 11, 10), None, 0.5)]) as con:
        assert covers_from_within(con) == ()                      # a second worker of the grid only: 一格两员 begun
