"""Pay targets other than the month before was paid on, said when a month is run for the first time. workers.csv
has no dates: a raise the 街道 gives from December, typed in on 12-01, pays November on it if November is run after.
Trial 264's re-check ran November so (W01 2137.40 for 1923.66, the five workers 931.30 yuan over), exit 0, nothing
said of the targets; a correction of a published month says its own (pipeline/reference_drift.py)."""
from __future__ import annotations

import logging

from gridpay.core.wording import listed
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.store.grid_history import last_published
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")


def say_changed_targets(ctx: RunContext) -> None:
    """Each worker of this run whose perf_pay_target differs from the last published month before it paid her;
    nothing in an audit or a correction (the month published already)."""
    if ctx.request.replay is not None:
        return
    with connect(ctx.settings.db) as con:
        if con.execute("select count(*) from published where month = ?", [ctx.month]).fetchall()[0][0]:
            return
        if (last := last_published(con, ctx.month)) is None:
            return
        changed = con.execute(
            "select n.worker_id, b.perf_pay_target_yuan, n.perf_pay_target_yuan from payroll n join payroll b "
            "on b.worker_id = n.worker_id and b.run_id = ? where n.run_id = ? "
            "and n.perf_pay_target_yuan is distinct from b.perf_pay_target_yuan order by n.worker_id",
            [last[1], ctx.run_id]).fetchall()
    if changed:
        log.warning("workers.csv gives %d worker%s another perf_pay_target than %s was paid on (%s): %s is paid on "
                    "the new one. workers.csv has no dates: if the change is from a later month, run %s with the "
                    "workers.csv of before and put the new one in afterwards", len(changed), "s" * (len(changed) > 1),
                    last[0], listed((f"{w} {_yuan(b)} -> {_yuan(n)}" for w, b, n in changed), 8), ctx.month, ctx.month,
                    extra=headed("rules_changed"))


def _yuan(amount) -> str:
    return "none" if amount is None else f"{amount:.2f}"
