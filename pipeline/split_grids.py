"""A grid split in two while residents keep answering by its old name (transforms/grid_splits.py): the stop for the
old name offers both halves and says how to count its answers, and once the name is an alias of the half that kept
the grid's id, its answers whose half cannot be told (a compound both halves list, or none named) are named, on the
console and the scorecard: a hundred-and-ninth trial's alias paid two of 三网格西's answers from 翠柳苑 7栋 and 9栋 to
三网格东's worker with no word, and `survey.grid_by_compound` moves only a compound one half lists."""
from __future__ import annotations

import logging

import pandas as pd

from gridpay.ingest.grid_aliases import grid_aliases, listed_compounds
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.store.grid_history import compound_listings
from gridpay.store.runs import former_grid_names
from gridpay.transforms.grid_names import same_compound
from gridpay.transforms.grid_splits import grids_split_off

log = logging.getLogger("gridpay")
SHOWN = 10          # answers named per line


def split_way_out(grid) -> str:
    """What HR does about an unknown grid name that is the former name of a grid split since (UnknownGrid)."""
    kept, others = grid.closest_ids[0], " and ".join(grid.split_off)
    return (f"'{grid.value}' was {kept}'s name and {others} now list{'s' if len(grid.split_off) == 1 else ''} "
            f"compounds {kept} listed then (a grid split off it), so an answer naming it may be either grid's: set "
            f"survey.grid_by_compound = true in the policy, so that one naming a compound only {others} "
            f"list{'s' if len(grid.split_off) == 1 else ''} counts there (those naming a compound both list, or none, "
            f"count for {kept} and are named on the console and the scorecard, to check each by its home's "
            f"building), and add it to the aliases of {kept} in grids.csv")


def say_split_names(ctx: RunContext) -> None:
    """Warn, per alias that is the former name of its grid split since, of the answers naming it counted for the
    grid whose half cannot be told: their compound listed by both halves, by no grid, or not named."""
    grids = pd.read_parquet(ctx.workdir / "grids.parquet")
    aliases, former = grid_aliases(grids), former_grid_names(ctx.settings.db, ctx.month)
    named = {alias: gid for alias, gid in aliases.items() if former.get(alias, (None,))[0] == gid}
    if not named:
        return
    earlier, now = compound_listings(ctx.settings.db, ctx.month), listed_compounds(grids)
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    for alias, gid in named.items():
        split = grids_split_off(gid, earlier.get(former[alias][1], {}), now)
        if split:
            unsure = _unsure_answers(ctx, alias, gid, now, split)
            if unsure:
                log.warning("%s", _line(alias, gid, names, former[alias][1], split, unsure), extra=headed("split_grid"))


def _unsure_answers(ctx: RunContext, alias: str, gid: str, now: dict, split: dict) -> list[tuple[str, str, bool]]:
    """(compound or '', response id, whether both halves list it) of the answers naming `alias` counted for `gid`
    whose half cannot be told."""
    with stage_connection(ctx.workdir) as con:
        if not con.execute("select count(*) from duckdb_columns() where table_name = 'surveys' "
                           "and column_name = 'grid_alias'").fetchone()[0]:
            return []
        rows = con.execute("select coalesce(compound, ''), coalesce(response_id::varchar, '?') from surveys "
                           "where grid_id = ? and grid_alias = ? order by row_id", [gid, alias]).fetchall()

    def lists(grid: str, compound: str) -> bool:
        return any(same_compound(name, compound) for name in now.get(grid, ()))
    return [(compound, rid, bool(compound) and lists(gid, compound)) for compound, rid in rows
            if not compound or not any(lists(g, compound) for g in now)
            or (lists(gid, compound) and any(lists(other, compound) for other in split))]


def _line(alias: str, gid: str, names: dict, month: str, split: dict, unsure: list[tuple[str, str, bool]]) -> str:
    halves = " and ".join(f"{names.get(other) or other} ({other})" for other in split)
    places = "; ".join(dict.fromkeys(f"{compound}, which {'both list' if both else 'no grid lists'}"
                                     if compound else "no compound named" for compound, _, both in unsure))
    ids = ", ".join(rid for _, rid, _ in unsure[:SHOWN]) + (f" and {len(unsure) - SHOWN} more" if len(unsure) > SHOWN
                                                          else "")
    n = len(unsure)
    return (f"{n} answer{'s' if n != 1 else ''} naming '{alias}', the name {names.get(gid) or gid} ({gid}) had in "
            f"{month} before {halves} split off it, {'are' if n != 1 else 'is'} from a home whose half cannot be told "
            f"({places}) and count{'' if n != 1 else 's'} "
            f"for {gid} as its alias says ({ids}): check each by its home's building; one of the other half's is "
            f"counted there once its grid is typed in the sheet HR types, or, in a platform's download, taken out by "
            f"an appeal upheld in the 公示 window (非本网格)")
