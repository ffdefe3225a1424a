"""The earlier months' answers a thin grid's pooled window leaves out as self-ratings (int_window_self_ratings:
given from the phone of a worker who covers the grid in the month run, scoring.window_self_ratings). Trial 209's new
hire had answered for her grid as a resident in the two months before she was hired; left out, they moved the leaver's
pay 6.78 yuan and the scorecard's 合计25份 could not be reconciled from any document."""
from __future__ import annotations

from gridpay.transforms.privacy import regex_masked_sql


def window_self_ratings(con) -> list[str]:
    """A line per worker and grid: her phone's answers of the window's earlier months, left out."""
    rows = con.execute(f"""
        select x.worker_id, w.name, x.grid_id, coalesce(g.grid_name, x.grid_id), count(*), count(distinct x.household_id),
               list(x.month || ' ' || coalesce({regex_masked_sql('x.response_id')}, '?') order by x.month, x.row_id)
        from int_window_self_ratings x join stg_workers w using (worker_id) left join stg_grids g using (grid_id)
        group by all order by all""").fetchall()
    return [f"{n} answer{'s' if n != 1 else ''} ({homes} home{'s' if homes != 1 else ''}) of earlier months in the "
            f"pooled window of {grid} ({gid}) came from the "
            f"phone of {name} ({wid}), who covers it this month ({', '.join(ids[:5])}{' ...' if n > 5 else ''}): left "
            f"out of its pooled score as self-ratings (scoring.window_self_ratings), as her answers of this month would "
            f"be, though given before she covered it"
            for wid, name, gid, grid, n, homes, ids in rows]
