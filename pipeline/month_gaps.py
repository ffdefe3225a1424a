"""A month run while the months between it and the last one this warehouse published have no run
at all: the month reads the one before it (its pay change; the answers a thin grid pools), so it
would be scored as if those months had not happened. A seventy-fourth trial's new clerk restored a
backup taken before September was published and ran October: a pooled grid's worker was paid
12.84 yuan too much, exit 0, nothing said. A month that stopped at the gate has a run, and is said,
not stopped on (pipeline/other_months.py): HR saw it stop."""
from __future__ import annotations

import logging

from gridpay.core.month import Month
from gridpay.pipeline.context import RunContext
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")


def months_without_a_run(db, month: str) -> tuple[str | None, list[str]]:
    """(the last month before `month` this warehouse published, the months between them it has no run of)."""
    with connect(db) as con:
        last = con.execute("select max(month) from published where month < ?", [month]).fetchone()[0]
        if last is None:
            return None, []
        between, m = [], Month.parse(last).next
        while str(m) < month:
            between.append(str(m))
            m = m.next
        ran = {m for (m,) in con.execute("select distinct month from runs where month in (select unnest(?::varchar[]))",
                                         [between]).fetchall()}
    return last, [m for m in between if m not in ran]


def gap_before(ctx: RunContext) -> str | None:
    """The stop's message when months before this one have no run here (None: none, an audit's replay,
    or accepted with --accept-fewer-answers, which is said and listed on the scorecard)."""
    if ctx.request.replay is not None:
        return None
    last, missing = months_without_a_run(ctx.settings.db, ctx.month)
    if not missing:
        return None
    months = ", ".join(missing)
    these = "it" if len(missing) == 1 else "them"
    if ctx.request.accept_fewer_answers:
        log.warning("%s: no run in this warehouse, though %s is published in it; %s is scored without %s, as "
                    "--accept-fewer-answers says", months, last, ctx.month, these)
        return None
    return (f"{months} {'has' if len(missing) == 1 else 'have'} no run in this warehouse ({ctx.settings.db}), though "
            f"{last} is published in it: {ctx.month} reads the month before it (the pay change, and the answers a "
            f"grid with few answers pools), so it would be scored as if {months} had not happened; nothing published. "
            f"A warehouse restored from a backup taken before {missing[-1]} was published looks like this: restore "
            f"the newer backup (warehouse/ and out/ together). If {months} {'was' if len(missing) == 1 else 'were'} "
            f"surveyed, publish {these} first (gridpay run --month {missing[0]}); if not, run {ctx.month} again "
            f"with --accept-fewer-answers (said on its scorecard)")
