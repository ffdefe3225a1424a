"""A form's option naming two grids, given to one of them as its alias (王芳（三/五网格）: a worker of two grids asked by
name, docs/platforms.md): every answer choosing it counts for that grid, a home of the other grid's too, unless HR's
own 非本网格 correction moves it. Trial 305's option so written, the alias of 三网格, counted 五网格's seven answers of the
month's second half there (W03 2199.58 for 2130.73, W05 800.00 at neutral), exit 0, nothing said. Said, not
stopped: the option may be answered only by the grid's own homes, which only HR can tell by the doors."""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from gridpay.core.table_rows import has_column
from gridpay.ingest.grid_aliases import grid_aliases
from gridpay.ingest.review_files import moving
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.grid_names import grid_numbers

log = logging.getLogger("gridpay")
SHOWN = 40     # answers named by id and door on the line, every one HR checks (trial 305's re-check: the first 8 of 30
               # were the grid's own homes, the others in no file), the rest counted


def two_grid_aliases(grids: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """alias -> the other grids (ids) it names by their numbers, beside its own grid's: 王芳（三/五网格） of 桂花苑三网格
    names 梧桐里五网格 where no other grid carries 5. A number two grids carry names neither."""
    numbers = {gid: grid_numbers(str(name)) for gid, name in zip(grids["grid_id"], grids["grid_name"])}
    owners: dict[int, list[str]] = {}
    for gid, found in numbers.items():
        for n in set(found) if len(found) == 1 else ():
            owners.setdefault(n, []).append(gid)
    named = {}
    for alias, gid in grid_aliases(grids).items():
        found = set(grid_numbers(alias))
        if len(found) > 1 and set(numbers.get(gid, ())) <= found and numbers.get(gid):
            others = tuple(sorted(o[0] for n in found - set(numbers[gid]) if len(o := owners.get(n, [])) == 1))
            if others:
                named[alias] = others
    return named


def say_two_grid_aliases(workdir: Path, month: str) -> None:
    for line in two_grid_alias_lines(workdir, month):       # on the scorecard under a heading of its own
        log.warning("%s", line, extra={"notice": "two_grid_option"})


def two_grid_alias_lines(workdir: Path, month: str) -> list[str]:
    """One line per such alias this month's answers chose: how many count for its grid, how many HR's corrections move,
    and the ids and doors of those still counted (up to SHOWN), to check."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    named = two_grid_aliases(grids) if "aliases" in grids.columns else {}
    if not named:
        return []
    with stage_connection(workdir) as con:
        if not has_column(con, "surveys", "grid_alias"):
            return []
        rows = con.execute("select grid_alias, grid_id, response_id, household_id from surveys where grid_alias in "
                           "(select unnest(?::varchar[])) order by row_id", [list(named)]).fetchall()
    appeals = pd.read_parquet(workdir / "appeals.parquet") if (workdir / "appeals.parquet").exists() else None
    moved = set() if appeals is None else set(appeals.loc[moving(appeals, month), "response_id"].dropna())
    labels = dict(zip(grids["grid_id"], grids["grid_name"]))
    lines = []
    for alias, others in named.items():
        chosen = [(gid, rid, door) for a, gid, rid, door in rows if a == alias]
        if not chosen:
            continue
        kept = [(rid, door) for _, rid, door in chosen if rid not in moved]
        gid = chosen[0][0]
        shown = ", ".join(f"{rid} ({door})" for rid, door in kept[:SHOWN]) + (" ..." if len(kept) > SHOWN else "")
        other = " and ".join(f"{labels.get(o, o)} ({o})" for o in others)
        lines.append(f"{len(chosen)} answer{'s' if len(chosen) != 1 else ''} chose '{alias}', an alias of "
                     f"{labels.get(gid, gid)} ({gid}) that names {other} too: {len(kept)} count for {gid}, "
                     f"{len(chosen) - len(kept)} moved by HR's own 非本网格 corrections. One from a home of {other} "
                     f"pays {gid}'s worker: check those counting for {gid} by their doors ({shown or 'none'}); record "
                     f"each of {others[0]}'s homes as HR's own correction in appeals.csv (decision upheld, category "
                     f"非本网格, worker_id blank, resident_grid {others[0]}) and run again; where every one left is "
                     f"{gid}'s own home, nothing is wrong")
    return lines
