"""grids.csv's optional `compounds` column: the compounds (小区) a grid spans, separated by ';' or
'；'. Door numbers repeat from compound to compound (锦绣花园 7栋1单元101 and 新河小区 7栋1单元101),
so in a grid spanning two, two homes with one door number are one household under "one household,
one voice" unless the answers name their compound. Where the form asks it (a `compound` column,
小区 in a sheet, the policy's survey.questions.compound in a platform download) and the policy's
survey.household_compound is true, the compound is part of the household (ingest/survey_stage.py).
Answers that name no compound cannot be told apart: the run says so, naming the grid and the door
numbers answered more than once among them, so that HR checks them (and asks the compound next month)."""
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
    repeated_doors: int              # door numbers answered more than once this month by answers naming no compound
    unnamed: int = 0                 # the grid's answers naming no compound (0: not counted, a caller's own)

    def __str__(self) -> str:
        answers = f"{self.unnamed} of its answers name" if self.unnamed else "the survey files name"
        return (f"{self.grid_name} ({self.grid_id}) spans {len(self.compounds)} compounds in grids.csv "
                f"({', '.join(self.compounds)}) and {answers} no compound: {self.repeated_doors} door "
                f"number{'s' if self.repeated_doors != 1 else ''} answered more than once in it may be homes of "
                f"different compounds, yet count once (the older answer set aside as duplicate_household)")


def mixed_compounds(workdir: Path) -> list[MixedCompounds]:
    """Grids that grids.csv gives more than one compound and whose answers this month do not all name
    their compound, with the door numbers answered more than once among those that do not (the
    staged survey rows, before validation's verdict)."""
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
    grid_ids = f"grid_id in ({', '.join('?' for _ in spanning)})"
    with stage_connection(workdir) as con:
        counts = {gid: (unnamed, named) for gid, unnamed, named in con.execute(
            f"select grid_id, count(*) filter (where compound is null), count(compound) from surveys where {grid_ids} "
            "group by grid_id", list(spanning)).fetchall()}
        repeated = dict(con.execute(
            "select grid_id, count(*) from (select grid_id, household_id from surveys where "
            f"{grid_ids} and compound is null and household_id is not null group by all having count(*) > 1) "
            "group by grid_id", list(spanning)).fetchall())
    # a grid no answer of which came this month, or whose every answer names its compound, is told apart
    return [MixedCompounds(gid, name, names, repeated.get(gid, 0), unnamed if named else 0)
            for gid, (name, names) in spanning.items() for unnamed, named in [counts.get(gid, (0, 0))] if unnamed]
