"""An answer a month published before counted, counted again by this month under its id: 问卷星's 修改答卷 keeps
an answer's 序号 and gives it the time it was changed, so a whole-history download puts the changed answer in the
month it was changed (trial 137's A31, all 2s in September, changed to 4s on 10-03: September paid the 2s, October
the 4s, nothing said). Counted where its time says, one voice a month, but said on the console and the scorecard,
naming the answers (taking one out of this month would count the change in no month: trial 137's re-check)."""
from __future__ import annotations

import logging

from gridpay.core.month import Month
from gridpay.ingest.late_answers import earlier_ids
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")
SHOWN = 10          # answers named
MONTHS_BACK = 3     # the published months looked at, before this one (the pooling window's usual length)

COUNTED_BEFORE = """
with now as (
    select s.response_id, c.grid_id, s.household_id, c.response_score, s.submitted_at_ts, s.source_file
    from counted_responses c join raw_surveys s using (run_id, row_id)
    where c.run_id = $run and c.month = $month and s.response_id is not null
), before as (
    select p.month, s.response_id, c.grid_id, s.household_id, c.response_score
    from published p join counted_responses c on c.run_id = p.run_id and c.month = p.month
    join raw_surveys s on s.run_id = c.run_id and s.row_id = c.row_id
    where p.month in (select unnest($months)) and s.response_id in (select response_id from now)
)
select n.response_id, b.month, n.household_id, b.response_score, n.response_score, n.submitted_at_ts, n.source_file
from now n join before b on b.response_id = n.response_id and b.grid_id = n.grid_id
     and b.household_id is not distinct from n.household_id
order by b.month, n.response_id
"""


def answers_counted_before(ctx: RunContext) -> list[tuple]:
    """(response id, the month that counted it, home, score then, score now, answered at) of this run's counted
    answers that a published month of the MONTHS_BACK before counted under the same id, grid and home."""
    if ctx.request.replay is not None:
        return []
    months = [str(m) for m in Month.parse(ctx.month).previous.back(MONTHS_BACK)]
    with connect(ctx.settings.db) as con:
        rows = con.execute(COUNTED_BEFORE, {"run": ctx.run_id, "month": ctx.month, "months": months}).fetchall()
    # only from a download holding that month's answers too (a whole history): a paper sheet numbered P1, P2 ...
    # each month gives a home the id it had before (trial 139's P7, said as a 修改答卷)
    whole = {(f.split("#")[0], m) for m, held in earlier_ids(ctx.workdir, ctx.month).items() for f, _, _ in held} \
        if rows else set()
    return [r[:6] for r in rows if (r[6].split("#")[0], r[1]) in whole]


def say_answers_counted_before(ctx: RunContext) -> None:
    rows = answers_counted_before(ctx)
    if not rows:
        return
    shown = "; ".join(f"{rid} ({home or 'no home'}: {then:.2f} in {month}, {now:.2f} now"
                      f"{f', given or changed {at:%Y-%m-%d}' if at is not None else ''})"
                      for rid, month, home, then, now, at in rows[:SHOWN])
    n = len(rows)
    log.warning("%d answer%s counted now %s counted by a published month before, under the same id, grid and home: "
                "%s%s. A platform's 修改答卷 keeps an answer's id and gives it the time it was changed, so each month "
                "counts the version its files hold, the changed one in the month of the change: leave it so (taking "
                "it out of this month would count the change in no month, the earlier month keeping the version the "
                "resident withdrew)", n, "s" if n != 1 else "",
                "was" if n == 1 else "were", shown, f"; and {n - SHOWN} more" if n > SHOWN else "",
                extra=headed("other_months"))
