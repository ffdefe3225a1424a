"""A month run while the months between it and the last one this warehouse published have no run
at all: the month reads the one before it (its pay change; the answers a thin grid pools), so it
would be scored as if those months had not happened. A seventy-fourth trial's new clerk restored a
backup taken before September was published and ran October: a pooled grid's worker was paid
12.84 yuan too much, exit 0, nothing said. A month that stopped at the gate has a run, and is said,
not stopped on: HR saw it stop."""
from __future__ import annotations

import logging

from gridpay.core.month import Month
from gridpay.ingest.formats import month_survey_files
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")


def months_between(db, month: str) -> tuple[str | None, list[str], list[str]]:
    """(the last month before `month` this warehouse published, the months between them it has no run of,
    those between whose runs all stopped)."""
    with connect(db) as con:
        last = con.execute("select max(month) from published where month < ?", [month]).fetchone()[0]
        if last is None:
            return None, [], []
        between, m = [], Month.parse(last).next
        while str(m) < month:
            between.append(str(m))
            m = m.next
        ran = {m for (m,) in con.execute("select distinct month from runs where month in (select unnest(?::varchar[]))",
                                         [between]).fetchall()}
    return last, [m for m in between if m not in ran], [m for m in between if m in ran]


def gap_before(ctx: RunContext) -> str | None:
    """The stop's message when months before this one have no run here (None: none, an audit's replay,
    or accepted with --accept-fewer-answers, which is said and listed on the scorecard). Months between
    whose runs stopped are said (trial 75's clerk, told nothing of September when October ran)."""
    if ctx.request.replay is not None:
        return None
    last, missing, stopped = months_between(ctx.settings.db, ctx.month)
    if stopped:
        log.warning("%s: not published in this warehouse (%s stopped); %s is scored without %s (the pay change, and "
                    "the answers a grid with few answers pools): publish %s (gridpay run --month %s), then run %s "
                    "again", ", ".join(stopped), "its run" if len(stopped) == 1 else "their runs", ctx.month,
                    "it" if len(stopped) == 1 else "them", ", ".join(stopped), stopped[0], ctx.month,
                    extra=headed("other_months"))
    if not missing:
        return None
    months = ", ".join(missing)
    these, was = ("it", "was") if len(missing) == 1 else ("them", "were")
    surveyed = [m for m in missing if month_survey_files(ctx.settings.inbox, m)]
    if ctx.request.accept_fewer_answers and not surveyed:
        log.warning("%s: no run in this warehouse, though %s is published in it; %s is scored without %s, as "
                    "--accept-fewer-answers says", months, last, ctx.month, these, extra=headed("other_months"))
        return None
    if surveyed:     # a month with its download in the inbox was surveyed: never skipped (trial 75)
        return (f"{months} {'has' if len(missing) == 1 else 'have'} no run in this warehouse ({ctx.settings.db}), "
                f"though {last} is published in it, and the inbox holds survey files of {', '.join(surveyed)}: "
                f"{ctx.month} reads the month before it, so run {surveyed[0]} first (gridpay run --month "
                f"{surveyed[0]}); a warehouse restored from an older backup: restore the newer one; nothing published")
    return (f"{months} {'has' if len(missing) == 1 else 'have'} no run in this warehouse ({ctx.settings.db}), though "
            f"{last} is published in it: {ctx.month} reads the month before it (the pay change, and the answers a "
            f"grid with few answers pools), so it would be scored as if {months} had not happened; nothing published. "
            f"A warehouse restored from a backup taken before {missing[-1]} was published looks like this: restore "
            f"the newer backup (warehouse/ and out/ together). If {months} {was} surveyed, publish {these} first "
            f"(gridpay run --month {missing[0]}); if {months} {was} never surveyed nor paid, on this computer or "
            f"another, run {ctx.month} again with --accept-fewer-answers (said on its scorecard)")
