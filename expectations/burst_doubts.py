"""Counted answers flagged burst (many of a grid's answers within minutes) that move their grid's raw score by
BURST_POINTS or more, said with the score with and without them: trial 253's worker asked her WeChat group to answer, 20
answers in an hour made her grid's 61.50 an 82.33 (+313.28 yuan), and only the scorecard's review table counted them.
Said, never a stop: a volunteer's round of a building is a burst too, and the call list asks the homes."""
from __future__ import annotations

BURST_POINTS = 5


def burst_doubts(con) -> list[str]:
    """One line per grid, in grid order, from the month just scored (its int_* and stg_* tables)."""
    rows = con.execute("""
        with burst as (
            select s.row_id, s.response_id::varchar as response_id
            from int_response_flags f join int_surveys s on s.row_id = f.row_id
            where f.flag = 'burst'
              and s.response_id not in (select response_id from stg_verification where result = 'confirmed'))
        select r.grid_id, coalesce(g.grid_name, r.grid_id), count(b.row_id), avg(r.response_score),
               avg(r.response_score) filter (where b.row_id is null),
               list(b.response_id order by b.row_id) filter (where b.row_id is not null)
        from int_response_scores r left join burst b on b.row_id = r.row_id
        left join stg_grids g on g.grid_id = r.grid_id
        where r.grid_id in (select s.grid_id from burst join int_surveys s using (row_id))
        group by all order by r.grid_id""").fetchall()
    return [f"{n} answers to {grid} ({gid}) came in a burst (many within minutes: burst, counted); the grid's raw score "
            f"{whole:.2f}, {f'{rest:.2f} without them' if rest is not None else 'none without them'}: if one hand or one "
            f"group gathered them, verify.csv lists them for a call, and a household that did not answer (未参与) is "
            f"taken out on the next run ({', '.join(ids[:10])}{' ...' if len(ids) > 10 else ''})"
            for gid, grid, n, whole, rest, ids in rows
            if n and (rest is None or abs(float(whole) - float(rest)) >= BURST_POINTS)]
