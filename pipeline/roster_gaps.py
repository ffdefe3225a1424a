"""Who is missing from the month's roster, said on the console and the scorecard: workers of workers.csv whom
assignments.csv gives no day (not paid), and grids no worker covers on some days. Where another worker of the same name
holds grids, that is said too: trial 198's two 王芳, W03 and W07, filled into assignments.csv by name (a VLOOKUP finds
the first), gave W03 both grids and W07 none; the line named W07 unpaid, not that the other 王芳 now held her grid."""
from __future__ import annotations


def unassigned_workers(con) -> tuple[str, ...]:
    """'王芳 (W07)' for each worker of the month's workers.csv in no row of assignments.csv, with the grids another
    worker of the same name is given."""
    rows = con.execute("""
        select w.worker_id, w.name, o.worker_id, a.grid_id, coalesce(g.grid_name || ' (' || a.grid_id || ')', a.grid_id)
        from stg_workers w
        left join stg_workers o on o.name = w.name and o.worker_id <> w.worker_id
                               and o.worker_id in (select worker_id from stg_assignments)
        left join stg_assignments a on a.worker_id = o.worker_id
        left join stg_grids g on g.grid_id = a.grid_id
        where w.worker_id not in (select worker_id from stg_assignments)
        order by w.worker_id, o.worker_id, a.grid_id""").fetchall()
    said: dict[tuple[str, str], tuple[list, list]] = {}
    for wid, name, other, _, grid in rows:
        others, grids = said.setdefault((wid, name), ([], []))
        others += [other] if other and other not in others else []
        grids += [grid] if grid and grid not in grids else []
    return tuple(f"{name} ({wid}{_namesake(name, *held)})" for (wid, name), held in said.items())


def _namesake(name: str, others: list, grids: list) -> str:
    if not others:
        return ""
    return (f"; {', '.join(others)}, also named {name}, {'is' if len(others) == 1 else 'are'} given "
            f"{', '.join(grids)}: if assignments.csv was filled in by name, check which {name} each row means")


NEW_GRID = "; new since the months published before: if it began on its first worker's first day, no row is missing"


def part_staffed(con, run_id: str) -> tuple[str, ...]:
    """Grids a worker covers on some days of the month and nobody on others: often a replacement's assignment row HR
    has not added (a twelfth trial's grid had no worker for 16 days, unsaid). A grid no earlier published month scored
    may simply have begun with its first worker (trial 199's split-off grid, told a row was missing): said so."""
    month = (con.execute("select month from runs where run_id = ?", [run_id]).fetchone() or ("",))[0]
    rows = con.execute("""
        select g.grid_id, g.grid_name, count(*) as days, min(d.day), max(d.day),
               exists (select 1 from published where month < $month)
               and not exists (select 1 from grid_scores e join published p on p.run_id = e.run_id
                               where e.grid_id = g.grid_id and p.month < $month) as new
        from grid_scores as g cross join int_month_days as d
        left join (select distinct grid_id, day from int_worker_grid_day) as c
               on c.grid_id = g.grid_id and c.day = d.day
        where g.run_id = $run and c.day is null and g.grid_id in (select grid_id from int_worker_grid_day)
        group by g.grid_id, g.grid_name order by g.grid_id""", {"run": run_id, "month": month}).fetchall()
    return tuple(f"{name} ({gid}) on {days} day{'s' if days != 1 else ''} ({first:%m-%d}"
                 f"{'' if first == last else f' to {last:%m-%d}'}{NEW_GRID if new else ''})"
                 for gid, name, days, first, last, new in rows)
