"""Households grids.csv gives that cannot be right: a grid's count far from the month before's, or from its community's
other grids'. They enter no pay, but the residents' notice prints a response rate computed from them."""
from __future__ import annotations

from gridpay.core.month import Month


def households_moved(con, run_id: str) -> tuple[str, ...]:
    """'G03 (3000 households, 300 in 2026-08)' for each grid whose households grids.csv gives at three times (or a third
    of) the month before's published run: a recount moves them a little, a typed 3000 for 300 tenfold (trial 158's
    notice told residents a 参评率 of 0.73%, nothing said); then each grid at five times (or a fifth of) the median of
    its community's grids this month, where it has three or more (trial 247's first month: 2860 typed for 286, its
    response rate 0.91% beside the other grids' 10%, nothing said)."""
    month = con.execute("select month from runs where run_id = ?", [run_id]).fetchone()
    if month is None:
        return ()
    before = str(Month.parse(month[0]).previous)
    moved = con.execute("""
        select g.grid_id, g.grid_name, g.households, b.households from grid_scores g
        join published p on p.month = ? join grid_scores b on b.run_id = p.run_id and b.grid_id = g.grid_id
        where g.run_id = ? and g.households > 0 and b.households > 0
          and (g.households >= 3 * b.households or b.households >= 3 * g.households) order by g.grid_id""",
                        [before, run_id]).fetchall()
    apart = con.execute("""
        with g as (select grid_id, grid_name, households, median(households) over (partition by community) as median,
                          count(*) over (partition by community) as grids
                   from grid_scores where run_id = ? and households > 0)
        select grid_id, grid_name, households, median from g
        where grids >= 3 and (households >= 5 * median or median >= 5 * households) order by grid_id""",
                        [run_id]).fetchall()
    said = {gid for gid, *_ in moved}
    return (tuple(f"{name} ({gid}: {now} households, {then} in {before})" for gid, name, now, then in moved)
            + tuple(f"{name} ({gid}: {now} households, its community's grids' median {median:g})"
                    for gid, name, now, median in apart if gid not in said))
