"""Workers of workers.csv whom assignments.csv gives no day: not paid, said on the console and the scorecard. Where
another worker of the same name holds grids, that is said too: trial 198's two 王芳, W03 and W07, filled into
assignments.csv by name (a VLOOKUP finds the first), gave W03 both grids and W07 none; the line named W07 unpaid,
not that the other 王芳 now held her grid."""
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
