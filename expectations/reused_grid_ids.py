"""A grid id given to another place: today's grids.csv gives an id another name (not among its other
names) and none of the compounds it had when last published. A fifty-sixth trial merged G09 (东关街二网格)
into G08 in October and gave G09 to a new grid of 金桂花园 in November: the thin new grid was scored
on the old street's September answers pooled with its own, every worker's pay moved, exit 0. A name
alone changing (the compounds the same) or the compounds alone (a boundary redrawn) is one place, and
so is a grid whose old name grids.csv lists among its other names."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gridpay.ingest.grid_aliases import listed_names
from gridpay.transforms.parsing import normalized_cell


@dataclass(frozen=True)
class ReusedGrid:
    grid_id: str
    before: str                      # the name when last published, with its compounds
    now: str
    month: str

    def __str__(self) -> str:
        return f"{self.grid_id} was {self.before} when last published ({self.month}) and is now {self.now}"


def _named(name: str, compounds: frozenset[str]) -> str:
    return f"{name} ({', '.join(sorted(compounds))})" if compounds else f"{name} (no compound listed)"


def reused_grid_ids(workdir: Path, last_listed: dict[str, tuple[str, frozenset[str], str]]) -> list[ReusedGrid]:
    """Grids of today's grids.csv whose name (and other names) and compounds share nothing with the id's
    last published month's. `last_listed`: grid_id -> (name, compounds, month)."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    compounds = pd.read_parquet(workdir / "grid_compounds.parquet").dropna()
    today = {gid: frozenset(group["compound"]) for gid, group in compounds.groupby("grid_id")}
    found = []
    for row in grids.itertuples(index=False):
        before = last_listed.get(row.grid_id)
        if before is None:
            continue
        names = {normalized_cell(row.grid_name), *listed_names(getattr(row, "aliases", None))}
        now = today.get(row.grid_id, frozenset())
        if normalized_cell(before[0]) not in names and not (before[1] & now):
            found.append(ReusedGrid(row.grid_id, _named(before[0], before[1]), _named(row.grid_name, now), before[2]))
    return found
