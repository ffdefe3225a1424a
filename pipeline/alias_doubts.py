"""An alias of grids.csv that reads like another grid's name: the unknown-name stop offers every grid listing the
rows' compound, and trial 127's HR, offered 第三网格 (G3), 第四网格 and 第五网格 for '第三网络', put the alias on G4:
three of G3's paper answers paid G4's worker (W04 1570.97 for 1572.84), exit 0, nothing said. Said, not stopped:
a split grid's half may be answered by a name like the other half's, and only HR knows its residents."""
from __future__ import annotations

import logging

import pandas as pd

from gridpay.ingest.grid_aliases import has_alias_column
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.store.runs import former_grid_names
from gridpay.transforms.grid_names import likeness
from gridpay.transforms.parsing import normalized_cell

log = logging.getLogger("gridpay")
ALIKE, CLEARER = 0.7, 0.2      # reads like the other grid's name, and clearly more than like its own


def say_aliases_like_other_grids(ctx: RunContext) -> None:
    """Warn of each alias the month's answers used whose grid's name it reads less like than another grid's (not a
    name a grid had in a published month: a renamed or split grid's old name is its alias on purpose)."""
    former = former_grid_names(ctx.settings.db, ctx.month)
    grids = pd.read_parquet(ctx.workdir / "grids.parquet")
    names = {gid: normalized_cell(name) for gid, name in zip(grids["grid_id"], grids["grid_name"]) if name}
    with stage_connection(ctx.workdir) as con:
        used = con.execute("select grid_alias, grid_id, count(*) from surveys where grid_alias is not null "
                           "group by all order by all").fetchall() if has_alias_column(con) else []
    for alias, gid, n in used:
        own = likeness(alias, names.get(gid, gid))
        other = max((o for o in names if o != gid), key=lambda o: likeness(alias, names[o]), default=None)
        if alias in former or other is None or not (likeness(alias, names[other]) >= max(ALIKE, own + CLEARER)):
            continue
        log.warning("%d answer%s name%s the grid '%s', an alias grids.csv gives %s (%s), but it reads like %s's name "
                    "%s: %s count for %s; if %s %s's residents' (the sheet's name, their homes say), move the alias "
                    "to %s in grids.csv and run again", n, "s" if n > 1 else "", "" if n > 1 else "s", alias,
                    names.get(gid, gid), gid, other, names[other], "they" if n > 1 else "it", gid,
                    "they are" if n > 1 else "it is", other, other)
