"""A grid name grids.csv gives to more than one grid (第一网格 in 天井湖社区 and in 五松社区): an answer naming
it is the grid of the community its file is named for (survey.grid_names_by_file). Before the rule the
last such grid in grids.csv took every answer: a thirty-ninth trial's 天井湖 answers were paid to 五松's
worker, 366.42 yuan moved, exit 0. An answer whose file names no community, or one with two such grids,
is left unresolved, and the run stops naming it (pipeline/gate_findings.py)."""
from __future__ import annotations

from gridpay.core.errors import ConfigError
from gridpay.ingest.survey_files import SurveyReading
from gridpay.transforms.grid_names import community_in_name
from gridpay.transforms.parsing import normalized_cell


def file_grid_tables(con, reading: SurveyReading, grids: dict[str, str], communities: dict[str, str]) -> None:
    """Tables `map_file_grid` (source_file, raw, value: the grid a shared name means in that file) and
    `unresolved_grid_names` (source_file, grid_name, grids, rows), from view `survey_text`; both empty
    where no name is shared or the policy reads names as before."""
    con.execute("create or replace table map_file_grid (source_file varchar, raw varchar, value varchar)")
    con.execute("create or replace table unresolved_grid_names (source_file varchar, grid_name varchar, "
                "grids varchar, rows_named integer)")
    named: dict[str, list[str]] = {}
    for gid, name in grids.items():
        named.setdefault(normalized_cell(name) or "", []).append(gid)
    shared = {name: ids for name, ids in named.items() if name and len(ids) > 1}
    for text, value in reading.file_grids:      # the policy's, not a resident's: never settled by a file's title
        if value not in grids and (ids := shared.get(normalized_cell(value) or "")):
            whose = ", ".join(f"{g} of {communities.get(g) or '-'}" for g in ids)
            raise ConfigError(f"the policy's [survey.file_grids] gives \"{text}\" the grid name '{value}', which "
                              f"grids.csv gives {len(ids)} grids ({whose}): "
                              f"a form's grid is one grid, so give its id (\"{text}\" = \"{ids[0]}\", ...), under a new "
                              f"version (a grid name alone may be read as another community's grid)")
    if not (reading.grid_names_by_file and shared):
        return
    known = set(communities.values())
    found = con.execute("select source_file, grid_id, count(*) from survey_text where grid_id is not null "
                        "group by all order by all").fetchall()
    for file, raw, rows in found:
        ids = shared.get(normalized_cell(raw) or "")
        if not ids:
            continue
        community = community_in_name(file, known)
        mine = [gid for gid in ids if community is not None and communities.get(gid) == community]
        if len(mine) == 1:
            con.execute("insert into map_file_grid values (?, ?, ?)", [file, raw, mine[0]])
        else:
            con.execute("insert into unresolved_grid_names values (?, ?, ?, ?)",
                        [file, raw, ", ".join(f"{gid} ({communities.get(gid) or '-'})" for gid in ids), rows])
