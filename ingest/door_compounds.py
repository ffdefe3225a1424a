"""Answers whose door number begins with a compound grids.csv lists under other grids, not under the grid they give:
where the form asks no compound, residents who type one type it into the door (滨河小区20栋1单元301). Trial 201's
滨河小区 residents who chose the new 滨河雅苑 grid by mistake wrote their compound so, and were counted for its worker
unsaid, while the same slip named in a 小区 column was said (ingest/grid_compounds.py). Said, never stopped: a door's
leading words are a resident's typing, not a form's choice."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from gridpay.ingest.door_prefixes import answers_view
from gridpay.ingest.grid_aliases import listed_compounds
from gridpay.ingest.grid_compounds import OtherGridsCompound
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.privacy import regex_masked_sql


def doors_naming_other_compounds(workdir: Path, month: str | None = None) -> list[OtherGridsCompound]:
    """(grid, compound) pairs of the staged answers (but those an upheld appeal of `month` takes out) whose door
    number begins with a compound as grids.csv writes it (or it and 小区) that other grids list and the grid does
    not, the longest such name per door (滨河雅苑1栋 is not 滨河's), most rows first."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    listed = listed_compounds(grids)
    owners: dict[str, list[str]] = {}
    for gid, names in listed.items():
        for name in names:
            owners.setdefault(name, []).append(gid)
    if len(listed) < 2:
        return []
    typed = sorted({(text, name) for name in owners for text in (name, f"{name}小区") if not name.endswith("小区")}
                   | {(name, name) for name in owners})
    labels = {row.grid_id: f"{row.grid_name} ({row.grid_id})" for row in grids.itertuples(index=False)}
    with stage_connection(workdir) as con:
        answers_view(con, workdir, month)
        con.execute("create or replace temp table door_names (typed varchar, compound varchar)")
        con.executemany("insert into door_names values (?, ?)", typed)
        rows = con.execute(f"""
            with named as (
                select a.row_id, a.grid_id, d.compound, a.response_id
                from answers a join door_names d on starts_with(a.household_id, d.typed)
                where a.household_id is not null and a.compound is null     -- a 小区 column is read as such
                qualify row_number() over (partition by a.row_id order by length(d.typed) desc) = 1)
            select grid_id, compound, count(*) as n,
                   list(coalesce({regex_masked_sql('response_id')}, '?') order by row_id)[1:10]
            from named group by all order by n desc, grid_id, compound""").fetchall()
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    return [OtherGridsCompound(gid, names[gid], compound, n, tuple(labels[o] for o in owners[compound]),
                               owner_ids=tuple(owners[compound]), ids=tuple(ids), in_door=True)
            for gid, compound, n, ids in rows
            if gid in names and gid not in owners[compound] and compound not in listed.get(gid, ())]
