"""A month that would be paid as if nobody had answered: no survey file for it, or survey files whose
every row is dated in another month (a twenty-second field trial's September download placed in
October's folder published October with every worker at the neutral coefficient, exit 0, though a
month with no survey file stops). Either stops unless `--allow-empty-month` says it is meant; the
stop names the month's download where it lies in a neighbouring month's folder, and the files in the
month's folder gridpay does not read (a UTF-16 text file Excel saved as .txt). Where the month has survey
files too, those unread files are said (a thirty-seventh trial's paper sheet saved as .txt beside the
download: 16 answers counted nowhere, exit 0, nothing said), and so are survey files no month reads
(ingest/unread_surveys.py: a folder named 2026年10月/, a subfolder of the month's)."""
from __future__ import annotations

import logging

from gridpay.ingest.formats import SURVEY_SUFFIXES
from gridpay.ingest.staging import is_survey
from gridpay.core.wording import listed
from gridpay.ingest.unread_surveys import (loose_survey_files, month_subfolders, month_zips, sheets_saved_as_text,
                                          unread_line, zipped_surveys)
from gridpay.pipeline import gate_findings
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.stop_messages import misfiled_message

log = logging.getLogger("gridpay")
NEUTRAL = ("A month with no answers pays every worker at the neutral coefficient: to publish it on purpose, run "
           "again with --allow-empty-month")


def empty_month_stop(ctx: RunContext, surveys: int, rows: int, aside: dict[str, int]) -> str | None:
    """The stop's message where the month has no survey file, or (not in an audit, which replays what
    its run read) files whose rows are all of other months; None otherwise or with --allow-empty-month."""
    other_months = {what: n for what, n in aside.items() if what.startswith("rows of ")}
    replay = ctx.request.replay is not None
    if surveys and not replay and (unread := _unread(ctx)):
        log.warning("surveys/%s/:%s; if one holds answers of %s, they count nowhere", ctx.month, unread[1:],
                    ctx.month, extra=headed("files_unread"))
    loose = [] if replay else loose_survey_files(ctx.settings.inbox)      # stopped on below
    if surveys and not replay and not loose and (stray := unread_line(ctx.settings.inbox / "surveys", ctx.month)):
        log.warning("%s", stray, extra=headed("files_unread"))
    if not replay and (inside := month_subfolders(ctx.settings.inbox / "surveys", ctx.month)):
        return (f"{ctx.month}: surveys/{ctx.month}/ holds folders of survey files that the month does not read "
                f"({listed(inside, 5)}): the month would be paid without their answers; nothing published. Move "
                f"the files of {ctx.month}'s answers into surveys/{ctx.month}/ itself, and a copy of files already "
                f"there out of surveys/, and run again")
    if not replay and (zips := month_zips(ctx.settings.inbox / "surveys", ctx.month)):
        return (f"{ctx.month}: surveys/ holds the month's zip files of survey files, which the month does not read "
                f"({listed(zips, 5)}): the month would be paid without their answers; nothing published. Unzip each "
                f"into surveys/{ctx.month}/ itself (its files, not a folder of them; a file already there once is "
                f"not unzipped again), move the zip out of the inbox (keep it with your downloads), and run again")
    if loose:
        # trial 236: October's download saved in surveys/ beside its folder's paper sheet published every worker at
        # neutral on a 1.4% response rate, exit 0, said on the console and the scorecard
        return (f"{ctx.month}: the inbox holds survey files outside every month's folder, which no month reads "
                f"({listed(loose, 5)}): if one holds answers of {ctx.month}, the month would be paid without them; "
                f"nothing published. Move each into the folder of its month (surveys/{ctx.month}/ for this month's), "
                f"or out of the inbox if no month needs it (keep it with your downloads), and run again")
    if not replay and (books := _workbooks_unread(ctx)):     # trial 189: a WPS .et sheet, 13 answers left out unsaid
        return (f"{ctx.month}: surveys/{ctx.month}/ holds workbooks gridpay does not read ({listed(books, 5)}): the "
                f"month would be paid without their answers; nothing published. Save each as .xlsx (WPS: 文件 > 另存为 "
                f"> Excel 文件 (*.xlsx); Excel: 另存为 > Excel 工作簿) into surveys/{ctx.month}/, move the original out "
                f"of the inbox, and run again")
    if not replay and (texts := sheets_saved_as_text(ctx.settings.inbox / "surveys", ctx.month)):
        return (f"{ctx.month}: surveys/{ctx.month}/ holds sheets saved as text, which gridpay does not read "
                f"({listed(texts, 5)}): the month would be paid without their answers; nothing published. Rename each "
                f"to .csv (a sheet saved as 'Unicode 文本' is read so), or save it as .xlsx and move the .txt out of the "
                f"inbox, and run again")
    if surveys and not rows and not other_months and not replay:     # trial 116: a header-only download, unsaid
        log.warning("%s: the month's survey files hold no answer (their header only): every worker is paid at the "
                    "neutral coefficient; a download taken before anyone answered, or filtered to nothing, misses the "
                    "month's answers: download the form again and run again", ctx.month, extra=headed("no_answers"))
    if ctx.request.allow_empty or (surveys and (rows or not other_months or replay)):
        return None
    if misfiled := gate_findings.misfiled_downloads(ctx):       # the month's own download, in another folder
        return misfiled_message(ctx, misfiled)
    if not surveys:
        return (f"{ctx.month}: no survey file for the month in {ctx.settings.inbox / 'surveys'} (looked for "
                f"{ctx.month}*.csv|.xls|.xlsx|.parquet and the folder {ctx.month}/){_unread(ctx)}; nothing "
                f"published. {_stray(ctx)}{_published_from(ctx) or NEUTRAL}")
    dated = ", ".join(f"{n} {what}" for what, n in sorted(other_months.items()))
    return (f"{ctx.month}: every row of the month's survey files is dated in another month (set aside: {dated}), "
            f"so the month would be paid as if nobody had answered; nothing published. Is the download one of "
            f"another month? The month's own goes in surveys/{ctx.month}/. {NEUTRAL}")


def _published_from(ctx: RunContext) -> str | None:
    """A published month re-run without its download: where to put it back, not --allow-empty-month (a seventy-
    fourth trial's clerk, correcting a month restored without inbox/, was told to pay everyone at neutral)."""
    files = [f.name for f in (ctx.published[1] if ctx.published else ()) if is_survey(f)]
    if not files:
        return None
    return (f"{ctx.month} was published (run {ctx.published[0]}) from {', '.join(files[:3])}"
            f"{' ...' if len(files) > 3 else ''}: put {'it' if len(files) == 1 else 'them'} back there (from your "
            f"backup of inbox/) and run again; --allow-empty-month would pay every worker at the neutral coefficient")


UNREAD_WORKBOOKS = (".et", ".ett", ".ods", ".xlsm", ".xlsb", ".numbers")     # a sheet of answers in another format


def _workbooks_unread(ctx: RunContext) -> tuple[str, ...]:
    folder = ctx.settings.inbox / "surveys" / ctx.month
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() in UNREAD_WORKBOOKS
                        and not p.name.startswith((".", "~$")))) if folder.is_dir() else ()


def _stray(ctx: RunContext) -> str:
    line = unread_line(ctx.settings.inbox / "surveys", ctx.month)
    return f"{line[0].upper()}{line[1:]}. " if line else ""


def _unread(ctx: RunContext) -> str:
    """'; not read there: 10月纸质.txt (not .csv, .xls, .xlsx or .parquet)' for the files of the month's folder
    gridpay does not read."""
    folder = ctx.settings.inbox / "surveys" / ctx.month
    if not folder.is_dir():
        return ""
    texts = set(sheets_saved_as_text(ctx.settings.inbox / "surveys", ctx.month))      # those stop the month
    unread = sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() not in SURVEY_SUFFIXES
                    and not p.name.startswith((".", "~$")) and not (p.suffix.lower() == ".zip" and zipped_surveys(p))
                    and p.name not in texts)
    if not unread:
        return ""
    # a sheet saved as text stops the month (sheets_saved_as_text): these hold no table (trial 211's re-check was told to
    # rename its note 说明.txt .csv, which then stopped as a sheet without its columns)
    return (f"; not read there: {', '.join(unread[:5])}{' ...' if len(unread) > 5 else ''} (a survey file is .csv, "
            f".xls, .xlsx or .parquet; these hold no table: a note needs nothing, answers on paper or in photos count "
            f"once typed into a sheet)")
