"""Workers whose share of a grid was paid at the neutral coefficient because its pooled window holds another
worker's days before hers (scoring.window_before_start_neutral, policy 2027.22): said, since her pay moves by it and
only a flag showed it (trial 192's re-check: W08 1280.00 to 1600.00, said only in the scorecard's flag column)."""
from __future__ import annotations


def before_start_shares(con) -> tuple[str, ...]:
    """'何敏 (W08): 翠竹苑四网格 (C04)' for each worker of the month just scored (fct_worker_scores) with such a share."""
    names = dict(con.execute("select grid_id, grid_name from stg_grids").fetchall())
    return tuple(f"{name} ({wid}): " + ", ".join(f"{names.get(g, g)} ({g})" for g in grids.split(","))
                 for wid, name, grids in con.execute(
                     "select worker_id, name, before_start_grids from fct_worker_scores where window_before_start "
                     "order by worker_id").fetchall())
