"""Assignment rows around a handover that pay two workers for one grid on the same days: each said under the
handover kind (pipeline/verdicts.py), never a stop, since two workers may truly share a grid for a while (a new hire
shadowing the leaver, a worker keeping both grids); the line says which end date would make it a handover."""
from __future__ import annotations

from datetime import timedelta


def rows_not_ended(con) -> tuple[str, ...]:
    """The month's lines, in the order the checks were added."""
    return (overlapping_handovers(con) + moves_not_ended(con) + covers_not_ended(con) + substitutes_not_ended(con)
            + reopened_rows(con) + successors_not_ended(con) + leaves_not_typed(con) + covers_from_within(con))


def overlapping_handovers(con) -> tuple[str, ...]:
    """A worker whose assignment to a grid ends within the month while another's starts in the month,
    on or before that day, and goes on after it: both are paid for those days. A successor's start date
    typed as the month's first day (a nineteenth trial's W07, paid 1200.00 for 464.52) reads so; a
    co-worker of long standing staying on when the other leaves does not."""
    rows = con.execute("""
        select a.grid_id, a.worker_id, b.worker_id, a.end_date, greatest(a.start_date, b.start_date, p.month_start),
               b.start_date = p.month_start
        from stg_assignments a join stg_assignments b on a.grid_id = b.grid_id and a.worker_id <> b.worker_id
        cross join run_params p
        where a.end_date >= p.month_start and a.end_date < p.month_end
          and b.start_date between p.month_start and a.end_date and coalesce(b.end_date, p.month_end) > a.end_date
          and greatest(a.start_date, b.start_date, p.month_start) <= a.end_date
        order by a.grid_id, a.worker_id, b.worker_id""").fetchall()
    return tuple(f"{grid}: {left}'s assignment ends on {end:%m-%d} and {stays}'s covers it from {start:%m-%d}, so both "
                 f"are paid for it on {start:%m-%d} to {end:%m-%d}; if {stays} took over from {left}, {stays}'s "
                 f"start_date is the day after {end:%m-%d}; if both worked it on those days (a new hire shadowing the "
                 f"leaver), it is right as it is" + (f"; if {stays} began in a later month (its start typed on this "
                 f"month's first day), correct its month" if first else "")
                 for grid, left, stays, end, start, first in rows)


def moves_not_ended(con) -> tuple[str, ...]:
    """A worker starting on another grid within the month, her row on her grid going on to its end, while another
    worker starts on that grid within a day of her move: a move whose old row was not ended pays her both grids
    (trial 127 added the new rows only: W04 paid 1553.63 for 1572.84, exit 0, nothing said)."""
    rows = con.execute("""
        select a.grid_id, a.worker_id, m.grid_id, m.start_date, x.worker_id, x.start_date
        from stg_assignments a
        join stg_assignments m on m.worker_id = a.worker_id and m.grid_id <> a.grid_id
        join stg_assignments x on x.grid_id = a.grid_id and x.worker_id <> a.worker_id
        cross join run_params p
        where m.start_date between p.month_start and p.month_end and a.start_date < m.start_date
          and coalesce(a.end_date, p.month_end) >= p.month_end
          and x.start_date between m.start_date - 1 and m.start_date + 1 and x.start_date > a.start_date
        order by a.grid_id, a.worker_id, m.grid_id""").fetchall()
    return tuple(f"{grid}: {mover} starts on {new} on {moved:%m-%d} and {other} on {grid} on {start:%m-%d}, while "
                 f"{mover}'s {grid} row goes on, so {mover} is paid for both grids from then; if {mover} moved from "
                 f"{grid} to {new}, that row's end_date is {moved - timedelta(days=1):%m-%d}; if {mover} keeps "
                 f"both, it is right as it is" for grid, mover, new, moved, other, start in rows)


def covers_not_ended(con) -> tuple[str, ...]:
    """A worker covering a grid at a weight under 1 beside a grid of her own, her cover going on to the month's end,
    while another worker starts on that grid full time in the month, the grid having had no full-time worker the day
    before: a cover not ended when the grid's own worker came (trial 127's W04 kept half of G4 after W02 took it over: 1553.63 for 1572.84, exit 0, nothing said)."""
    rows = con.execute("""
        select c.grid_id, c.worker_id, c.weight, n.worker_id, n.start_date
        from stg_assignments c
        join stg_assignments n on n.grid_id = c.grid_id and n.worker_id <> c.worker_id
        cross join run_params p
        where c.weight < 1 and n.weight >= 1 and n.start_date > p.month_start and n.start_date <= p.month_end
          and c.start_date < n.start_date and coalesce(c.end_date, p.month_end) >= p.month_end
          and exists (select 1 from stg_assignments o where o.worker_id = c.worker_id and o.grid_id <> c.grid_id
                      and o.weight >= 1 and o.start_date <= n.start_date
                      and coalesce(o.end_date, p.month_end) >= n.start_date)
          -- the grid had no worker of its own the day before (one who leaves then is replaced, the cover stays)
          and not exists (select 1 from stg_assignments f where f.grid_id = c.grid_id and f.weight >= 1
                          and f.worker_id not in (c.worker_id, n.worker_id) and f.start_date < n.start_date
                          and coalesce(f.end_date, p.month_end) >= n.start_date - 1)
        order by c.grid_id, c.worker_id""").fetchall()
    return tuple(f"{grid}: {cover}'s cover at weight {weight.normalize():f} goes on after {new} starts on {grid} on "
                 f"{start:%m-%d}; if {new} took the grid over, {cover}'s {grid} row's end_date is "
                 f"{start - timedelta(days=1):%m-%d}; if both work it, it is right as it is"
                 for grid, cover, weight, new, start in rows)


def substitutes_not_ended(con) -> tuple[str, ...]:
    """A worker back on a grid within the month, whose earlier row on it ended when another worker's started there
    (the day after, or on it), that worker's row going on after her return: a substitute not ended when the grid's own
    worker came back from leave (trial 135's W08, her end date left blank, paid 1809.15 for 1054.58 beside W02, exit
    0, nothing said)."""
    rows = con.execute("""
        select distinct n.grid_id, n.worker_id, n.start_date, o.worker_id, o.start_date
        from stg_assignments n
        join stg_assignments e on e.worker_id = n.worker_id and e.grid_id = n.grid_id and e.end_date < n.start_date
        join stg_assignments o on o.grid_id = n.grid_id and o.worker_id <> n.worker_id
        cross join run_params p
        where n.start_date > p.month_start and n.start_date <= p.month_end
          and o.start_date between e.end_date and e.end_date + 1 and o.start_date < n.start_date
          and coalesce(o.end_date, p.month_end) >= n.start_date
        order by n.grid_id, n.worker_id, o.worker_id""").fetchall()
    return tuple(f"{grid}: {back} is back on {grid} on {start:%m-%d}, and {sub}, who started there on {began:%m-%d} "
                 f"when {back}'s row ended, goes on, so both are paid for {grid} from {start:%m-%d}; if {sub} stood in "
                 f"for {back}, {sub}'s {grid} row's end_date is {start - timedelta(days=1):%m-%d}; if both work it, it "
                 f"is right as it is" for grid, back, start, sub, began in rows)


def reopened_rows(con) -> tuple[str, ...]:
    """A worker whose row from before the month goes on past the day another worker's row on the grid ends in it, while
    the month before's published run paid the other for the grid and her for none of it: a row reopened, its end date
    cleared on her return from leave (trial 135's W02 paid 1810.98 for 905.49 beside her stand-in, exit 0)."""
    rows = con.execute("""
        with before as (select window_run_id as run_id, month from run_window order by month desc limit 1)
        select b.grid_id, b.worker_id, a.worker_id, a.end_date, w.month
        from stg_assignments a join stg_assignments b on a.grid_id = b.grid_id and a.worker_id <> b.worker_id
        cross join run_params p cross join before w
        where a.end_date >= p.month_start and a.end_date < p.month_end and b.start_date < p.month_start
          and coalesce(b.end_date, p.month_end) > a.end_date
          and exists (select 1 from worker_grid_days d where d.run_id = w.run_id and d.worker_id = a.worker_id
                      and d.grid_id = a.grid_id and d.assigned_days > 0)
          and not exists (select 1 from worker_grid_days d where d.run_id = w.run_id and d.worker_id = b.worker_id
                          and d.grid_id = b.grid_id and d.assigned_days > 0)
        order by all""").fetchall()
    return tuple(f"{grid}: {back}'s row goes on through {grid}'s days to {end:%m-%d} beside {sub}, while {month}'s "
                 f"published run paid {sub} for {grid} and {back} for none of it, so both are paid for it from the "
                 f"month's first day to {end:%m-%d}: a row reopened (its end date cleared on {back}'s return)? if "
                 f"{back} came back on {end + timedelta(days=1):%m-%d}, put the row's end date back and give her a new "
                 f"row from then; if both worked it, it is right as it is" for grid, back, sub, end, month in rows)


def successors_not_ended(con) -> tuple[str, ...]:
    """A worker new on a grid starting within the month, full time, while the row of its one full-time worker from
    before goes on to the month's end, that worker moving to no other grid: a leaver's end date not typed (trial 171's
    孙强 left on the 14th, 吴敏 started on the 17th: paid 1284.32 for 599.35, exit 0, nothing said). From the month's
    first day too: trial 269's 杨帆 stood in for 黄涛's whole month of unpaid leave from 11-01, his row left open, and he
    was paid 1436.23, exit 0, nothing said (his successor of 11-02 was said)."""
    rows = con.execute("""
        select n.grid_id, n.worker_id, n.start_date, o.worker_id, n.start_date = p.month_start
        from stg_assignments n
        join stg_assignments o on o.grid_id = n.grid_id and o.worker_id <> n.worker_id
        cross join run_params p
        where n.start_date >= p.month_start and n.start_date <= p.month_end and coalesce(n.weight, 1) >= 1
          and o.start_date < p.month_start and coalesce(o.end_date, p.month_end) >= p.month_end
          and coalesce(o.weight, 1) >= 1
          and not exists (select 1 from stg_assignments e where e.grid_id = n.grid_id and e.worker_id = n.worker_id
                          and e.start_date < n.start_date)
          and not exists (select 1 from stg_assignments f where f.grid_id = n.grid_id and coalesce(f.weight, 1) >= 1
                          and f.worker_id not in (n.worker_id, o.worker_id) and f.start_date < n.start_date
                          and coalesce(f.end_date, p.month_end) >= n.start_date - 1)
          and not exists (select 1 from stg_assignments m where m.worker_id = o.worker_id and m.grid_id <> o.grid_id
                          and m.start_date between p.month_start and p.month_end)
        order by n.grid_id, n.worker_id, o.worker_id""").fetchall()
    return tuple(f"{grid}: {new} starts on {grid} on {start:%m-%d} while {old}'s row on it goes on to the month's end, "
                 f"so both are paid for {grid} from {start:%m-%d}; if {new} took over from {old}, {old}'s row's "
                 f"end_date is {old}'s last day there (before {start:%m-%d}); if {grid} now has two workers, it is right "
                 f"as it is" + (f"; if {old} is away all month (leave), {old}'s row ends on "
                                f"{start - timedelta(days=1):%m-%d} and a new one starts on the day back; if {new} began "
                                f"in a later month (its start typed on this month's first day), correct its month"
                                if first else "") for grid, new, start, old, first in rows)


def leaves_not_typed(con) -> tuple[str, ...]:
    """A worker's row on a grid starting and ending within the month, wholly inside the days of another worker's row
    on it: a stand-in for a leave whose worker's row was not split (trial 190's 李娜, on sick leave 11-06 to 11-15
    while 张伟 covered, paid 1772.64 for 1181.76, exit 0, nothing said)."""
    rows = con.execute("""
        select c.grid_id, c.worker_id, c.start_date, c.end_date, o.worker_id
        from stg_assignments c
        join stg_assignments o on o.grid_id = c.grid_id and o.worker_id <> c.worker_id
        cross join run_params p
        where c.start_date > p.month_start and c.end_date < p.month_end and c.end_date >= c.start_date
          and o.start_date <= c.start_date and coalesce(o.end_date, p.month_end) >= c.end_date
        order by all""").fetchall()
    return tuple(f"{grid}: {cover} covers {grid} on {start:%m-%d} to {end:%m-%d} while {owner}'s row on it goes on "
                 f"through those days, so both are paid for them; if {owner} was on leave, end {owner}'s row on "
                 f"{start - timedelta(days=1):%m-%d} and give {owner} a new row from {end + timedelta(days=1):%m-%d}; "
                 f"if both worked it, it is right as it is" for grid, cover, start, end, owner in rows)


def covers_from_within(con) -> tuple[str, ...]:
    """A worker of another grid starting on a grid within the month at a weight under 1, to the month's end, while the
    grid's full-time worker's row goes on through those days: a cover of a leave whose worker's row was not ended
    (trial 282's 孙梅 covered 赵丽娟's maternity leave from 11-10 at 0.5; 赵丽娟 paid 1440.00 for 432.00, exit 0, nothing
    said). Two may share a grid from then on, so it is said, never a stop."""
    rows = con.execute("""
        select c.grid_id, c.worker_id, c.weight, c.start_date, o.worker_id
        from stg_assignments c
        join stg_assignments o on o.grid_id = c.grid_id and o.worker_id <> c.worker_id
        cross join run_params p
        where c.weight < 1 and c.start_date > p.month_start and c.start_date <= p.month_end
          and coalesce(c.end_date, p.month_end) >= p.month_end
          and coalesce(o.weight, 1) >= 1 and o.start_date < c.start_date and coalesce(o.end_date, p.month_end) >= p.month_end
          and exists (select 1 from stg_assignments h where h.worker_id = c.worker_id and h.grid_id <> c.grid_id
                      and coalesce(h.weight, 1) >= 1 and h.start_date <= c.start_date
                      and coalesce(h.end_date, p.month_end) >= c.start_date)
        order by all""").fetchall()
    return tuple(f"{grid}: {cover} covers {grid} at weight {weight.normalize():f} from {start:%m-%d} while {owner}'s row "
                 f"on it goes on to the month's end, so {owner} is paid for {grid} throughout; if {cover} covers "
                 f"{owner}'s leave, end {owner}'s row on {start - timedelta(days=1):%m-%d} and give {owner} a new row from "
                 f"the day back; if both work it, it is right as it is" for grid, cover, weight, start, owner in rows)
