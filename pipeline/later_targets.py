"""A month run for the first time after a later month was published here (a backlog caught up out of order) reads
today's reference files, and workers.csv holds one target per worker with no date: a hundred-and-forty-ninth
trial's clerk, catching up June after November, left November's workers.csv in the inbox, and June to August were
paid on November's raised targets (W01 1992.00 for 1792.80), exit 0, nothing said. Compared with the nearest later
published month, its re-check then published August on October's raised file (the same as October's: no
difference to see) and stopped the honest one: which file is the month's own cannot be told from the files. So such
a run stops until `--reference inbox` says the inbox's reference files are the month's own, and the run that says
so lists the targets beside the later month's (console and scorecard). A month whose earlier runs stopped is no
exception: its second re-check's September, retried after October's raised file was in the inbox, was then
published on it (+972.20) when a run of the month on today's file before October was published was taken as proof."""
from __future__ import annotations

import json
import logging

from gridpay.ingest.archive import InputFile
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.reference_drift import reference_rows
from gridpay.pipeline.run_notices import headed
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")
SHOWN = 8           # workers named; the rest are counted


def stop_message(ctx: RunContext) -> str | None:
    """The stop's message where the month is run for the first time and a later month is published here; with
    `--reference inbox`, the targets said instead. None: a re-run, an audit's replay, no later month published."""
    request = ctx.request
    if request.replay is not None or ctx.published or (later := _later_published(ctx)) is None:
        return None
    month, inputs = later
    targets = _targets(ctx, inputs)
    if request.reference == "inbox":
        log.warning("%s is paid on the inbox's workers.csv as its own (--reference inbox), though %s was published "
                    "here before it: %s", ctx.month, month, targets, extra=headed("accepted"))
        return None
    return (f"{ctx.month} is not published here and {month}, a later month, is: workers.csv holds one target "
            f"per worker and no date, so the inbox's may be a later month's ({targets}); nothing published. Put "
            f"{ctx.month}'s own workers.csv and assignments.csv in the inbox, then run again with --reference inbox, "
            f"which says they are {ctx.month}'s (the scorecard lists it)")


def _later_published(ctx: RunContext) -> tuple[str, dict[str, InputFile]] | None:
    with connect(ctx.settings.db) as con:
        row = con.execute("select p.month, r.inputs_json from published p join runs r using (run_id) "
                          "where p.month > ? order by p.month limit 1", [ctx.month]).fetchone()
    if row is None or not row[1]:
        return None
    return row[0], {e["name"]: InputFile(**e) for e in json.loads(row[1])}


def _targets(ctx: RunContext, later: dict[str, InputFile]) -> str:
    """'perf_pay_target W01 1800.00 now, 2000.00 in the later month; ...', or, where none differs, the targets: of the
    workers assigned in the month (every worker where there is no assignments.csv)."""
    today = {e.name: e for e in ctx.inputs.files}
    if "workers.csv" not in today or "workers.csv" not in later:
        return "no workers.csv to compare"
    then, now = (_rows(ctx, "workers.csv", entry) for entry in (later["workers.csv"], today["workers.csv"]))
    assigned = ({r["worker_id"] for r in _rows(ctx, "assignments.csv", today["assignments.csv"]).values()}
                if "assignments.csv" in today else None)
    now = {key: row.get("perf_pay_target", "") for key, row in sorted(now.items())
           if assigned is None or key[0] in assigned}
    differ = [(key[0], then[key].get("perf_pay_target", ""), target) for key, target in now.items()
              if key in then and then[key].get("perf_pay_target", "") != target]
    if not differ:       # the figures too: the month's own file and a later month's read alike here (its re-check)
        shown = [f"{key[0]} {target}" for key, target in now.items()]
        return ("perf_pay_target as the later month was paid on: " + "; ".join(shown[:SHOWN])
                + (f"; and {len(shown) - SHOWN} more" if len(shown) > SHOWN else ""))
    return "perf_pay_target " + "; ".join(f"{w} {new} now, {old} in the later month" for w, old, new in differ[:SHOWN]) \
        + (f"; and {len(differ) - SHOWN} more" if len(differ) > SHOWN else "")


def _rows(ctx: RunContext, name: str, entry: InputFile) -> dict:
    """A reference file's rows as the month reads them, from its archived copy."""
    return reference_rows(name, entry, ctx.month, ctx.policy.aliases, ctx.settings.archive, ctx.archive_keys,
                          ctx.workdir)
