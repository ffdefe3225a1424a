"""grids.csv's optional `compounds` column: the compounds (小区) a grid spans, separated by ';' or
'；'. Door numbers repeat from compound to compound (锦绣花园 7栋1单元101 and 新河小区 7栋1单元101),
and the survey files carry no compound, so in a grid spanning two, two homes with one door number
are one household under "one household, one voice" and the older answer is set aside. gridpay
cannot tell them apart; it says so, naming the grid and the door numbers answered more than once,
so that HR checks them (and asks the compound on next month's form)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gridpay.ingest.grid_aliases import listed_names
from gridpay.ingest.survey_stage import stage_connection

@dataclass(frozen=True)
class MixedCompounds:
    grid_id: str
    grid_name: str
    compounds: tuple[str, ...]
    repeated_doors: int              # door numbers of this grid answered more than once this month

    def __str__(self) -> str:
        return (f"{self.grid_name} ({self.grid_id}) spans {len(self.compounds)} compounds in grids.csv "
                f"({', '.join(self.compounds)}) and the survey files name no compound: {self.repeated_doors} door "
                f"number{'s' if self.repeated_doors != 1 else ''} answered more than once in it may be homes of "
                f"different compounds, yet count once (the older answer set aside as duplicate_household)")


def mixed_compounds(workdir: Path) -> list[MixedCompounds]:
    """Grids that grids.csv gives more than one compound, with the door numbers answered more than
    once in each this month (the staged survey rows, before validation's verdict)."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    if "compounds" not in grids.columns:
        return []
    spanning = {}
    for row in grids.itertuples(index=False):
        names = listed_names(row.compounds)
        if len(names) > 1:
            spanning[row.grid_id] = (row.grid_name, names)
    if not spanning:
        return []
    with stage_connection(workdir) as con:
        repeated = dict(con.execute(
            "select grid_id, count(*) from (select grid_id, household_id from surveys where grid_id in "
            f"({', '.join('?' for _ in spanning)}) and household_id is not null group by all having count(*) > 1) "
            "group by grid_id", list(spanning)).fetchall())
    return [MixedCompounds(gid, name, names, repeated.get(gid, 0)) for gid, (name, names) in spanning.items()]
