"""A re-run of a published month whose survey files give other answers under the same ids. A download
edited by hand (a fifty-fourth trial's auditor raised three answers in a published month's file and
ran it again) was published with exit 0, and its audit passed: an audit replays the edited file. A
paper answer keyed in wrong and put right is the same change made for a good reason, so the run goes
on, but says which answers changed, on the console and on the scorecard HR signs. Compared where the
policy is the one the month was published with (another policy changes every score: reference_drift
names that), on what each answer counted for, so that a download saved in another layout (options
as texts or as numbers) is no change."""
from __future__ import annotations

import logging

from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import ON_SCORECARD, headed
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")
SHOWN = 5          # answers named; the rest are counted

CHANGED = """
with published as (
    select s.response_id, s.source_file, c.grid_id, c.response_score from counted_responses c
    join raw_surveys s using (run_id, row_id) where c.run_id = $published and c.month = $month
), today as (
    select s.response_id, c.grid_id, c.response_score from counted_responses c
    join raw_surveys s using (run_id, row_id) where c.run_id = $today and c.month = $month
)
select p.response_id, p.source_file, p.grid_id, t.grid_id, p.response_score, t.response_score
from published p join today t using (response_id)
where (p.grid_id is distinct from t.grid_id or p.response_score <> t.response_score)
  -- an answer an appeal counts in its resident's grid moved for the reason appeals.csv gives (trial 199's re-check
  -- was told its 2 moved answers were changed with nothing saying why)
  and not (p.response_score = t.response_score and p.response_id in (
      select response_id from raw_appeals where run_id in ($published, $today) and month = $month
      and moves_answer(decision, category, resident_grid)))
order by p.source_file, p.response_id
"""


ADDED = """
select s.response_id, s.source_file, s.submitted_at_ts from counted_responses c
join raw_surveys s using (run_id, row_id)
where c.run_id = ? and c.month = ? and s.response_id is not null and s.response_id not in (
    select response_id from raw_surveys where run_id = ? and response_id is not null)
order by s.submitted_at_ts, s.response_id
"""


def added_answers(ctx: RunContext) -> list[tuple]:
    """(response id, file, submitted at) of the answers this re-run of a published month counts whose ids the
    published run did not read at all, on whatever policy: a sixty-second trial's five all-满意 answers added
    to a finalized month's download raised a worker's pay by 147.36 yuan, exit 0, nothing said."""
    if not ctx.published or ctx.request.replay is not None:
        return []
    with connect(ctx.settings.db) as con:
        return con.execute(ADDED, [ctx.run_id, ctx.month, ctx.published[0]]).fetchall()


def changed_answers(ctx: RunContext) -> list[tuple]:
    """(response id, its published file, grid then, grid now, score then, score now) of the answers the
    published run and this one both counted, on the same policy, that count differently."""
    published = ctx.published
    if not published or ctx.request.replay is not None:
        return []
    policy = next((e.sha256 for e in published[1] if e.name == ctx.inputs.policy_file.name), None)
    if policy != ctx.inputs.policy_file.sha256:
        return []
    with connect(ctx.settings.db) as con:
        rows = con.execute(CHANGED, {"published": published[0], "today": ctx.run_id, "month": ctx.month}).fetchall()
    if ctx.request.reference == "inbox":      # today's grids.csv on purpose: an answer may move grid by it
        rows = [r for r in rows if r[4] != r[5]]
    return rows


def _why(ctx: RunContext, what: str) -> str:
    if (ctx.request.reason or "").strip():
        return f"The run's reason: {ctx.request.reason.strip()}"
    # a run made only to record a reason confused a sixty-third trial: the month is published either way
    # "right as published" read as "nothing changed" to a ninety-fourth trial, and the run republished the month
    return (f"Nothing says why: if {what}, "
            f"the month is right as this run publishes it (a run's --reason says why, which gridpay history keeps); "
            f"if not, compare today's files with the ones the month was published from")


def say_added_answers(ctx: RunContext) -> bool:
    """Warn (console and scorecard) of answers counted now that the published run never read; said?"""
    rows = added_answers(ctx)
    if not rows:
        return False
    days = sorted({f"{at:%m-%d}" for _, _, at in rows if at is not None})
    dated = f", dated {days[0]}{'' if len(days) == 1 else f' to {days[-1]}'}" if days else ""
    log.warning("today's survey files hold %d answer%s that %s's published run %s did not read, counted now (%s%s): "
                "%s%s. %s", len(rows), "" if len(rows) == 1 else "s", ctx.month, ctx.published[0],
                ", ".join(sorted({r[1] for r in rows})), dated, ", ".join(str(r[0]) for r in rows[:SHOWN]),
                f" and {len(rows) - SHOWN} more" if len(rows) > SHOWN else "",
                _why(ctx, "they were added on purpose (a later download of the whole month, paper forms keyed in "
                          "since)"),
                extra=headed("changed_answers"))
    return True


def say_changed_answers(ctx: RunContext) -> None:
    """Warn (console and scorecard) of answers counted under the same id with other scores or grids, and of
    answers the published run never read."""
    added = say_added_answers(ctx)
    rows = changed_answers(ctx)
    reason = (ctx.request.reason or "").strip()
    if not rows and not added and reason and ctx.published and ctx.request.replay is None:
        # the reason of a correction on the scorecard HR signs, not only in `gridpay history` (trial 62); from
        # output format 10 the scorecard says it in its own words, with what the correction changed
        log.warning("this run replaces %s's published run %s; its reason: %s", ctx.month, ctx.published[0], reason,
                    extra=ON_SCORECARD if (ctx.request.output_format or 1) >= 10 else {})
    if not rows:
        return
    shown = "; ".join(f"{rid} ({_change(*rest)})" for rid, _file, *rest in rows[:SHOWN])
    files = sorted({row[1] for row in rows})
    log.warning("today's survey files count %d answer%s otherwise than %s's published run %s did (%s): %s%s. %s",
                len(rows), "" if len(rows) == 1 else "s", ctx.month, ctx.published[0], ", ".join(files), shown,
                f"; and {len(rows) - SHOWN} more" if len(rows) > SHOWN else "",
                _why(ctx, "a file was edited by hand (a paper answer keyed in wrong and put right)"),
                extra=headed("changed_answers"))


def _change(grid_then, grid_now, score_then, score_now) -> str:
    parts = [f"grid {grid_then} -> {grid_now}"] if grid_then != grid_now else []
    if score_then != score_now:
        parts.append(f"score {score_then:.2f} -> {score_now:.2f}")
    return ", ".join(parts)
