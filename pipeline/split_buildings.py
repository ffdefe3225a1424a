"""A grid new this month beside a grid that lost households to it, where grids.csv lists no compound that tells them
apart (pipeline/split_grids.py reads those): residents of the buildings handed over still choose the old grid's name
out of habit, and their answers count there. Trial 182's 金水六网格 gave buildings 21-25 to a new 金水七网格 on
2027-01-01; eight residents of them chose 六网格 in January and counted for it, 孙悦 paid 1521.75 for 1555.40 on her
own buildings' answers, nothing said. gridpay cannot place them (grids.csv records no buildings): it names, in the
month the new grid first appears, the old grid's answers from the buildings the new grid's own answers come from,
given since the new grid's first worker began: before, those buildings were the old grid's (trial 199's split on
11-16 named 13 answers to check by building, 8 of them given before it, which an appeal would have taken out)."""
from __future__ import annotations

import pandas as pd

from gridpay.core.month import Month
from gridpay.ingest.door_prefixes import answers_view
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.transforms.privacy import regex_masked_sql

SHOWN = 30          # answers named per line, as split_grids.py names them


def split_by_buildings(ctx: RunContext, names: dict[str, str], listed_before: set[str], before: dict[str, int],
                       households: dict[str, int], said: set[str]) -> list[str]:
    """The lines naming, for each grid new this month (absent from every month published before) and each grid that
    lost households since the month published last (or whose households are not given), the answers to the old
    grid from buildings the new grid's answers come from; `said`: grids split_grids.py named already."""
    new = [g for g in names if g not in listed_before]
    fell = [g for g in names if g in listed_before and g not in said
            and not (g in before and g in households and households[g] >= before[g])]
    if not listed_before or not new or not fell:
        return []
    began = _first_days(ctx, new)
    with stage_connection(ctx.workdir) as con:
        answers_view(con, ctx.workdir, ctx.month)
        # a building is the door's text up to its 栋 (doors are read as 24栋3单元401 by then), within its compound
        rows = con.execute(f"""
            with b as (select row_id, grid_id, coalesce(compound, '') as compound,
                              nullif(regexp_extract(coalesce(household_id, ''), '^(.+?栋)', 1), '') as building,
                              coalesce({regex_masked_sql('response_id')}, '?') || ' ' ||
                              coalesce({regex_masked_sql('household_id')}, '') as said
                       from answers),
                 -- any answer of the new grid makes its building one to check: a building whose residents all chose
                 -- the old name out of habit cannot be told at all (trial 182's 23栋, one answer each way)
                 own as (select distinct grid_id, compound, building from b
                         where grid_id in (select unnest(?)) and building is not null),
                 began as (select unnest(?::varchar[]) as grid_id, unnest(?::date[]) as first_day),
                 placed as (select o.*, n.grid_id as taker, g.first_day,
                                   coalesce(cast(s.submitted_at as date) >= g.first_day, true) as since
                            from b o join surveys s using (row_id)
                            join own n on o.compound = n.compound and o.building = n.building
                            left join began g on g.grid_id = n.grid_id
                            where o.grid_id in (select unnest(?)))
            select grid_id, taker, list(distinct building order by building) filter (where since),
                   list(said order by row_id) filter (where since), count(*) filter (where not since),
                   any_value(first_day)
            from placed group by grid_id, taker having count(*) filter (where since) > 0
            order by grid_id, taker""", [new, list(began), list(began.values()), fell]).fetchall()
    return [_line(old, taker, names, before, households, buildings, answers, earlier, first)
            for old, taker, buildings, answers, earlier, first in rows]


def _first_days(ctx: RunContext, grids: list[str]) -> dict[str, str]:
    """The day in the month each grid's first worker began, where it is after the month's first day."""
    rows = pd.read_parquet(ctx.workdir / "assignments.parquet", columns=["grid_id", "start_date"])
    first = str(Month.parse(ctx.month).first_day)
    starts = rows[rows["grid_id"].isin(grids)].dropna().groupby("grid_id")["start_date"].min()
    return {g: str(d)[:10] for g, d in starts.items() if first < str(d)[:10] <= str(Month.parse(ctx.month).last_day)}


def _line(old: str, taker: str, names: dict, before: dict, households: dict, buildings: list, answers: list,
          earlier: int, first) -> str:
    n, ids = len(answers), ", ".join(answers[:SHOWN]) + (f" and {len(answers) - SHOWN} more" if len(answers) > SHOWN
                                                         else "")
    fell = (f" and grids.csv gives {names.get(old) or old} {before[old]} -> {households[old]} households"
            if old in before and old in households else "")
    since = f" since {first}, when {taker}'s first worker began," if first else ""
    kept = (f"; {f'the {earlier}' if earlier != 1 else 'the one'} given before {first} "
            f"{'are' if earlier != 1 else 'is'} {old}'s own (the buildings were its then)" if earlier and first else "")
    return (f"{names.get(taker) or taker} ({taker}) is new this month{fell}: if buildings of {old} were handed to "
            f"{taker}, their residents may still choose {names.get(old) or old} out of habit: {n} answer"
            f"{'s' if n != 1 else ''} to {old}{since} come{'' if n != 1 else 's'} from buildings {taker}'s own answers "
            f"come from ({', '.join(buildings)}) and count{'' if n != 1 else 's'} for {old} ({ids}): check each by "
            f"its home's building; one of {taker}'s is counted there once its grid is typed in the sheet HR types, or, "
            f"in a platform's download, taken out by an appeal upheld in the 公示 window (非本网格){kept}")
