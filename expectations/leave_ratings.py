"""Counted answers to a grid from the phone of a worker assignments.csv gives that grid in other months but on no day of
this one (a leave, a month between two rows): the self-rating rule reads the month's assignments, so they count as a
resident's. Trial 252's worker on maternity leave rated her own grid all 5 from her own phone, +10.80 yuan to her
stand-in, and the answer went on into the next month's pooled score, nothing said. Said, not taken out: she may live in
the grid, and only HR knows whether it was her own rating."""
from __future__ import annotations


def leave_ratings(con) -> list[str]:
    """One line per worker and grid, from the month just scored (its int_* and stg_* tables)."""
    rows = con.execute("""
        select w.worker_id, w.name, s.grid_id, coalesce(g.grid_name, s.grid_id),
               list(s.response_id::varchar order by s.row_id)
        from int_surveys s
        join (select distinct worker_id, phone_hash from stg_worker_phones) p on p.phone_hash = s.respondent_phone_hash
        join stg_workers w on w.worker_id = p.worker_id
        left join stg_grids g on g.grid_id = s.grid_id
        where s.row_id in (select row_id from int_response_scores)
          and exists (select 1 from stg_assignments a where a.worker_id = w.worker_id and a.grid_id = s.grid_id)
          and not exists (select 1 from int_worker_grid_days d where d.worker_id = w.worker_id and d.grid_id = s.grid_id
                          and d.assigned_days > 0)
        group by all order by all""").fetchall()
    return [f"{len(ids)} answer{'s' if len(ids) != 1 else ''} to {grid} ({gid}) came from the phone of {name} ({wid}), "
            f"whom assignments.csv gives that grid in other months but on no day of this one (a leave?): counted as a "
            f"resident's. If it is her own rating of her grid, take it out as HR's own correction (appeals.csv: "
            f"worker_id blank, category 其他, decision 支持), and run again ({', '.join(ids)})"
            for wid, name, gid, grid, ids in rows]
