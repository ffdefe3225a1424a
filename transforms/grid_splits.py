"""Grids split off another since a month: a grid that now lists a compound the other listed then and did not list
it itself. A hundred-and-ninth trial's 三网格 became 三网格东 (its id kept, 翠柳苑 1-6栋) and 三网格西 (翠柳苑 7-10栋
and 银杏家园); residents kept answering 三网格 for a week, the stop offered 三网格东 only, and the alias it advised
paid six of 西's answers to 东's worker (1535.84 for 1909.76), two of them said nowhere."""
from __future__ import annotations

from collections.abc import Mapping

from gridpay.transforms.grid_names import bare_compound


def grids_split_off(grid_id: str, then: Mapping[str, frozenset[str]],
                    now: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """grid -> the compounds it lists now that `grid_id` listed then and it did not (`then`: compound -> the grids
    listing it in that month; `now`: grid -> the compounds it lists), for each grid other than `grid_id` with any."""
    return splits_since(then, now).get(grid_id, {})


def splits_since(then: Mapping[str, frozenset[str]], now: Mapping[str, tuple[str, ...]]
                 ) -> dict[str, dict[str, tuple[str, ...]]]:
    """grids_split_off() of every grid at once, through an index of today's listings: grid by grid over every other
    grid, a city's 2,000 grids would compare four million pairs a run."""
    index: dict[str, list[str]] = {}
    for grid, names in now.items():
        for name in names:
            index.setdefault(_key(name), []).append(grid)
    order = {grid: i for i, grid in enumerate(now)}
    found: dict[str, dict[str, list[str]]] = {}
    for compound, grids in then.items():
        for other in dict.fromkeys(index.get(_key(compound), ())):
            for gid in sorted(grids) if other not in grids else ():
                found.setdefault(gid, {}).setdefault(other, []).append(compound)
    return {gid: {o: tuple(taken[o]) for o in sorted(taken, key=order.__getitem__)} for gid, taken in found.items()}


def _key(name: str) -> str:
    """A compound's name as same_compound() compares it: spaces and a trailing 小区 or 社区 do not count."""
    return bare_compound("".join(name.split()))
