"""Answers from the phone workers.csv gives a worker, said grid by grid: kept out as her own rating in a grid of
hers (self_rating), or counted in another grid answered for two homes or more (expectations/answer_doubts.py)."""
from __future__ import annotations


def shown_ids(ids: list[str]) -> str:
    """The first five ids, '...' for more."""
    return ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else "")


def self_ratings(con) -> list[str]:
    """Whose phone the month's self_rating answers came from, grid by grid: said before a stop they cause."""
    return worker_phone_lines(con, own=True)


def _round(homes: int) -> str:
    # trial 145: "given in front of her" told of answers a worker made up herself, as if they were residents' to retype;
    # trial 301: "on a worker's phone" read as the phone that sent it, though only the number typed is known
    return (f", though for {homes} homes: an answer giving a worker's phone number counts as hers, whether she typed it "
            f"or a resident did in front of her (one sent from her phone giving another number, or none, counts as a "
            f"resident's); whether those residents answered at all, a verification call tells; a "
            f"resident's own answer, on their own phone or a paper form they fill in, would count") if homes > 1 else ""


def worker_phone_lines(con, own: bool) -> list[str]:
    """Answers from the phone workers.csv gives a worker: to a grid of theirs (`own`: self_rating, kept out:
    said by whom), or for two homes or more of a grid they do not work, counted as residents' answers. A phone
    workers.csv gives two workers (a 网格站's duty mobile, trial 273) is named for the one assigned to the grid, and
    in another grid for both together: each was named alone, as assigned to the other's grid."""
    # in another grid, for two homes or more: a worker lives in one (a seventy-seventh trial's own home's answer
    # was said every month, with no way to record where she lives)
    assigned = "exists (select 1 from int_worker_grid_days d where d.worker_id = w.worker_id and d.grid_id = s.grid_id)"
    anyone = ("exists (select 1 from stg_worker_phones q join int_worker_grid_days d on d.worker_id = q.worker_id "
              "where q.phone_hash = s.respondent_phone_hash and d.grid_id = s.grid_id)")
    which = (f"e.code = 'self_rating' and {assigned}" if own else
             f"s.row_id in (select row_id from int_response_scores) and not {anyone}")
    rows = con.execute(f"""
        with hers as (select s.row_id, s.grid_id, s.household_id, s.response_id,
                             string_agg(distinct w.worker_id, '/' order by w.worker_id) as who,
                             string_agg(distinct w.name || ' (' || w.worker_id || ')', ' and '
                                        order by w.name || ' (' || w.worker_id || ')') as names
                      from int_surveys s
                      -- every phone the run knows as hers (stg_worker_phones: a second phone of her cell, an earlier
                      -- run's), as the self-rating rule reads them: trial 186's line named one of the two it kept out
                      join (select distinct worker_id, phone_hash from stg_worker_phones) p
                        on p.phone_hash = s.respondent_phone_hash
                      join stg_workers w on w.worker_id = p.worker_id
                      left join int_exclusions e on e.row_id = s.row_id
                      where {which}
                      group by s.row_id, s.grid_id, s.household_id, s.response_id)
        select h.who, h.names, h.grid_id, coalesce(any_value(g.grid_name), h.grid_id), count(*),
               count(distinct h.household_id), list(h.response_id::varchar order by h.row_id)
        from hers h left join stg_grids g on g.grid_id = h.grid_id
        group by h.who, h.names, h.grid_id
        having {'true' if own else 'count(distinct h.household_id) > 1'} order by 3, 1""").fetchall()
    return [(f"{n} answer{'s' if n != 1 else ''} to {grid} ({gid}) came from the phone of {name}, who "
             # for several homes: her round door to door on her phone (a hundred-and-twelfth trial read "her own")
             + (f"is assigned to it in the month: kept out as self_rating{_round(homes)} ({shown_ids(ids)})"
                if own else
                f"does not work it, for {homes} homes: counted as residents' answers. {wid} lives in one home at "
                f"most: the others are a worker's judgement of a colleague's grid; check them before signing "
                f"({shown_ids(ids)})" if "/" not in wid else
                f"both have it in workers.csv (a shared or duty phone?), neither working it, for {homes} homes: "
                f"counted as residents' answers; check them before signing ({shown_ids(ids)})"))
            for wid, name, gid, grid, n, homes, ids in rows]
