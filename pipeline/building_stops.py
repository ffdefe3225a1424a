"""Answers naming a grid with a door in a building grids.csv lists for another grid (ingest/grid_buildings.py): on as
many rows of one grid as the policy's gate.other_grid_building_rows they stop the month (fewer are said, as are doors in a
building no grid lists). Never in an audit, which replays what the month was published on."""
from __future__ import annotations

import logging

import pandas as pd

from gridpay.ingest.grid_buildings import other_grid_buildings as found
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.stop_messages import stop_line

log = logging.getLogger("gridpay")
SHOWN = 10
WAY_OUT = ("where the resident lives in that grid (a grid chosen wrongly, a paper form typed under a name alike), record "
           "HR's own correction in appeals.csv: decision upheld, category 非本网格, worker_id blank, resident_grid the "
           "grid of the door, and the answer counts there; where the door was typed wrong, correct it in the sheet HR "
           "types; where the building is this grid's too, add it to this grid's buildings in grids.csv")


def _named(ctx: RunContext, rows: list) -> list[str]:
    names = dict(pd.read_parquet(ctx.workdir / "grids.parquet", columns=["grid_id", "grid_name"]).itertuples(index=False))
    return [f"answer {answer} ({where}) names {names.get(grid) or grid} ({grid}) with {household}, a building grids.csv "
            + (f"lists for {' and '.join(f'{names.get(g) or g} ({g})' for g in owners)}" if owners else
               "lists for no grid") for grid, answer, household, where, owners in rows]


def other_grid_buildings(ctx: RunContext) -> list[str]:
    """The answers that stop the month (each one line); those fewer than the policy's rows, and doors in a building
    no grid lists, said."""
    if ctx.request.replay is not None:
        return []
    rows = found(ctx.workdir, ctx.month)
    other, nowhere = [r for r in rows if r[4]], [r for r in rows if not r[4]]
    if nowhere:
        shown = _named(ctx, nowhere)
        log.warning("%d answer%s give a door in a building grids.csv lists for no grid, and count for the grid they "
                    "name: %s%s. Check each door (a building typed wrong) and grids.csv's buildings (a list left short)",
                    len(nowhere), "s" if len(nowhere) != 1 else "", "; ".join(shown[:SHOWN]),
                    " ..." if len(shown) > SHOWN else "", extra=headed("invalid_rows"))
    least = ctx.policy.outcome.other_grid_building_rows
    # counted grid by grid (trial 239: three residents of three grids each choosing the one next door stopped the month)
    by_grid = {grid: sum(r[0] == grid for r in other) for grid in {r[0] for r in other}}
    if other and (least is None or max(by_grid.values()) < least):
        shown = _named(ctx, other)
        log.warning("%d answer%s name a grid with a door in a building grids.csv lists for another grid, and count for "
                    "the grid they name: %s%s. %s", len(other), "s" if len(other) != 1 else "",
                    "; ".join(shown[:SHOWN]), " ..." if len(shown) > SHOWN else "", WAY_OUT[0].upper() + WAY_OUT[1:],
                    extra=headed("invalid_rows"))
        return []
    return _named(ctx, other)


def other_grid_buildings_message(ctx: RunContext, found: list[str]) -> str:
    return stop_line(ctx, f"{len(found)} answers name a grid with a door in a building grids.csv lists for another "
                          f"grid ({ctx.policy.outcome.other_grid_building_rows} or more to one grid), and would pay that "
                          f"grid's worker for another's residents", found,
                     f"Check each: {WAY_OUT}; then run again (policy gate.other_grid_building_rows)", most=SHOWN)
