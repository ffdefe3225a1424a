"""Door numbers that begin with a ditto mark (〃2单元402, 同上2单元402): a volunteer typing paper forms meant the
building of the row above and typed the rest. A whole-cell ditto is no door (invalid under survey.unknown_doors), but
one with a number after it is read as typed, a home of its own, beside the same home's answer typed in full (trial
293's 〃2单元402 beside 12栋2单元402: counted twice, W2 1629.54 for 1654.02, exit 0, nothing said). Said, with the
rows to retype: the mark stands for what a sheet row above held, which the staged rows no longer keep in order."""
from __future__ import annotations

import logging

from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.unknown_grid_answers import DITTO
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed

log = logging.getLogger("gridpay")
SHOWN = 5
# ... and the quote marks a Chinese keyboard gives for " (trial 293's re-check: “2单元402 unsaid, W2 1629.54 for 1654.02)
MARKS = tuple(m for m in DITTO if m != "ditto") + ("“", "”", "„")


def say_ditto_doors(ctx: RunContext) -> None:
    with stage_connection(ctx.workdir) as con:
        rows = con.execute("select source_file, row_number, household_id from surveys where household_id is not null "
                           "and len(list_filter(?::varchar[], lambda h: starts_with(household_id, h) "
                           "and length(household_id) > length(h))) > 0 order by source_file, row_number",
                           [list(MARKS)]).fetchall()
    if not rows:
        return
    shown = "; ".join(f"{file} row {row} '{door}'" for file, row, door in rows[:SHOWN])
    log.warning("%d door number%s begin%s with a ditto mark (%s%s): each is read as typed, a home of its own, so a "
                "home answering twice counts twice; type the building the mark stands for (the sheet's row above) and "
                "run again", len(rows), "s" if len(rows) != 1 else "", "" if len(rows) != 1 else "s", shown,
                f" ... ({len(rows) - SHOWN} more)" if len(rows) > SHOWN else "", extra=headed("answer_doubts"))
