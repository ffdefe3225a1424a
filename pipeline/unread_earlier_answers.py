"""Answers of an earlier published month that this month's downloads hold and its published run never read
(ingest/late_answers.py keeps their ids): given after that month's download was made, they count nowhere
unless that month is run again on a download holding them. Answers a month's run left out on purpose
(--accept-fewer-answers: test answers taken out of its download) are not said again every later month
(a sixty-fourth trial was told so each month, and to put the later download in that month's place, which
would have counted its test answers)."""
from __future__ import annotations

import logging

from gridpay.ingest.late_answers import earlier_ids
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.store.accepted_downloads import taken_out_until
from gridpay.store.warehouse import connect
from gridpay.transforms.parsing import parsed_timestamp

log = logging.getLogger("gridpay")


def say_late_answers(ctx: RunContext) -> None:
    """Answers of an earlier published month that this month's downloads hold and its published run
    never read (ingest/late_answers.py): given after that month's download was made, counted nowhere."""
    held = earlier_ids(ctx.workdir, ctx.month) if ctx.request.replay is None else {}
    if not held:
        return
    with connect(ctx.settings.db) as con:
        for month, rows in held.items():
            run = con.execute("select run_id from published where month = ?", [month]).fetchone()
            if not run:                   # not published here: say_unrun_months says so
                continue
            # an answer is its id and time, to the minute: a download saved again through Excel drops the
            # seconds (a sixty-third trial was told its 106 answers were never read, and that they were another form's)
            pairs = con.execute("select distinct response_id, submitted_at, date_trunc('minute', submitted_at_ts) "
                                "from raw_surveys where run_id = ?", [run[0]]).fetchall()
            read = {(r, typed) for r, typed, _ in pairs} | {(r, minute) for r, _, minute in pairs if minute}
            # ... or another id at the same second: the demo's September export (R2026090000783) and October's
            # cumulative 问卷星 download (序号 1 ...) hold the same 665 answers, and every `gridpay demo` was told to
            # put a copy of the download beside September's, which would have read each answer twice
            seconds = {at for (at,) in con.execute("select distinct date_trunc('second', submitted_at_ts) from "
                                                   "raw_surveys where run_id = ? and submitted_at_ts is not null",
                                                   [run[0]]).fetchall()}
            late = _unread(rows, read, taken_out_until(con, run[0]), ctx, seconds) if read else []
            ids = {r for r, _ in read}
            for file in dict.fromkeys(file for file, _ in late):      # each file's own (trial 91: all files' rows)
                mine = [rid for f, rid in late if f == file]
                in_file = sum(f == file for f, _, _ in rows)
                clash = len(mine) == in_file and any(rid in ids for rid in mine)
                _say(file, month, run[0], mine, "clash" if clash else "same" if len(mine) < in_file else "other")


def _say(file: str, month: str, run_id: str, late: list[str], kind: str) -> None:
    """One file's answers of `month` its published run never read, and what to do: a cumulative download of the
    same form goes in place of the month's; another form's beside it; a file whose answers carry ids the run read
    for other answers is another community's or form's download under this name (a ninety-first trial's 柳岸
    download saved under 凤鸣's file name was to be put in place of 凤鸣's October download)."""
    ids = (("id " if len(late) == 1 else "ids ") + ", ".join(late[:10]) + (" ..." if len(late) > 10 else ""))
    one = len(late) == 1
    where = {"same": f"where this download holds all of {month}'s answers (a cumulative download of the same form), "
                     f"put it in place of {month}'s download in surveys/{month}/",
             # a download holding none of the answers the month's run read is another form's or platform's: in
             # place of the month's own, it would lose them all (a thirty-third trial's 腾讯问卷 beside 问卷星)
             "other": f"this download holds none of the answers {month}'s run read (another form or platform): put a "
                      f"copy of it beside {month}'s downloads in surveys/{month}/ (its rows of other months are set "
                      f"aside there)"}.get(kind)
    if where is None:
        log.warning("%s holds %s of %s under %s that %s's published run (%s) read for other answers, given at other "
                    "times (%s): it may be another community's or form's download saved under this file's name; check "
                    "it (gridpay inspect) before putting it in surveys/%s/", file,
                    f"{len(late)} answer{'' if one else 's'}", month, "an id" if one else "ids", month, run_id, ids,
                    month, extra=headed("other_months"))
        return
    log.warning("%s holds %s of %s that %s's published run (%s) never read (%s): given after that month's "
                "download was made, so %s counts %s nowhere. To count %s, %s's survey files must hold %s: "
                "%s and run %s again (with --reason once it is final)", file,
                f"{len(late)} answer{'' if one else 's'}", month, month, run_id, ids, month,
                "it" if one else "them", "it" if one else "them", month, "it" if one else "them", where, month,
                extra=headed("other_months"))


def _unread(rows, read: set, until, ctx: RunContext, seconds: set = frozenset()) -> list[tuple[str, str]]:
    """(file, id) of the rows whose id (as any prefix reads it) and time, as typed or to the minute, the
    month's run did not read, nor any answer at its second (`seconds`: another export's ids for the same answers);
    a time is parsed only where its text was not read as typed, once (a year's download is 18,000 rows of other
    months, and parsing each twice took 2.3 s of a 15 s run)."""
    late = []
    for file, rid, at in rows:
        ids = _ids_as_read(rid, ctx)
        if any((r, at) in read for r in ids):
            continue
        ts = parsed_timestamp(at, ctx.policy.timezone)
        minute = None if ts is None else ts.floor("min").to_pydatetime()
        if ts is not None and ts.floor("s").to_pydatetime() in seconds:
            continue
        if not any((r, minute) in read for r in ids) and not _taken_out(minute, until):
            late.append((file, rid))
    return late


def _taken_out(minute, until) -> bool:
    """Given before the latest answer a run read that published on purpose without answers its download held
    (--accept-fewer-answers): taken out of that download (test answers), said by that month's run."""
    return until is not None and minute is not None and minute <= until


def _ids_as_read(rid: str, ctx: RunContext) -> set[str]:
    """The id, and the id without a platform's id_prefix: a month published under a policy before the
    prefix read 金数据's J7 as 7; with and without a file's prefix: a download renamed so that its name no
    longer holds the text of [survey.file_id_prefixes] gives its ids none (a sixty-fourth trial's C98, 98)."""
    files = {prefix for _, prefix in ctx.policy.file_id_prefixes if prefix}     # a renamed file's ids lose theirs
    return ({rid} | {rid[len(p.id_prefix):] for p in ctx.policy.platforms if p.id_prefix and rid.startswith(p.id_prefix)}
            | {prefix + rid for prefix in files} | {rid[len(prefix):] for prefix in files if rid.startswith(prefix)})
