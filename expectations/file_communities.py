"""Answers whose grid their file cannot be trusted to say, in a month of several communities: a grid name
grids.csv gives to two grids, in a file named for neither's community (ingest/shared_grid_names.py leaves
them unresolved); and answers of a file named for one community counted for another community's grids (a
thirty-ninth trial's codes export of 五松's form, whose grid question lists 五松's four grids, was read by
grids.csv's order as 天井湖's four: 44 answers paid to 天井湖's workers, 1,365.68 yuan moved, exit 0)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import duckdb

from gridpay.ingest.survey_ids import form_entry
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.grid_names import bare_community, community_in_name


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


def other_community_rows(workdir: Path, communities: dict[str, str],
                         form_grids: tuple[tuple[str, str], ...] = ()) -> list[OtherCommunity]:
    """Per survey file named for one community of grids.csv (of two or more), its answers counted for
    grids of the others, most first. A download whose form the policy's [survey.file_grids] (`form_grids`) gives a
    grid is that grid's community's: HR named the form's grid, and its title, copied from another community's
    form, says nothing of whose it is (trial 164's 西苑 form titled 东湖社区第二网格 stopped with advice that fit
    nothing, and the scorecard told HR to take its answers out by appeal)."""
    known = set(communities.values())
    if len(known) < 2:
        return []
    with stage_connection(workdir) as con:
        counts = con.execute("select source_file, grid_id, count(*) from surveys where grid_id is not null "
                             "group by all order by 1, 3 desc, 2").fetchall()
        ids = {name: gid for gid, name in con.execute("select grid_id, grid_name from read_parquet(?)",
                                                      [str(workdir / "grids.parquet")]).fetchall()} if form_grids else {}
    named = {file: _community(file, known, communities, form_grids, ids) for file in {f for f, *_ in counts}}
    found: dict[str, list] = {}
    for file, grid, rows in counts:
        if named[file] is not None and grid in communities and communities[grid] != named[file]:
            found.setdefault(file, []).append((grid, communities[grid], rows))
    return [OtherCommunity(f, named[f], sum(n for *_, n in g), tuple(g)) for f, g in found.items()]


def _community(file: str, known: set[str], communities: dict[str, str], form_grids: tuple[tuple[str, str], ...],
               ids: dict[str, str]) -> str | None:
    """A download's community: its form's grid's where the policy's [survey.file_grids] names it (an id, or a name
    one grid has), else the one its name holds."""
    entry = form_entry(file, form_grids) if form_grids else None
    grid = ids.get(entry[1], entry[1]) if entry else None
    return communities.get(grid) or community_in_name(file, known)


@dataclass(frozen=True)
class ForeignFile:
    file: str
    community: str       # the 社区 its name holds, which is none of the project's
    rows: int
    strange: int         # of them, answers naming a compound grids.csv lists for no grid, or no grid of it
    names: tuple[str, ...]

    def __str__(self) -> str:
        named = f" ({', '.join(repr(n) for n in self.names[:3])}{' ...' if len(self.names) > 3 else ''})" if self.names else ""
        return (f"{self.file} is named for {self.community}, and {self.strange} of its {self.rows} answers of the "
                f"month name a compound or grid not this community's{named}")


_NAMED = re.compile(r"[\u4e00-\u9fff]{2,12}?社区")


def foreign_community_files(workdir: Path, ours: set[str], listed: set[str], grids: set[str]) -> list[ForeignFile]:
    """Survey files of the month whose name holds a community (…社区) none of `ours` (grids.csv's, gridpay.toml's)
    is, and whose answers name a compound none of grids.csv's grids lists (`listed`, as answers name them) or a
    grid it does not have (`grids`, its ids; the caller leaves out a compound listed only since the month
    published last): another community's download, read for the grids its answers name. An eighty-third
    trial's neighbour's 江畔社区 form, whose 望江一网格 is also a grid of 碧溪社区's, paid 90 answers from 江畔花园
    to 碧溪's worker (1520.00 for 1634.19), exit 0; its grid named otherwise, the stop offered to make it an alias
    of the closest grid. Both signs, not the name alone: a title such as 居民对社区网格员的评价 names no community."""
    bare = {bare_community(c) for c in ours if c}
    if not bare:
        return []
    with stage_connection(workdir) as con:
        # the names first: a month's answers are read only where a file is named for another community (a list
        # searched per answer cost 6 s of a 1M month of 2,668 grids whose files name none)
        files = [f for (f,) in con.execute("select distinct source_file from surveys").fetchall()]
        others = {f: o for f in files if (o := next((n for n in _NAMED.findall(PurePosixPath(f).name)
                                                    if not any(b in n for b in bare)), None)) is not None}
        counts = con.execute(
            "with s as (select *, len($listed) > 0 and compound is not null and compound not in (select unnest($listed)) "
            "as unlisted from surveys where list_contains($files, source_file)) select source_file, count(*), "
            "count(*) filter (where grid_id is null or grid_id not in (select unnest($grids)) or unlisted), "
            "list(distinct compound order by compound) filter (where unlisted) from s group by all order by min(row_id)",
            {"listed": sorted(listed), "grids": sorted(grids), "files": sorted(others)}).fetchall() if others else []
    return [ForeignFile(file, others[file], rows, strange, tuple(names or ()))
            for file, rows, strange, names in counts if strange]
