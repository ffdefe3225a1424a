"""Answers naming a grid with a door in a building grids.csv lists for another grid, or for no grid
(ingest/grid_buildings.py): on as many rows of one grid as the policy's gate.other_grid_building_rows (and
gate.unlisted_building_rows) they stop the month; fewer are said. Never in an audit, which replays what the month
was published on."""
from __future__ import annotations

import logging

import pandas as pd

from gridpay.ingest.grid_buildings import other_grid_buildings as found
from gridpay.ingest.grid_buildings import twin_compounds, wrong_grid_in_own_buildings
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.stop_messages import stop_line

log = logging.getLogger("gridpay")
SHOWN = 10
WAY_OUT = ("where the resident lives in that grid (a grid chosen wrongly, a paper form typed under a name alike), record "
           "HR's own correction in appeals.csv: decision upheld, category 非本网格, worker_id blank, resident_grid the "
           "grid of the door, and the answer counts there (resident_grid blank where the resident lives outside the "
           "community: it counts for no grid); where the door was typed wrong, correct it in the sheet HR types; where "
           "the building is this grid's too, add it to this grid's buildings in grids.csv")
# trial 241: a neighbouring community numbering its grids alike answered a link shared into its WeChat group
UNLISTED_WAY_OUT = ("where the building is the grid's, add it to its buildings in grids.csv; where the door was typed "
                    "wrong, correct it in the sheet HR types; where the resident lives outside the community (a link "
                    "shared beyond it), record HR's own correction in appeals.csv: decision upheld, category 非本网格, "
                    "worker_id blank, resident_grid blank, and the answer counts for no grid")


TWIN = "lists that building's number under its own"
# trial 298: the grid right and the compound chosen wrongly; resident_grid, as WAY_OUT says, would move the answer
TWIN_WAY_OUT = (f"where the grid named {TWIN} compound and the resident lives there (the compound chosen wrongly, an "
                f"option beside it; a call tells), the answer is its own grid's: record no row for it in appeals.csv "
                f"(one with resident_grid blank takes it out of every grid, one naming a grid moves it)")
TWIN_STOP = ("; once the others are settled, publish the month with gate.other_grid_building_rows above their number in "
             "this month's policy, under a new version")


def _named(ctx: RunContext, rows: list, twins: dict[str, str] | None = None) -> list[str]:
    names = dict(pd.read_parquet(ctx.workdir / "grids.parquet", columns=["grid_id", "grid_name"]).itertuples(index=False))
    twins = twins or {}
    return [f"answer {answer} ({where}) names {names.get(grid) or grid} ({grid}) with {household}, a building grids.csv "
            + (f"lists for {' and '.join(f'{names.get(g) or g} ({g})' for g in owners)}" if owners else
               "lists for no grid") + (f" ({names.get(grid) or grid} {TWIN} {twins[answer]})" if answer in twins else "")
            for grid, answer, household, where, owners in rows]


def _stopping(rows: list, least: int | None) -> bool:
    """Whether `least` or more of `rows` name one grid (counted grid by grid: trial 239's three residents of three grids
    each choosing the one next door stopped the month)."""
    by_grid = {grid: sum(r[0] == grid for r in rows) for grid in {r[0] for r in rows}}
    return bool(rows) and least is not None and max(by_grid.values()) >= least


def _said(ctx: RunContext, rows: list, what: str, advice: str) -> None:
    shown = _named(ctx, rows, twin_compounds(ctx.workdir, rows) if advice is WAY_OUT else None)
    advice += f"; {TWIN_WAY_OUT}" if any(TWIN in x for x in shown) else ""     # trial 298's re-check
    one = len(rows) == 1        # trial 287: "1 answer name a grid"
    log.warning("%d answer%s %s, and count%s for the grid %s name%s: %s%s. %s", len(rows), "" if one else "s",
                what.replace("name ", "names ", 1).replace("give ", "gives ", 1) if one else what, "s" if one else "",
                "it" if one else "they", "s" if one else "", "; ".join(shown[:SHOWN]),
                f" ... ({len(shown) - SHOWN} more)" if len(shown) > SHOWN else "",
                advice[0].upper() + advice[1:], extra=headed("door_building"))


def say_wrong_grid_in_own_buildings(ctx: RunContext) -> None:
    """An upheld 非本网格 appeal or correction on an answer whose door is in a building grids.csv lists for the grid the
    answer names: said (a resident may live in a building listed wrongly), asking whether its answer id is mistyped."""
    if ctx.request.replay is not None:
        return
    for appeal, answer, grid, household in wrong_grid_in_own_buildings(ctx.workdir, ctx.month):
        log.warning("appeal %s (非本网格, upheld) takes out answer %s, whose door %s is in a building grids.csv lists for "
                    "%s, the grid the answer names: is its answer id mistyped (a resident of the grid's own building "
                    "taken out)? If so, correct response_id in appeals.csv, and run again", appeal, answer, household,
                    grid, extra=headed("appeals"))


def building_stops(ctx: RunContext) -> tuple[list[str], list[str]]:
    """The answers that stop the month (each one line): those naming a grid with a door of another grid's building,
    and those with a door in a building no grid lists; each kind fewer than its policy's rows said."""
    if ctx.request.replay is not None:
        return [], []
    rows = found(ctx.workdir, ctx.month)
    other, nowhere = [r for r in rows if r[4]], [r for r in rows if not r[4]]
    stops = []
    for kind, least, what, advice in (
            (other, ctx.policy.outcome.other_grid_building_rows, "name a grid with a door in a building grids.csv "
             "lists for another grid", WAY_OUT),
            (nowhere, ctx.policy.outcome.unlisted_building_rows, "give a door in a building grids.csv lists for no "
             "grid", UNLISTED_WAY_OUT)):
        if _stopping(kind, least):
            stops.append(_named(ctx, kind, twin_compounds(ctx.workdir, kind) if kind is other else None))
            continue
        if kind:
            _said(ctx, kind, what, advice)
        stops.append([])
    return stops[0], stops[1]


def other_grid_buildings_message(ctx: RunContext, found: list[str]) -> str:
    return stop_line(ctx, f"{len(found)} answers name a grid with a door in a building grids.csv lists for another "
                          f"grid ({ctx.policy.outcome.other_grid_building_rows} or more to one grid), and would pay that "
                          f"grid's worker for another's residents", found,
                     f"Check each: {WAY_OUT}{'; ' + TWIN_WAY_OUT + TWIN_STOP if any(TWIN in x for x in found) else ''}; "
                     f"then run again (policy gate.other_grid_building_rows)", most=SHOWN)


def unlisted_buildings_message(ctx: RunContext, found: list[str]) -> str:
    return stop_line(ctx, f"{len(found)} answers name a grid with a door in a building grids.csv lists for no grid "
                          f"({ctx.policy.outcome.unlisted_building_rows} or more to one grid), and would pay that grid's "
                          f"worker for homes that may not be its residents'", found,
                     f"Check each: {UNLISTED_WAY_OUT}; then run again (policy gate.unlisted_building_rows)")
