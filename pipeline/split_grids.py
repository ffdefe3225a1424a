"""A grid split in two while residents keep answering by its old name (transforms/grid_splits.py): the stop for the
old name offers both halves and says how to count its answers, and once the name is an alias of the half that kept
the grid's id, its answers whose half cannot be told (a compound both halves list, or none named) are named, on the
console and the scorecard: a hundred-and-ninth trial's alias paid two of 三网格西's answers from 翠柳苑 7栋 and 9栋 to
三网格东's worker with no word, and `survey.grid_by_compound` moves only a compound one half lists."""
from __future__ import annotations

import logging

import pandas as pd

from gridpay.ingest.grid_aliases import grid_aliases, has_alias_column, listed_compounds
from gridpay.ingest.door_prefixes import answers_view
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.split_buildings import split_by_buildings
from gridpay.store.grid_history import compound_listings, last_households, last_listed_grids
from gridpay.store.runs import former_grid_names
from gridpay.transforms.grid_names import same_compound
from gridpay.transforms.grid_splits import grids_split_off, splits_since
from gridpay.transforms.parsing import normalized_cell
from gridpay.transforms.privacy import regex_masked_sql

log = logging.getLogger("gridpay")
SHOWN = 30          # answers named per line (trial 113: '... and 6 more', never named)


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
    """Warn of the answers counted for a grid split since whose half cannot be told (their compound listed by both
    halves, by no grid, or not named): all its answers in the month after the split (a hundred-and-thirteenth
    trial's half that kept the old name took 7-12栋's answers unsaid, W01 1724.58 for 2040.48), and those naming
    an alias that was its name before (trial 109). And of an alias that was a grid's name no longer in grids.csv,
    given to a grid that lists none of its compounds (trial 113's merged 柳岸四网格, given to a neighbour)."""
    grids = pd.read_parquet(ctx.workdir / "grids.parquet")
    aliases, former = grid_aliases(grids), former_grid_names(ctx.settings.db, ctx.month)
    earlier, now = compound_listings(ctx.settings.db, ctx.month), listed_compounds(grids)
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    last = max(earlier, default=None)
    # a half that kept the grid's name: its answers by that name are either half's while the form offered no other
    kept = {gid for gid, name in names.items() if former.get(normalized_cell(name)) == (gid, last)}
    splits = splits_since(earlier[last], now) if last else {}
    # households then (the month published last) and now, read once for the splits and the handovers
    before = last_households(ctx.settings.db, ctx.month)
    households = {g: int(h) for g, h in zip(grids["grid_id"], grids["households"]) if str(h).strip().isdigit()}
    whole = {gid: splits[gid] for gid in kept if splits.get(gid) and not _kept_its_homes(before, households, gid)}
    for gid, split in whole.items():
        if unsure := _unsure_answers(ctx, None, gid, now, split):
            log.warning("%s", _line(None, gid, names, last, split, unsure), extra=headed("split_grid"))
    handed = handed_over(before, households, earlier.get(last, {}), now, set(whole))
    for gid, taker, moved in handed:
        if unsure := _unsure_answers(ctx, None, gid, now, {taker: ()}):
            log.warning("%s", _handed_line(gid, taker, names, moved, unsure), extra=headed("split_grid"))
    said = set(whole) | set(splits) | {gid for gid, _, _ in handed}     # no compound tells these apart: buildings
    for line in split_by_buildings(ctx, names, set(last_listed_grids(ctx.settings.db, ctx.month)), before,
                                   households, said):
        log.warning("%s", line, extra=headed("split_grid"))
    for alias, gid in aliases.items():
        was, month = former.get(alias, (None, None))
        if was == gid and gid not in whole and (split := grids_split_off(gid, earlier.get(month, {}), now)):
            if unsure := _unsure_answers(ctx, alias, gid, now, split):
                log.warning("%s", _line(alias, gid, names, month, split, unsure), extra=headed("split_grid"))
        elif was is not None and was not in names and (line := merged_alias_line(ctx, alias, gid, was, month,
                                                                                 earlier.get(month, {}), now, names)):
            log.warning("%s", line, extra=headed("split_grid"))


def _kept_its_homes(before: dict[str, int], households: dict[str, int], gid: str) -> bool:
    """Does grids.csv give `gid` as many households as the month published last, or more? A grid a new one split
    off lost homes to it; its neighbours listing the same compound did not (trial 136's 兴业三网格 split off
    兴业一网格 alone, and the lines named 兴业二网格 and 翠湖二网格 too: 55 answers to check for 30)."""
    return gid in before and gid in households and households[gid] >= before[gid]


def merged_alias_line(ctx: RunContext, alias: str, gid: str, was: str, month: str, then: dict, now: dict,
                      names: dict) -> str | None:
    """An alias of `gid` that was the name of `was` (gone from grids.csv) in `month`, whose compounds then `gid` does
    not list and another grid does: the line naming the grid that took them, with the alias's answers."""
    compounds = [c for c, listing in then.items() if was in listing]
    if not compounds or any(_lists(now, gid, c) for c in compounds):
        return None
    takers = [other for other in now if any(_lists(now, other, c) for c in compounds)]
    if not takers:
        return None
    with stage_connection(ctx.workdir) as con:
        answered = con.execute("select count(*) from surveys where grid_alias = ?", [alias]).fetchone()[0] if \
            has_alias_column(con) else 0
    took = " or ".join(f"{names.get(t) or t} ({t})" for t in takers)
    return (f"{answered} answer{'s' if answered != 1 else ''} name '{alias}', an alias of {names.get(gid) or gid} "
            f"({gid}), which was the name of {was} in {month}: {was} listed {', '.join(compounds)}, which grids.csv "
            f"now lists under {took}, not under {gid}, so they count for {gid}'s workers: if {was} was merged into "
            f"{took}, make '{alias}' its alias instead, and run again")


def _lists(now: dict, grid: str, compound: str) -> bool:
    return any(same_compound(name, compound) for name in now.get(grid, ()))


def _unsure_answers(ctx: RunContext, alias: str | None, gid: str, now: dict, split: dict
                    ) -> list[tuple[str, str, bool]]:
    """(compound or '', 'response id door', whether both halves list it) of the answers counted for `gid` (naming
    `alias`, where given) whose half cannot be told; an answer an upheld appeal of the month takes out left out."""
    with stage_connection(ctx.workdir) as con:
        if alias is not None and not has_alias_column(con):
            return []
        answers_view(con, ctx.workdir, ctx.month)
        rows = con.execute(f"select coalesce(compound, ''), coalesce({regex_masked_sql('response_id')}, '?') || ' ' || "
                           f"coalesce({regex_masked_sql('household_id')}, '') from answers where grid_id = ? "
                           f"{'and grid_alias = ?' if alias is not None else ''} order by row_id",
                           [gid] + ([alias] if alias is not None else [])).fetchall()
    return [(compound, rid.strip(), bool(compound) and _lists(now, gid, compound)) for compound, rid in rows
            if not compound or not any(_lists(now, g, compound) for g in now)
            or (_lists(now, gid, compound) and any(_lists(now, other, compound) for other in split))]


def _line(alias: str | None, gid: str, names: dict, month: str, split: dict, unsure: list[tuple[str, str, bool]]
          ) -> str:
    halves = " and ".join(f"{names.get(other) or other} ({other})" for other in split)
    places = "; ".join(dict.fromkeys(f"{compound}, which {'both list' if both else 'no grid lists'}"
                                     if compound else "no compound named" for compound, _, both in unsure))
    ids = ", ".join(rid for _, rid, _ in unsure[:SHOWN]) + (f" and {len(unsure) - SHOWN} more" if len(unsure) > SHOWN
                                                          else "")
    n = len(unsure)
    what = (f"naming '{alias}', the name {names.get(gid) or gid} ({gid}) had in {month} before {halves} split off it,"
            if alias is not None else
            f"to {names.get(gid) or gid} ({gid}), from which {halves} split off after {month} (listing compounds it "
            f"listed then),")
    return (f"{n} answer{'s' if n != 1 else ''} {what} {'are' if n != 1 else 'is'} from a home whose half cannot be "
            f"told ({places}) and count{'' if n != 1 else 's'} for {gid} as answered ({ids}): check each by its home's "
            f"building; one of the other half's is counted there once its grid is typed in the sheet HR types, or, "
            f"in a platform's download, taken out by an appeal upheld in the 公示 window (非本网格)"
            + ("" if alias is not None else f"; answers given after the form offered {' and '.join(split)} chose "
               f"{gid} themselves"))


def handed_over(before: dict[str, int], households: dict[str, int], then: dict, now: dict, said: set
                ) -> list[tuple[str, str, tuple]]:
    """(grid, grid, (its households then, now; the other's then, now)) of two grids listing one compound then and now
    where grids.csv moved households from the first to the second since the month published last: buildings handed
    over, which grids.csv cannot name (a hundred-and-fifteenth trial's 8-10栋, A2 300 -> 180, A3 150 -> 270: five
    answers still choosing A2 counted there unsaid). `before`, `households`: each grid's then and now."""
    fell = {g: before[g] - h for g, h in households.items() if g in before and h < before[g] and g not in said}
    rose = {g: h - before[g] for g, h in households.items() if g in before and h > before[g]}
    pairs = dict.fromkeys((g, t) for c, listing in then.items() if len(listing) > 1      # compound by compound
                          for g in sorted(listing & fell.keys()) for t in sorted(listing & rose.keys())
                          if _lists(now, g, c) and _lists(now, t, c))
    return [(g, t, (before[g], households[g], before[t], households[t])) for g, t in pairs]


def _handed_line(gid: str, taker: str, names: dict, moved: tuple, unsure: list[tuple[str, str, bool]]) -> str:
    ids = ", ".join(rid for _, rid, _ in unsure[:SHOWN]) + (f" and {len(unsure) - SHOWN} more" if len(unsure) > SHOWN
                                                          else "")
    places = ", ".join(dict.fromkeys(compound or "no compound named" for compound, _, _ in unsure))
    one, other = names.get(gid) or gid, names.get(taker) or taker
    return (f"grids.csv gives {one} ({gid}) {moved[0]} -> {moved[1]} households and {other} ({taker}) {moved[2]} -> "
            f"{moved[3]} since the month published last, both listing {places}: if "
            f"buildings were handed over, their residents may still choose {gid}; {len(unsure)} answer"
            f"{'s' if len(unsure) != 1 else ''} to {gid} from it count there ({ids}): check each by its home's "
            f"building, and take one of {taker}'s out by an appeal upheld (非本网格), or type its grid in the sheet "
            f"HR types")
