"""A re-run of a published month whose survey files lack answers its published run counted: found and worded.
An answer is its id and time to the minute (a download saved again through Excel drops the seconds), not its id
alone: a ninety-first trial's other community's download under this community's file name gave its own answers
ids the month's published answers had, and was told 22 of 64 published answers were missing, with a way out
(--accept-fewer-answers) that would have paid one community on the other's residents."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

import duckdb

from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.stop_messages import stop_line

log = logging.getLogger("gridpay")


@dataclass
class LostAnswers:
    run_id: str                                          # the month's published run
    missing: dict[str, list[str]] = field(default_factory=dict)    # the file it read -> ids today's files lack
    replaced: int = 0                                    # of those, ids today's files give answers of other times
    later: int = 0                                       # ids today's files hold in a later month (修改答卷)
    renumbered: dict[str, str] = field(default_factory=dict)   # id -> today's id of an answer of its minute (P12)

    def __bool__(self) -> bool:
        return bool(self.missing)


def published_answers_missing(ctx: RunContext) -> LostAnswers | None:
    """The answers of files the published run read whose bytes no file of today has, that today's files lack.
    A file replaced by a later download filtered by date (a thirty-eighth trial followed "put it in place of the
    earlier one": 50 answers gone, every grid paid at neutral, exit 0)."""
    from gridpay.store.runs import counted_answers
    if ctx.policy.outcome.published_answers != "stop" or ctx.request.replay is not None:
        return None
    published = ctx.published                       # run_month looked it up
    today = {f.sha256 for f in ctx.inputs.files}
    gone = [e.name for e in published[1] if e.name.startswith("surveys/") and e.sha256 not in today] if published else []
    if not gone:
        return None
    held, lost = _staged_answers(ctx.workdir), LostAnswers(published[0])
    ids, later = {rid for rid, _ in held}, later_months_ids(ctx.workdir, ctx.month)
    at_minute: dict[object, set[str]] = {}
    for rid, minute in held:
        at_minute.setdefault(minute, set()).add(rid)
    for source, rid, minute in counted_answers(ctx.settings.db, published[0], ctx.month):
        if (rid, minute) in held or (rid, None) in held or (minute is None and rid in ids):
            continue
        if any(source == g or source.startswith(f"{g}#") for g in gone):
            lost.missing.setdefault(source, []).append(rid)
            lost.replaced += rid in ids
            lost.later += rid in later
            # trial 211: paper forms' ids given a prefix since (12 is P12 now), told only that answers were lost
            now = [i for i in at_minute.get(minute, ()) if minute is not None and (i.endswith(rid) or rid.endswith(i))]
            if now:
                lost.renumbered[rid] = sorted(now)[0]
    if lost and ctx.request.accept_fewer_answers:      # a file that should never have counted: said, kept
        n = sum(map(len, lost.missing.values()))
        log.warning("%d answer%s that the month's published run %s counted %s not in today's survey files "
                    "(%s%s); published without %s (--accept-fewer-answers)", n, "s" * (n != 1), published[0],
                    "are" if n != 1 else "is", ", ".join(sorted(lost.missing)), _replaced(lost),
                    "them" if n != 1 else "it", extra=headed("changed_answers"))
        return None
    return lost or None


def later_months_ids(workdir, month: str) -> set[str]:
    """The response ids of the rows today's files hold dated after `month` (set aside as a later month's)."""
    with stage_connection(workdir) as con:
        try:
            return {rid for (rid,) in con.execute("select distinct response_id from set_aside_ids where month > ?",
                                                  [month]).fetchall()}
        except duckdb.CatalogException:
            return set()


def _staged_answers(workdir) -> set[tuple[str, object]]:
    """(response id, time to the minute; None where unread) of every answer this month's files hold."""
    with stage_connection(workdir) as con:
        try:
            return set(con.execute("select distinct response_id, date_trunc('minute', submitted_at_ts) from surveys "
                                   "where response_id is not null").fetchall())
        except duckdb.CatalogException:
            return set()


def _replaced(lost: LostAnswers) -> str:
    return (f"; today's files give {lost.replaced} of their ids to answers of other times: another community's or "
            f"form's download under the name of the month's own?" if lost.replaced else "")


def published_answers_message(ctx: RunContext, lost: LostAnswers) -> str:
    count = sum(map(len, lost.missing.values()))
    found = [f"{file}: {len(ids)} (ids {', '.join(sorted(ids)[:5])}{' ...' if len(ids) > 5 else ''})"
             for file, ids in sorted(lost.missing.items())]
    put_back = (f"Put the file the month was published from back in surveys/{ctx.month}/, or in its place a download "
                f"of the form holding every answer of the month (not one filtered by date), and run again")
    if lost.later == count:
        # trial 137: a download made after a resident changed an answer (修改答卷) was told of another community's
        return stop_line(ctx, f"today's survey files lack {count} answer{'s' if count != 1 else ''} that the month's "
                              f"published run {lost.run_id} counted, so the month would be paid again without them; "
                              f"today's files hold {'it' if count == 1 else 'each'} under its id "
                              f"in a later month: changed since by {'its resident' if count == 1 else 'their residents'} (a platform's 修改答卷 keeps an answer's id and gives it the time it was "
                              f"changed), so the changed answers count in the month they were changed", found,
                         f"Put the file the month was published from back in surveys/{ctx.month}/ and run again; to "
                         f"run on this download (answers of the month it holds that the first did not count then), "
                         f"run again with --accept-fewer-answers: the changed answers count in the month of their "
                         f"change only")
    if len(lost.renumbered) == count:
        shown = ", ".join(f"{a} as {b}" for a, b in sorted(lost.renumbered.items())[:5])
        return stop_line(ctx, f"today's survey files lack {count} answer id{'s' if count != 1 else ''} that the "
                              f"month's published run {lost.run_id} counted, and hold an answer of the same minute "
                              f"under another id for each ({shown}{' ...' if count > 5 else ''}): renumbered since "
                              f"the month was published (a prefix the policy's survey.file_id_prefixes gives a file "
                              f"now, or a sheet's ids typed again). Appeals, calls and the published lists name a "
                              f"month's answers by their ids, so a published month keeps them", found,
                         f"Run it again under the policy it was published with (--reference published), or put the "
                         f"file it was published from back in surveys/{ctx.month}/; give new ids from the next month")
    if lost.replaced:           # the answers are not missing: another file stands in their place under their ids
        return stop_line(ctx, f"today's survey files lack {count} answer{'s' if count != 1 else ''} that the month's "
                          f"published run {lost.run_id} counted, so the month would be paid again without them; "
                          f"today's files give {lost.replaced} of their ids to other answers (other times), so a "
                          f"download of another community or form is in the place of the month's own", found,
                     f"{put_back}; check each file's community and form (gridpay inspect) before running again. If "
                     f"the month was published from the wrong file (another grid's form downloaded under this one's "
                     f"name) and today's is its own, run again with --accept-fewer-answers --reason "
                     f"\"...\": the lost answers are said on the console and the scorecard")
    return stop_line(ctx, f"today's survey files lack {count} answer{'s' if count != 1 else ''} that the month's published "
                      f"run {lost.run_id} counted, so the month would be paid again without them", found,
                 f"{put_back}; if those answers should never have counted (a file of another month or community), "
                 f"run again with --accept-fewer-answers (said on the scorecard)")
