"""A month run for the first time after a later month was published here (a backlog caught up out of order) reads
today's workers.csv, whose targets may be a later month's: a hundred-and-forty-ninth trial's clerk, catching up June
after November, left November's workers.csv in the inbox and June, July and August were paid on November's raised
targets (W01 1992.00 for 1792.80, every worker about +11%), exit 0, nothing said, though September was published on
the old ones. Such a run stops where a worker's target differs from the one the nearest later published month paid
on; `--reference inbox` says the inbox's targets are the month's own (raised after it)."""
from __future__ import annotations

import json

from gridpay.ingest.archive import InputFile
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.reference_drift import reference_rows
from gridpay.store.warehouse import connect

SHOWN = 4           # workers named; the rest are counted


def stop_message(ctx: RunContext) -> str | None:
    """The stop's message where the month is run for the first time, a later month is published, and a target of a
    worker assigned in the month differs from the one that later month was paid on; None otherwise (a re-run, an
    audit's replay, `--reference` given)."""
    request = ctx.request
    if request.replay is not None or request.reference is not None or ctx.published:
        return None
    with connect(ctx.settings.db) as con:
        row = con.execute("select p.month, r.inputs_json from published p join runs r using (run_id) "
                          "where p.month > ? order by p.month limit 1", [ctx.month]).fetchone()
    if row is None or not row[1]:
        return None
    later, inputs = row[0], {e["name"]: InputFile(**e) for e in json.loads(row[1])}
    today = {e.name: e for e in ctx.inputs.files}
    if "workers.csv" not in inputs or "workers.csv" not in today or \
            inputs["workers.csv"].sha256 == today["workers.csv"].sha256:
        return None
    differ = _targets_differing(ctx, inputs["workers.csv"], today)
    if not differ:
        return None
    shown = "; ".join(f"{w} {then} then, {now} now" for w, then, now in differ[:SHOWN]) + (
        f"; and {len(differ) - SHOWN} more" if len(differ) > SHOWN else "")
    return (f"{ctx.month} is run after {later} was published here, on a workers.csv whose perf_pay_target differs "
            f"from the one {later} was paid on ({shown}): a month is paid on its own targets, and the inbox's "
            f"workers.csv may be a later month's; nothing published. Put {ctx.month}'s workers.csv in the inbox and "
            f"run again; if these are {ctx.month}'s own targets (changed after it), run again with --reference inbox")


def _targets_differing(ctx: RunContext, then_entry: InputFile, today: dict) -> list[tuple[str, str, str]]:
    """(worker, target then, target now) of each worker assigned in the month whose target differs."""
    s, aliases = ctx.settings, ctx.policy.aliases
    rows = {}
    for side, entry in (("then", then_entry), ("now", today["workers.csv"])):
        rows[side] = reference_rows("workers.csv", entry, ctx.month, aliases, s.archive, ctx.archive_keys, ctx.workdir)
    assigned = ({r["worker_id"] for r in reference_rows("assignments.csv", today["assignments.csv"], ctx.month, aliases,
                                                        s.archive, ctx.archive_keys, ctx.workdir).values()}
                if "assignments.csv" in today else None)
    return [(key[0], rows["then"][key].get("perf_pay_target", ""), now.get("perf_pay_target", ""))
            for key, now in sorted(rows["now"].items())
            if key in rows["then"] and (assigned is None or key[0] in assigned)
            and rows["then"][key].get("perf_pay_target", "") != now.get("perf_pay_target", "")]
