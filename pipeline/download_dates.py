"""A download made before the month ended misses its last days' answers (a sixtieth trial's October download,
made on the 28th, left out 32 answers: W06 paid 1262.38 for 1136.00, exit 0, nothing said; the next month's
download finds them only after the 公示 has begun). A community whose survey closes before the month ends looks
the same, so only where the month before had answers in its own last days, or, for one platform download, where
the month's other files have answers to its end (a first month has no month before)."""
from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta

from gridpay.core.month import Month
from gridpay.expectations.repeated_ids import ids_across_files, lacked_by_later
from gridpay.expectations.early_downloads import (LAST_DAYS, downloaded_after, latest_answer, older_forms_tails,
                                                  platform_latest, previous_months_downloads)
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.verdicts import fail_gate
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")
# a gap with fewer answers expected in it happens by chance: none at all where 5 were expected, in 1 form-month of
# 150 (at 3, 1 in 20: trial 129's six small forms a month, one stopped every fourth month)
MISSED_AT_LEAST = 5
STAMP = re.compile(r"(?<!\d)(20\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:\d{4}|\d{6})?(?!\d)")


def say_download_before_month_end(ctx: RunContext, today: date | None = None) -> None:
    """Warn where the month is over, its latest answer (or a platform download's own) is more than LAST_DAYS days
    before its end, and the month before's published run counted answers of its last LAST_DAYS days; stop the
    month there under gate.downloads_before_month_end (policy 2027.15) unless the run accepts fewer answers."""
    m = Month.parse(ctx.month)
    if ctx.request.replay is not None or (today or date.today()) <= m.last_day:
        return
    tailed = _say_older_forms(ctx)
    latest, dated = latest_answer(ctx.workdir)
    after = downloaded_after(ctx.workdir, ctx.month)     # a file holding a later month's answers was made after it
    month_early = latest is not None and missed_answers(m, latest, dated) >= MISSED_AT_LEAST and not after
    # a first month has no month before to say the survey ran to its end: its platform downloads are judged one by one
    # (trial 281: a preview download of the 20th alone, its paper forms to the 23rd)
    first = ctx.policy.outcome.first_month_downloads and latest is not None and _first_month(ctx)
    month_early = month_early and not first
    files, files_n, shared = ({}, {}, []) if month_early else _early_files(ctx, m, after | tailed)
    before_end = _month_before_to_its_end(ctx.settings.db, m) if month_early or files else None
    # a download ending early beside the month's other files answering to its end needs no month before to say the
    # survey ran to the end (trial 161's first month: one grid's form downloaded on the 25th, 28 answers unread); nor,
    # said only, in a first month (a typed sheet holds the forms collected, whenever the collecting stopped: not so)
    others_to_end = latest is not None and missed_answers(m, latest, MISSED_AT_LEAST) == 0
    first = first and bool(files) and not others_to_end
    if not (month_early and before_end is not None or files and (before_end is not None or others_to_end or first)):
        return
    month_early = month_early and before_end is not None
    why = (f"and {ctx.month} is the first month this warehouse publishes (no month before, and no other file, says "
           f"whether the survey closed early or ran on: check before signing)" if first else f"while the month's other "
           f"survey files have answers to {latest:%Y-%m-%d}" + (f" and {m.previous} had answers to its last days"
                                                               if before_end else ""))
    lacked = lacked_by_later(ctx.workdir, shared) if files else {}
    accepted = ctx.request.accept_fewer_answers     # HR's to sign for: no advice to download again (trial 224)
    lines = [] if not month_early else [
        f"{ctx.month}'s latest answer in its survey files is at {latest:%Y-%m-%d %H:%M}, "
        f"{(m.last_day - latest.date()).days} days before the month ended, while {m.previous} had answers to its last "
        f"days ({before_end:%Y-%m-%d %H:%M}): a download made before the month ended misses the answers after it" + (
            "" if accepted else f"; download the form again now and put it in surveys/{ctx.month}/ in place of the "
            f"earlier one, then run again (if the form closed on {latest:%Y-%m-%d} on purpose, nothing is missing)")]
    lines += [f"{file}: this platform download's latest answer is at {at:%Y-%m-%d %H:%M}, {(m.last_day - at.date()).days} "
              f"days before {ctx.month} ended, {why}{_stamp_said(file)}: at its own pace about "
              f"{missed_answers(m, at, files_n[file]):.0f} more answers were due by the month's end, which a download "
              f"made before then misses" + ("" if accepted else f"; download the form again now and put it in "
              f"surveys/{ctx.month}/ in place of this one, then run again (if the online form closed on {at:%Y-%m-%d} "
              f"on purpose, or a download made after the month ended holds no later answer, nothing is missing)")
              + _lacked_said(lacked.get(file)) for file, at in files.items()]
    if ctx.policy.outcome.early_downloads == "stop" and previous_months_downloads(ctx.workdir, ctx.month):
        return      # the month before's download in this one's place: the gate names it (gate.early_downloads)
    if ctx.policy.outcome.downloads_before_month_end == "stop" and not ctx.request.accept_fewer_answers and not first:
        # trial 119: the 28 November download published, W3 paid 255.36 too much, an English line the only word;
        # trial 135's quiet 金数据 form, downloaded again after the month, held the same 15 answers: the flag is the way;
        # a first month's is said: a form closed early on purpose looks the same, and no month before says
        raise fail_gate(ctx, f"{ctx.month}: {'; '.join(lines)}. Nothing published; if the form closed early on "
                             f"purpose, or it was downloaded again after the month ended and nobody had answered "
                             f"since, run with --accept-fewer-answers (said on the scorecard; policy "
                             f"gate.downloads_before_month_end){_short_too(ctx)}")
    for line in lines:
        # accepted, it is HR's to sign for, not to download again (trial 224's scorecard said 请在月末后重新下载)
        log.warning("%s%s", line, " (accepted: --accept-fewer-answers)" if ctx.request.accept_fewer_answers else "",
                    extra=headed("accepted" if ctx.request.accept_fewer_answers else "early_download"))


def _early_files(ctx: RunContext, m: Month, passed: set[str]) -> tuple[dict[str, datetime], dict[str, int], list]:
    """The platform downloads whose own pace would have had MISSED_AT_LEAST answers after their latest ({file: its
    latest}), but those `passed`, stamped after the month, or another file holds every answer of; each download's
    answers; the month's ids two files share."""
    latest_by_file = platform_latest(ctx.workdir)
    files_n = {f: n for f, (at, n) in latest_by_file.items()}
    files = {f: at for f, (at, n) in latest_by_file.items()
             if missed_answers(m, at, n) >= MISSED_AT_LEAST and not stamped_after(f, m) and f not in passed}
    shared = ids_across_files(ctx.workdir, ctx.policy.items) if files else []      # the month's ids two files share
    return {f: at for f, at in files.items() if f not in _covered(shared)}, files_n, shared


def _say_older_forms(ctx: RunContext) -> set[str]:
    """The month before's forms still answered in this month's first days (no download made early): said; their files."""
    tails = older_forms_tails(ctx.workdir, ctx.month)
    for tail in tails:
        log.warning("%s holds %d answers of %s and %d of this month, the latest at %s: the form of %s, still answered "
                    "in %s's first days, beside %s's own download of its grids: its %d answers of %s count",
                    tail.file, tail.earlier_rows, tail.earlier_month, tail.rows, f"{tail.latest:%Y-%m-%d %H:%M}",
                    tail.earlier_month, ctx.month, ctx.month, tail.rows, ctx.month, extra=headed("other_months"))
    return {t.file for t in tails}


def _short_too(ctx: RunContext) -> str:
    """The short downloads the same flag would publish too, named before HR types it: trial 224's 问卷星 download,
    early on purpose and with G05's 13 rows deleted, was stopped for its date alone, and the flag published both."""
    from gridpay.ingest.download_counts import missing_numbers, short_downloads
    if ctx.policy.outcome.short_downloads != "stop" or not (short := short_downloads(ctx.workdir)):
        return ""
    return ". --accept-fewer-answers would also publish " + "; ".join(
        f"{file}, which holds {rows} answer rows where its name says {named}{missing_numbers(ctx.workdir, file, named)} "
        f"(rows filtered out or deleted: download it again unless they were taken out on purpose)"
        for file, named, rows in short)


def _lacked_said(lacked: tuple[str, int, tuple[str, ...]] | None) -> str:
    if lacked is None:
        return ""
    later, count, ids = lacked
    shown = f"{', '.join(ids)}{' ...' if count > len(ids) else ''}"
    return (f"; {later!r} is a later download of its form, with the same answers under every id the two share, but "
            f"without {'its answer' if count == 1 else f'{count} of its answers'} {shown}: deleted on the platform "
            f"since? Unless deleted on purpose, type {'it' if count == 1 else 'them'} into the sheet HR types (ids, "
            f"times, grids, homes and phones as this file gives them), then take this file out and keep the later")


def _covered(shared: list) -> set[str]:
    """Downloads another file of the month holds every answer of (the same form downloaded again later; `shared`:
    ids_across_files'): the stop for two downloads of one form says which to keep (pipeline/id_messages.py); a
    hundred-and-fifty-sixth trial's earlier download was first told to download the form again, the later already
    beside it."""
    return {f for s in shared if s.later_download for f in s.files if f != s.later_download}


def stamped_after(file: str, m: Month) -> bool:
    """Does the file's name carry a date after the month's end (腾讯问卷_..._20261101.csv: the platform's or the
    clerk's stamp of the day it was downloaded)? Such a download misses nothing of the month (trial 129's)."""
    stamps = [match.groups() for match in STAMP.finditer(file.rsplit("/", 1)[-1])]
    return any(date(int(y), int(mo), int(d)) > m.last_day for y, mo, d in stamps if _real_day(y, mo, d))


def _stamp_said(file: str) -> str:
    """Trial 135's quiet form named a file stamped _20261130 "a download made on 2026-11-22" (its latest answer's
    day): the day a file was downloaded is said only where its name says it."""
    days = [f"{y}-{mo}-{d}" for y, mo, d in (x.groups() for x in STAMP.finditer(file.rsplit("/", 1)[-1]))
            if _real_day(y, mo, d)]
    return f" (its name says {days[-1]})" if days else ""


def _real_day(y: str, mo: str, d: str) -> bool:
    try:
        date(int(y), int(mo), int(d))
    except ValueError:
        return False
    return True


def missed_answers(m: Month, latest: datetime, answers: int) -> float:
    """The answers a form answering at its own rate would have had after its latest one, to the month's end, if
    that is more than LAST_DAYS days; 0 otherwise. Trial 128's 腾讯问卷 form, an answer every two days, had its
    last on the 29th: a gap its own pace explains, stopped as an early download."""
    end = datetime.combine(m.last_day + timedelta(days=1), datetime.min.time())
    if latest >= end - timedelta(days=LAST_DAYS):
        return 0.0
    open_days = max((latest - datetime.combine(m.first_day, datetime.min.time())).total_seconds() / 86400, 1.0)
    return answers / open_days * (end - latest).total_seconds() / 86400


def _first_month(ctx: RunContext) -> bool:
    """Is no month before the run's published in its warehouse?"""
    from gridpay.store.grid_history import last_published
    with connect(ctx.settings.db) as con:
        return last_published(con, ctx.month) is None


def _month_before_to_its_end(db, m: Month) -> datetime | None:
    """The latest answer the month before's published run counted, if within its last LAST_DAYS days."""
    before = m.previous
    with connect(db) as con:
        row = con.execute("select max(s.submitted_at_ts) from published p join counted_responses c using (run_id) "
                          "join raw_surveys s on s.run_id = c.run_id and s.row_id = c.row_id "
                          "where p.month = ? and c.month = ?", [str(before), str(before)]).fetchone()
    at = row[0] if row else None
    return at if at is not None and at >= datetime.combine(before.last_day - timedelta(days=LAST_DAYS - 1),
                                                          datetime.min.time()) else None
