"""A worker moving to another grid in the month whose old row was not ended, while a newcomer starts on her old grid,
is said (trial 127: only the new rows added, she was paid both grids); a move with its old row ended, a cover with no
newcomer, and a newcomer weeks apart from the move say nothing; a substitute going on after the grid's worker is
back from leave is said too (trial 135), and so is a leaver's row left open beside her successor's (trial 171)."""
import duckdb

from gridpay.pipeline.handovers import covers_not_ended, moves_not_ended, substitutes_not_ended, successors_not_ended


def _november(check, rows: list[tuple], weight: bool = False) -> tuple[str, ...]:
    """`check` over November with these assignment rows (worker, grid, start, end[, weight])."""
    con = duckdb.connect()
    con.execute("create table run_params as select date '2026-11-01' as month_start, date '2026-11-30' as month_end")
    con.execute("create table stg_assignments (worker_id varchar, grid_id varchar, start_date date, end_date date"
                + (", weight decimal(9, 4))" if weight else ")"))
    con.executemany(f"insert into stg_assignments values (?, ?, ?, ?{', ?' if weight else ''})", rows)
    return check(con)


def _moves(rows: list[tuple]) -> tuple[str, ...]:
    return _november(moves_not_ended, rows)


OLD = ("W02", "G2", "2025-06-01", None)
NEW_GRID = ("W02", "G4", "2026-11-16", None)


def test_a_move_whose_old_row_goes_on_while_a_newcomer_starts_there_is_said():
    assert _moves([OLD, NEW_GRID, ("W06", "G2", "2026-11-16", None)]) == (
        "G2: W02 starts on G4 on 11-16 and W06 on G2 on 11-16, while W02's G2 row goes on, so W02 is paid for both "
        "grids from then; if W02 moved from G2 to G4, that row's end_date is 11-15; if W02 keeps both, it is right "
        "as it is",)
    assert len(_moves([OLD, NEW_GRID, ("W06", "G2", "2026-11-17", None)])) == 1     # a day apart


def test_a_move_ended_a_cover_without_a_newcomer_and_a_later_hire_say_nothing():
    assert _moves([("W02", "G2", "2025-06-01", "2026-11-15"), NEW_GRID, ("W06", "G2", "2026-11-16", None)]) == ()
    assert _moves([OLD, NEW_GRID]) == ()                                    # she covers a second grid
    assert _moves([OLD, NEW_GRID, ("W06", "G2", "2026-11-25", None)]) == ()
    assert _moves([OLD, ("W02", "G4", "2025-09-01", None), ("W06", "G2", "2026-11-16", None)]) == ()   # long held


def test_a_move_on_the_month_s_first_day_is_said_too():
    assert len(_moves([OLD, ("W02", "G4", "2026-11-01", None), ("W06", "G2", "2026-11-01", None)])) == 1


def _covers(rows: list[tuple]) -> tuple[str, ...]:
    return _november(covers_not_ended, rows, weight=True)


OWN = ("W04", "G5", "2025-06-01", None, 1)
COVER = ("W04", "G4", "2026-10-01", None, 0.5)


def test_a_half_weight_cover_going_on_after_a_full_time_worker_starts_on_the_grid_is_said():
    """Trial 127's W04 kept half of G4 after W02 took it over on the 16th (W04 1553.63 for 1572.84)."""
    assert _covers([OWN, COVER, ("W02", "G4", "2026-11-16", None, 1)]) == (
        "G4: W04's cover at weight 0.5 goes on after W02 starts on G4 on 11-16; if W02 took the grid over, W04's G4 "
        "row's end_date is 11-15; if both work it, it is right as it is",)


def test_a_cover_ended_a_full_weight_co_worker_and_a_newcomer_at_half_weight_say_nothing():
    assert _covers([OWN, ("W04", "G4", "2026-10-01", "2026-11-15", 0.5), ("W02", "G4", "2026-11-16", None, 1)]) == ()
    assert _covers([OWN, ("W04", "G4", "2026-10-01", None, 1), ("W02", "G4", "2026-11-16", None, 1)]) == ()
    assert _covers([OWN, COVER, ("W02", "G4", "2026-11-16", None, 0.5)]) == ()
    assert _covers([COVER, ("W02", "G4", "2026-11-16", None, 1)]) == ()             # no grid of her own
    # a full-time worker handing the grid over: the newcomer replaces that worker, the cover stays (the test inbox's)
    assert _covers([OWN, COVER, ("W01", "G4", "2025-01-01", "2026-11-15", 1), ("W02", "G4", "2026-11-16", None, 1)]
                   ) == ()


def _substitutes(rows: list[tuple]) -> tuple[str, ...]:
    return _november(substitutes_not_ended, rows)


LEAVE = ("W02", "G2", "2025-06-01", "2026-09-15")
BACK = ("W02", "G2", "2026-11-16", None)


def test_a_substitute_going_on_after_the_grid_s_worker_is_back_from_leave_is_said():
    """Trial 135: W08 stood in for W02's maternity leave from 09-16; W02 back on 11-16, W08's end date left blank paid
    her 1809.15 for 1054.58, exit 0, nothing said."""
    assert _substitutes([LEAVE, BACK, ("W08", "G2", "2026-09-16", None)]) == (
        "G2: W02 is back on G2 on 11-16, and W08, who started there on 09-16 when W02's row ended, goes on, so both "
        "are paid for G2 from 11-16; if W08 stood in for W02, W08's G2 row's end_date is 11-15; if both work it, it is "
        "right as it is",)
    assert _substitutes([LEAVE, BACK, ("W08", "G2", "2026-09-16", "2026-11-15")]) == ()     # ended: a handover back
    assert _substitutes([LEAVE, BACK, ("W08", "G2", "2026-03-01", None)]) == ()    # a co-worker from before her leave
    assert _substitutes([LEAVE, ("W08", "G2", "2026-09-16", None)]) == ()                  # not back this month


def test_a_row_reopened_on_a_worker_s_return_is_said_by_the_month_before_s_pay():
    """Trial 135: W02's row, ended for her maternity leave, had its end date cleared; November paid her 30 days beside
    W08, who stood in to 11-15 (1810.98 for 905.49), exit 0, nothing said for November."""
    from gridpay.pipeline.handovers import reopened_rows

    def check(con):
        con.execute("create table run_window as select '2026-10' as month, 'oct' as window_run_id")
        con.execute("create table worker_grid_days (run_id varchar, worker_id varchar, grid_id varchar, "
                    "assigned_days integer)")
        con.executemany("insert into worker_grid_days values ('oct', ?, 'G2', ?)", paid)
        return reopened_rows(con)
    rows = [("W02", "G2", "2024-03-01", None), ("W08", "G2", "2026-09-16", "2026-11-15")]
    paid = [("W08", 31)]
    assert _november(check, rows) == (
        "G2: W02's row goes on through G2's days to 11-15 beside W08, while 2026-10's published run paid W08 for G2 "
        "and W02 for none of it, so both are paid for it from the month's first day to 11-15: a row reopened (its end "
        "date cleared on W02's return)? if W02 came back on 11-16, put the row's end date back and give her a new row "
        "from then; if both worked it, it is right as it is",)
    paid = [("W08", 31), ("W02", 31)]               # a co-worker of long standing: nothing
    assert _november(check, rows) == ()


def _successors(rows: list[tuple]) -> tuple[str, ...]:
    return _november(successors_not_ended, rows, weight=True)


LEAVER = ("00246", "FL07", "2024-03-01", None, 1)


def test_a_leaver_s_row_left_open_beside_her_successor_s_is_said():
    """Trial 171's 孙强 left on the 14th, his end date not typed; 吴敏 started on the 17th: both paid, nothing said."""
    assert _successors([LEAVER, ("00252", "FL07", "2026-11-17", None, 1)]) == (
        "FL07: 00252 starts on FL07 on 11-17 while 00246's row on it goes on to the month's end, so both are "
        "paid for FL07 from 11-17; if 00252 took over from 00246, 00246's row's end_date is 00246's last day there "
        "(before 11-17); if FL07 now has two workers, it is right as it is",)


def test_an_ended_leaver_a_cover_a_second_worker_a_move_and_a_return_say_nothing_here():
    successor = ("00252", "FL07", "2026-11-17", None, 1)
    assert _successors([("00246", "FL07", "2024-03-01", "2026-11-14", 1), successor]) == ()
    assert _successors([LEAVER, ("00252", "FL07", "2026-11-17", None, 0.5)]) == ()           # a cover
    assert _successors([LEAVER, ("00250", "FL07", "2025-01-01", None, 1), successor]) == ()   # two there already
    assert _successors([LEAVER, ("00246", "FL06", "2026-11-17", None, 1), successor]) == ()   # a move: said apart
    assert _successors([LEAVER, ("00252", "FL07", "2025-01-01", "2025-06-30", 1), successor]) == ()   # back: apart
    assert _successors([("00246", "FL07", "2026-11-01", None, 1), successor]) == ()   # both new in the month


def test_a_stand_in_from_the_month_s_first_day_beside_an_open_row_is_said():
    """Trial 269's 杨帆 stood in for 黄涛's month of unpaid leave from 11-01, his row left open: paid 1436.23, unsaid."""
    (line,) = _successors([("W04", "G4", "2024-03-01", None, 1), ("W05", "G4", "2026-11-01", None, 1),
                           ("W05", "G5", "2024-03-01", None, 1)])
    assert line.startswith("G4: W05 starts on G4 on 11-01 while W04's row on it goes on to the month's end")
    assert line.endswith("; if W04 is away all month (leave), W04's row ends on 10-31 and a new one starts on the day "
                         "back; if W05 began in a later month (its start typed on this month's first day), correct its "
                         "month")


def test_a_successor_s_start_on_the_month_s_first_day_may_be_a_later_month_s():
    """Trial 228's new hire of 12-01, typed 11-01, was paid the whole of November beside the leaver; the line offered
    only a start after the leaver's end or two workers sharing the grid."""
    from gridpay.pipeline.handovers import overlapping_handovers
    leaver = ("W04", "G5", "2025-03-01", "2026-11-15")
    first, = _november(overlapping_handovers, [leaver, ("W06", "G5", "2026-11-01", None)])
    assert first.endswith("; if W06 began in a later month (its start typed on this month's first day), correct its "
                          "month")
    later, = _november(overlapping_handovers, [leaver, ("W06", "G5", "2026-11-10", None)])
    assert "later month" not in later
