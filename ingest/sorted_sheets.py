"""A survey file whose answers' grids and compounds disagree far more than residents near a boundary do: a sheet HR
typed and then sorted by one column alone (its 网格 column sorted apart from its rows)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from gridpay.ingest.door_prefixes import answers_view
from gridpay.ingest.grid_compounds import listed_as_named
from gridpay.ingest.survey_stage import stage_connection


MIXED_SHARE = 0.1       # of a file's answers naming a listed compound: a boundary's few are far under it


def mixed_sheets(workdir: Path, least: int, suffix_dropped: bool = False, month: str | None = None
                 ) -> list[tuple[str, int, int]]:
    """(file, its answers naming a compound another grid lists and not the grid they give, its answers naming a
    listed compound) of the survey files where the first are at least `least`, a tenth of the second, and of two
    grids or more: a sheet sorted by one column alone. Trial 147's sheet, its 网格 column sorted apart from its rows, paid 26 answers to
    other grids' workers, no grid reaching 5 of them."""
    listed = listed_as_named(pd.read_parquet(workdir / "grids.parquet"), suffix_dropped)
    owned = {name for names in listed.values() for name in names}
    if len(listed) < 2:
        return []
    with stage_connection(workdir) as con:
        answers_view(con, workdir, month)
        rows = con.execute("select source_file, grid_id, compound, count(*) from answers where compound is not null "
                           "group by all").fetchall()
    named, other, grids = Counter(), Counter(), {}
    for file, gid, compound, n in rows:
        if compound in owned:
            named[file] += n
            if gid in listed and compound not in listed[gid]:
                other[file] += n
                grids.setdefault(file, set()).add(gid)
    # a sort scatters them over grids; one grid's alone is a compound grids.csv misses for it (the next stop says so)
    return [(file, n, named[file]) for file, n in sorted(other.items())
            if n >= least and n >= MIXED_SHARE * named[file] and len(grids[file]) > 1]
