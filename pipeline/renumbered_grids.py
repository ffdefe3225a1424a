"""grids.csv without grids the month published last had, and with grids no published month had: renumbered? A grid's
earlier months (a thin grid's pooled score, the scorecard's 较上月, a worker's trend) are found by its id. Trial 175's
street office merged two communities and gave every grid a new id: thin grids lost July to October and were paid at
the neutral coefficient (W09 1650.00 for the pooled floor's 1320.00), exit 0, nothing said. Said, naming the grids
and each new one that carries a gone one's name (or lists it, or its id, among its aliases): a merger's new grid is
a new place, a renumbered one is the same place under a new id, which a grid id never is (docs/contract.md)."""
from __future__ import annotations

import logging

import pandas as pd

from gridpay.core.wording import listed
from gridpay.ingest.grid_aliases import listed_names
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.store.grid_history import last_listed_grids

log = logging.getLogger("gridpay")


def renumbered_grids(listed_before: dict[str, tuple[str, frozenset[str], str]], grids: pd.DataFrame
                     ) -> tuple[str, list[str], list[str], list[str]]:
    """(the month published last, its grids grids.csv lacks, grids.csv's grids no published month had, 'DH09
    红旗四网格 (HQ04's name)' for each new grid naming a gone one); ('', [], [], []) where nothing is."""
    if not listed_before:
        return "", [], [], []
    last = max(month for _, _, month in listed_before.values())
    now = {str(g): str(n) for g, n in zip(grids["grid_id"], grids["grid_name"])}
    gone = sorted(g for g, (_, _, month) in listed_before.items() if month == last and g not in now)
    new = sorted(g for g in now if g not in listed_before)
    if not gone or not new:
        return "", [], [], []
    aliases = dict(zip(grids["grid_id"].astype(str), grids["aliases"])) if "aliases" in grids.columns else {}
    pairs = []
    for grid in new:
        others = set(listed_names(aliases.get(grid)))
        for old in gone:
            name = listed_before[old][0]
            how = ("name" if name == now[grid] else "name among its aliases" if name in others
                   else "id among its aliases" if old in others else "")
            if how:
                pairs.append(f"{grid} {now[grid]} ({old}'s {how})")
    return last, gone, new, pairs


def say_renumbered_grids(ctx: RunContext) -> None:
    if ctx.request.replay is not None:
        return
    grids = pd.read_parquet(ctx.workdir / "grids.parquet")
    last, gone, new, pairs = renumbered_grids(last_listed_grids(ctx.settings.db, ctx.month), grids)
    if not gone:
        return
    log.warning("grids.csv no longer has %d of the grids %s was published with (%s) and has %d grids no published "
                "month had (%s)%s: renumbered? A grid's earlier months are found by its id, so these are scored as new "
                "grids: a thin one is paid at the neutral coefficient without the months it would pool, and its 较上月 "
                "and trend start again. A grid id is one place for good: where a grid is the same place (its homes), "
                "give it its id of %s again (grids.csv and assignments.csv; its new name's old one in aliases) and run "
                "again (with --reference inbox where the month is published); a grid merged from two keeps one of "
                "their ids (the other's months are not pooled) or takes a new one", len(gone), last,
                listed(tuple(gone), 12), len(new), listed(tuple(new), 12),
                f"; of %s's grids: {listed(tuple(pairs), 12)}" % last if pairs else "", last, extra=headed("grid_ids"))
