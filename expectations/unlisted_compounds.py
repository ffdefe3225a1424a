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
from gridpay.transforms.grid_names import compounds_read_alike


@dataclass(frozen=True)
class UnlistedCompound:
    file: str
    grid: str            # '滨河网格 (G07)'
    compound: str        # as the answers name it
    rows: int
    hint: str = ""       # what it may be of a listed compound, said after it

    def __str__(self) -> str:
        said = f"{self.file}: {self.rows} answer{'s' if self.rows != 1 else ''} to {self.grid} name '{self.compound}'"
        return f"{said} ({self.hint})" if self.hint else said


def compound_hint(name: str, listed: list[str]) -> str:
    """What an unlisted compound may be of a listed one: a typing of it (翠竹院, 翠竹苑: write 翠竹苑=翠竹院), or a
    part holding its name (翠竹苑二期): a trial-88 clerk listed both as compounds of their own, as the stop's
    either-or offered, and one home answering under both names counted twice (+32.48 yuan, exit 0)."""
    alike = next((c for c in listed if compounds_read_alike(name, c)), None)
    if alike:
        return f"reads like {alike}: a typing of it is written {alike}={name}"
    part = next((c for c in sorted(listed, key=len, reverse=True) if len(c) >= 2 and name.startswith(c)), None)
    if part:
        return (f"holds the name of {part}: if its door numbers are {part}'s own, write {part}={name}; only if they "
                f"repeat {part}'s (buildings numbered again) is it a compound of its own")
    # ... or begins as one does, an old or short name of it (trial 153's 二中宿舍 for 二中家属院 got no hint at all)
    begins = [c for c in listed if len(c) >= 2 and not c[:2].isdigit() and name[:2] == c[:2]]
    if len(begins) == 1:
        return f"begins as {begins[0]} does: if it is another name of it (an old or short name), write {begins[0]}={name}"
    return ""


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
    return [UnlistedCompound(file, f"{names.get(gid) or gid} ({gid})", compound, n, compound_hint(compound, known))
            for file, gid, compound, n in found]
