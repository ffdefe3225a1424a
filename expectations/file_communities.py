"""Answers whose grid their file cannot be trusted to say, in a month of several communities: a grid name
grids.csv gives to two grids, in a file named for neither's community (ingest/shared_grid_names.py leaves
them unresolved); and answers of a file named for one community counted for another community's grids (a
thirty-ninth trial's codes export of 五松's form, whose grid question lists 五松's four grids, was read by
grids.csv's order as 天井湖's four: 44 answers paid to 天井湖's workers, 1,365.68 yuan moved, exit 0)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.grid_names import community_in_name


@dataclass(frozen=True)
class UnresolvedName:
    file: str
    name: str
    grids: str           # 'TJ1 (天井湖社区), WS1 (五松社区)'
    rows: int

    def __str__(self) -> str:
        return f"{self.file}: {self.rows} answer{'s' if self.rows != 1 else ''} name '{self.name}', which grids.csv gives to {self.grids}"


@dataclass(frozen=True)
class OtherCommunity:
    file: str
    community: str
    rows: int
    grids: tuple[tuple[str, str, int], ...]      # (grid_id, its community, answers)

    def __str__(self) -> str:
        counted = ", ".join(f"{g} ({c}) {n}" for g, c, n in self.grids[:6]) + (" ..." if len(self.grids) > 6 else "")
        return (f"{self.file}, named for {self.community}, has {self.rows} answer{'s' if self.rows != 1 else ''} "
                f"counted for grids of another community: {counted}")


def unresolved_grid_names(workdir: Path) -> list[UnresolvedName]:
    with stage_connection(workdir) as con:
        try:
            rows = con.execute("select * from unresolved_grid_names order by all").fetchall()
        except duckdb.CatalogException:          # a stage made before the table
            return []
    return [UnresolvedName(*row) for row in rows]


def other_community_rows(workdir: Path, communities: dict[str, str]) -> list[OtherCommunity]:
    """Per survey file named for one community of grids.csv (of two or more), its answers counted for
    grids of the others, most first."""
    known = set(communities.values())
    if len(known) < 2:
        return []
    with stage_connection(workdir) as con:
        counts = con.execute("select source_file, grid_id, count(*) from surveys where grid_id is not null "
                             "group by all order by 1, 3 desc, 2").fetchall()
    named = {file: community_in_name(file, known) for file in {file for file, *_ in counts}}
    found: dict[str, list] = {}
    for file, grid, rows in counts:
        if named[file] is not None and grid in communities and communities[grid] != named[file]:
            found.setdefault(file, []).append((grid, communities[grid], rows))
    return [OtherCommunity(f, named[f], sum(n for *_, n in g), tuple(g)) for f, g in found.items()]
