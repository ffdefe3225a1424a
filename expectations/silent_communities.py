"""A community of grids.csv none of whose grids has an answer in a month whose other communities have theirs:
its download is missing, or another month's was put in its place. A forty-sixth trial put 金桥社区's October
download in November's folder: gridpay said the file held no answer of November, scored 金桥's seven grids on
September and October, and published, exit 0 (210.90 yuan less to 金桥's workers, 银杏's moved by fen)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from gridpay.core.month import Month
from gridpay.ingest.staging import grid_communities
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.grid_names import communities_alike, community_in_name


@dataclass(frozen=True)
class SilentCommunity:
    community: str
    grids: int
    files: tuple[tuple[str, str], ...] = ()      # (a survey file named for it, what it holds instead: '138 rows of 2026-10')

    def __str__(self) -> str:
        held = "".join(f"; {file} holds only {what}" for file, what in self.files[:3])
        return f"{self.community} ({self.grids} grid{'s' if self.grids != 1 else ''}) has no answer this month{held}"


def silent_communities(workdir: Path, month: str) -> list[SilentCommunity]:
    """Each community of two or more in grids.csv with a worker assigned in `month` but no staged answer for
    any of its grids, while the month has answers for another's; with the survey files named for it whose
    rows were all set aside. A community nobody is paid for is not this: no pay would be wrong."""
    community = grid_communities(pd.read_parquet(workdir / "grids.parquet"))
    known = set(community.values())
    if len(known) < 2:
        return []
    month_of = Month.parse(month)
    first, last = month_of.first_day, month_of.last_day
    with stage_connection(workdir) as con:
        answered = {g for (g,) in con.execute("select distinct grid_id from surveys where grid_id is not null").fetchall()}
        staffed = {g for (g,) in con.execute(
            "select distinct grid_id from assignments where coalesce(try_cast(start_date as date) <= ?, true) and "
            "coalesce(try_cast(nullif(trim(coalesce(end_date, '')), '') as date) >= ?, true)", [last, first]).fetchall()}
        try:
            aside = con.execute("select source_file, rows_set_aside || ' ' || what from set_aside "
                                "where what like 'rows of %' order by all").fetchall()
        except duckdb.CatalogException:          # a stage made before the table
            aside = []
    heard = {community[g] for g in answered if g in community}
    if not heard:                                # no answer at all: the month's own stops say so
        return []
    for one, other in communities_alike(known):  # one community typed two ways (said on its own): heard as one
        if one in heard or other in heard:
            heard |= {one, other}
    return [SilentCommunity(c, sum(1 for v in community.values() if v == c),
                            tuple((f, what) for f, what in aside if community_in_name(f, known) == c))
            for c in sorted(known - heard) if any(community.get(g) == c for g in staffed)]
