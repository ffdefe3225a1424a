"""Grids split off another since a month: a grid that now lists a compound the other listed then and did not list
it itself. A hundred-and-ninth trial's 三网格 became 三网格东 (its id kept, 翠柳苑 1-6栋) and 三网格西 (翠柳苑 7-10栋
and 银杏家园); residents kept answering 三网格 for a week, the stop offered 三网格东 only, and the alias it advised
paid six of 西's answers to 东's worker (1535.84 for 1909.76), two of them said nowhere."""
from __future__ import annotations

from collections.abc import Mapping

from gridpay.transforms.grid_names import same_compound


def grids_split_off(grid_id: str, then: Mapping[str, frozenset[str]],
                    now: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """grid -> the compounds it lists now that `grid_id` listed then and it did not (`then`: compound -> the grids
    listing it in that month; `now`: grid -> the compounds it lists), for each grid other than `grid_id` with any."""
    was = [compound for compound, grids in then.items() if grid_id in grids]
    found: dict[str, tuple[str, ...]] = {}
    for other, names in now.items():
        taken = tuple(compound for compound in was if other != grid_id and other not in then[compound]
                      and any(same_compound(name, compound) for name in names))
        if taken:
            found[other] = taken
    return found
