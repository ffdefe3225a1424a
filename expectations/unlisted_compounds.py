"""Answers to a grid that lists its compounds (小区) in grids.csv naming a compound no grid lists: a
neighbouring community's download renamed, so that its name no longer says whose it is (an eighty-sixth
trial's 桃源社区 file, holding only its 滨河网格's answers, a grid name both communities have, was paid to
our 滨河网格's worker: 1733.83 for 1684.54, exit 0, with one console line), a compound grids.csv misses, or
one typed another way in a sheet. Which it is, only HR can say; until then the month is not paid."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gridpay.ingest.door_prefixes import answers_view
from gridpay.ingest.grid_compounds import listed_as_named
from gridpay.ingest.survey_stage import stage_connection


@dataclass(frozen=True)
class UnlistedCompound:
    file: str
    grid: str            # '滨河网格 (G07)'
    compound: str        # as the answers name it
    rows: int

    def __str__(self) -> str:
        return f"{self.file}: {self.rows} answer{'s' if self.rows != 1 else ''} to {self.grid} name '{self.compound}'"


def unlisted_compounds(workdir: Path, suffix_dropped: bool = False, month: str | None = None) -> list[UnlistedCompound]:
    """(file, grid, compound) of the staged answers (but those an upheld appeal of `month` takes out) to grids
    grids.csv lists compounds for, naming a compound it lists for no grid, most rows first."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    listed = listed_as_named(grids, suffix_dropped)
    if not listed:                  # a community listing no compound: answers' compounds are not checked
        return []
    known = sorted(set().union(*listed.values()))
    with stage_connection(workdir) as con:
        answers_view(con, workdir, month)
        found = con.execute(
            "select source_file, grid_id, compound, count(*) as n from answers where compound is not null "
            "and list_contains($grids, grid_id) and not list_contains($known, compound) "
            "group by all order by n desc, source_file, grid_id, compound",
            {"grids": sorted(listed), "known": known}).fetchall()
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    return [UnlistedCompound(file, f"{names.get(gid) or gid} ({gid})", compound, n) for file, gid, compound, n in found]
