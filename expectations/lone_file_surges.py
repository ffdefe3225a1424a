"""A grid whose answers at least doubled against the month published last, the new ones from a file answering
no other grid while another file answers it too: a neighbouring community's download renamed (下载(1).xlsx, as a
browser names it), holding only the answers of a grid whose name both communities have and which lists no
compound to tell them by (an eighty-eighth trial's 散居户网格: 12 of the neighbour's answers beside our 14, W09
paid 1200.00 for 1483.80, exit 0, with lines saying the answers had doubled). A paper drive in one grid reads
the same: HR says which (--accept-more-answers)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gridpay.expectations.answer_doubts import SURGE_MORE as MORE, SURGE_TIMES as TIMES   # the doubts' surge
from gridpay.ingest.survey_stage import stage_connection


@dataclass(frozen=True)
class LoneFileSurge:
    grid_id: str
    grid_name: str
    rows: int            # its survey rows this month
    before: int          # its counted answers in the month published last
    file: str
    file_rows: int

    def __str__(self) -> str:
        return (f"{self.grid_name} ({self.grid_id}) has {self.rows} answers this month ({self.before} counted in the "
                f"month published last), {self.file_rows} of them from {self.file}, which answers no other grid")


def lone_file_surges(workdir: Path, last: dict[str, int] | None,
                     households: dict[str, int] | None = None) -> list[LoneFileSurge]:
    """The grids whose rows reach TIMES their counted answers of the month published last (`last`) and MORE
    besides only through a file holding no other grid's answers, while another file answers them too; where grids.csv
    gives a grid more households than it did then (`households`: a grid that took a merged one's homes), its answers
    then count at today's households (a hundred-and-fifty-sixth trial's 七网格, 330 households to 590 with 八网格's
    form, was stopped as another community's download)."""
    if not last:
        return []
    with stage_connection(workdir) as con:
        counts = con.execute("select source_file, grid_id, count(*) from surveys where grid_id is not null "
                             "group by all order by all").fetchall()
    grids_of: dict[str, set[str]] = defaultdict(set)
    files_of: dict[str, dict[str, int]] = defaultdict(dict)
    for file, grid, rows in counts:
        grids_of[file].add(grid)
        files_of[grid][file] = rows
    grids = pd.read_parquet(workdir / "grids.parquet", columns=["grid_id", "grid_name", "households"])
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    now = {g: int(h) for g, h in zip(grids["grid_id"], pd.to_numeric(grids["households"], errors="coerce")) if h == h}
    found = []
    for grid, files in sorted(files_of.items()):
        rows, before = sum(files.values()), last.get(grid) or 0
        then = (households or {}).get(grid) or 0
        expected = before * now[grid] / then if then and now.get(grid, 0) > then else before
        if before and len(files) > 1 and rows >= TIMES * expected and rows - expected >= MORE:
            found += [LoneFileSurge(grid, names.get(grid, grid), rows, before, file, n) for file, n in files.items()
                      if grids_of[file] == {grid} and rows - n < TIMES * expected]
    return found
