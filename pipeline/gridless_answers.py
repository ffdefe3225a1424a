"""Answers naming no grid, fewer than gate.blank_grid_rows in a file (the stop takes more): they count nowhere, and the
run's one sign was its count of invalid rows. Trial 278's two complaint forms, typed below a grid cell merged over the
rows above, named 紫荆苑, a compound grids.csv lists for one grid only: lost without a word (W04 1434.08, counted
1319.52). Each file's such rows are said with the grid their compound is listed for, where one is."""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from gridpay.ingest.formats import TOTAL_WORDS
from gridpay.ingest.grid_aliases import listed_compounds
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.transforms.grid_names import grids_of_compound

log = logging.getLogger("gridpay")


def say_few_gridless_answers(ctx: RunContext) -> None:
    if ctx.request.replay is None:           # an audit replays; it advises nothing
        for line in few_gridless_lines(ctx.workdir, ctx.policy.outcome.blank_grid_rows):
            log.warning("%s", line, extra=headed("invalid_rows"))


def say_few_unknown_grid_answers(ctx: RunContext) -> None:
    """Answers naming a grid grids.csv lacks, too few to stop the month and reading like no grid: invalid, and the
    run's one sign was its count of invalid rows (trial 294's free-text grid question: 3栋, 17栋, 1 1网格 on five answers
    of 11网格's and others' residents, set aside unnamed, W11 1532.16 for 1539.54 with them)."""
    from gridpay.expectations.unknown_grids import unknown_grids
    if getattr(ctx.request, "replay", None) is not None:      # an audit replays; it advises nothing
        return
    stop, similar = ctx.policy.outcome.unknown_grid_rows, ctx.policy.outcome.similar_grid_rows
    few = [g for g in unknown_grids(ctx.workdir, 1) if not ((stop is not None and g.rows >= stop)
                                                           or (similar is not None and g.rows >= similar and g.closest))]
    # a volunteer's subtotal row typed in the grid column (三网格小计, its cells averages): no answer, and no alias
    # (trial 300 was told to add it to the grid's aliases, which would count it as one)
    totals = [g for g in few if g.value.replace(" ", "").endswith(TOTAL_WORDS)]
    if totals:
        rows = sum(g.rows for g in totals)
        log.warning("%d row%s name%s a grid as a totals row does (%s): invalid, counted in no grid; never add such a "
                    "name to a grid's aliases: delete the row, or begin it with the word (小计, 合计), and a sheet's totals "
                    "row is set aside", rows, "s" * (rows != 1), "" if rows != 1 else "s",
                    "; ".join(str(g) for g in totals), extra=headed("invalid_rows"))
        few = [g for g in few if g not in totals]
    if few:
        rows = sum(g.rows for g in few)
        log.warning("%d answer%s name%s a grid grids.csv does not have (%s): invalid, counted in no grid "
                    "(quarantine.csv gives their files and rows, the download their doors); where one is a grid's name "
                    "as residents write it, or a building grids.csv lists for one grid (3栋), add it to that grid's "
                    "aliases in grids.csv and run again", rows, "s" * (rows != 1), "" if rows != 1 else "s",
                    "; ".join(str(g) for g in few[:8]) + (" ..." if len(few) > 8 else ""), extra=headed("invalid_rows"))


def few_gridless_lines(workdir: Path, stop_at: int | None) -> list[str]:
    """A line per survey file with answers naming no grid, fewer than `stop_at` (the stop says more)."""
    from gridpay.expectations.invalid_grids import gridless_rows
    lines = []
    for found in gridless_rows(workdir, 1):
        if stop_at is None or found.rows < stop_at:
            places = _their_grids(workdir, found.source_file)
            lines.append(f"{found}: {'they count' if found.rows > 1 else 'it counts'} in no grid"
                         f"{'; their compound' + 's' * (len(places) > 1) + ' ' + ', '.join(places) if places else ''}; "
                         f"where the sheet is typed, type each one's grid and run again (a platform download's: the "
                         f"resident left the question blank)")
    return lines


def _their_grids(workdir: Path, file: str) -> list[str]:
    """'紫荆苑 is 紫荆网格 (G04)'s in grids.csv' for each compound the file's gridless answers name that grids.csv lists
    for one grid."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    names, listed = dict(zip(grids["grid_id"], grids["grid_name"])), listed_compounds(grids)
    with stage_connection(workdir) as con:
        named = [c for (c,) in con.execute(
            "select distinct compound from surveys where source_file = ? and compound is not null and "
            "coalesce(trim(grid_id), '') = '' order by compound", [file]).fetchall()]
    of = {c: grids_of_compound(c, names, listed)[1] for c in named}
    return [f"{c} is {names.get(of[c][0]) or of[c][0]} ({of[c][0]})'s in grids.csv" for c in named if len(of[c]) == 1]
