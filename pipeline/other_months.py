"""Answers whose month is not the month of the folder or run that read them: months a download holds
that this warehouse never published, a file in a neighbouring month's folder, a row of a typed sheet
dated in another month. Each is said, with what HR does about it (a stop, where the policy makes one,
is in pipeline/gate_findings.py)."""
from __future__ import annotations

import logging
import re

import pandas as pd

from gridpay.core.month import Month
from gridpay.ingest.formats import month_survey_files
from gridpay.pipeline.gridless_answers import say_few_gridless_answers
from gridpay.ingest.misfiled import (misfiled_files, month_first_misreads, other_month_rows, time_alone_rows,
                                     yearless_other_month_rows)
from gridpay.pipeline.changed_assignments import say_changed_assignments
from gridpay.pipeline.later_adjustments import say_adjustments_beyond_days
from gridpay.pipeline.missing_channels import say_missing_channels
from gridpay.pipeline.renumbered_grids import say_renumbered_grids
from gridpay.ingest.month_adjustments import changed_lines
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.core.wording import listed
from gridpay.pipeline.verdicts import counted
from gridpay.pipeline.window_rules import say_window_read_before
from gridpay.store.runs import paid_adjustments
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")


def say_unrun_months(ctx: RunContext, aside: dict[str, int]) -> None:
    """A download that holds answers of earlier months this warehouse never published, or an earlier
    month of the pooling window whose survey files are in the inbox but which was never published (a
    nineteenth trial's October stopped at the gate; November was paid without it, exit 0), while a grid
    of this month is thin: pooling reads only published months, so those answers could have scored it."""
    rules = ctx.policy.scoring
    if rules.insufficient != "pool" or rules.pool_months is None:
        return
    first = str(Month.parse(ctx.month).first_of(rules.pool_months))
    earlier = {what.removeprefix("rows of "): n for what, n in aside.items()
               if what.startswith("rows of ") and first <= what.removeprefix("rows of ") < ctx.month}
    with connect(ctx.settings.db) as con:
        published = {m for (m,) in con.execute("select month from published").fetchall()}
        ran = {m for (m,) in con.execute("select distinct month from runs").fetchall()}
        thin = con.execute("select count(*) from grid_scores where run_id = ? and responses < ?",
                           [ctx.run_id, rules.min_responses]).fetchone()[0]
    unrun = {m: n for m, n in earlier.items() if m not in published}
    if not thin or ctx.request.replay is not None:      # an audit replays; it advises nothing
        return
    say_window_read_before(ctx)
    # earlier months of the window with their own files, never published (those a download holds rows of: below)
    # a month whose runs stopped is said before (pipeline/month_gaps.py)
    own = [str(m) for m in Month.parse(ctx.month).previous.back(rules.pool_months - 1)
           if str(m) not in published and str(m) not in ran and str(m) not in unrun
           and month_survey_files(ctx.settings.inbox, str(m))]
    if own:
        log.warning("%s %s survey files in the inbox but %s not published in this warehouse, while %s fewer than "
                    "%d answers: thin grids pool only published months, so they are scored without %s; "
                    "publish %s first (gridpay run --month %s), then run this month again", ", ".join(own),
                    "has" if len(own) == 1 else "have", "is" if len(own) == 1 else "are",
                    "1 grid has" if thin == 1 else f"{thin} grids have", rules.min_responses,
                    "it" if len(own) == 1 else "them", ", ".join(own), min(own), extra=headed("other_months"))
    # only a month whose own survey files are in the inbox can be run; stray rows of a month before
    # gridpay was used (a download's first days) count in no month, and that is all there is to say
    runnable = {m: n for m, n in unrun.items() if month_survey_files(ctx.settings.inbox, m)}
    stray = {m: n for m, n in unrun.items() if m not in runnable}
    if runnable:
        log.warning("the survey files hold %s of %s, not published in this warehouse, while %d grids have fewer than "
                    "%d answers: thin grids pool only published months, so run %s first (gridpay run --month %s), "
                    "then this month again", ", ".join(f"{n} rows" for n in runnable.values()), ", ".join(runnable),
                    thin, rules.min_responses, ", ".join(runnable), min(runnable), extra=headed("other_months"))
    if stray:
        log.info("%s of %s in this month's survey files set aside: %s not published here and the inbox has no survey "
                 "file for %s, so they count in no month (answers from before gridpay was used: nothing to do; a "
                 "month the community pays by gridpay: put its download in surveys/YYYY-MM/ and run it first)",
                 ", ".join(f"{n} rows" for n in stray.values()),
                 ", ".join(stray), "it is" if len(stray) == 1 else "they are", "it" if len(stray) == 1 else "them")


def say_other_months(ctx: RunContext) -> None:
    """Survey files, typed rows and adjustments of another month than the run's, each paid in no month
    unless HR moves or re-runs it."""
    say_misfiled(ctx)
    say_other_month_rows(ctx)
    say_few_gridless_answers(ctx)           # answers naming no grid, under the stop's count: in no grid
    say_changed_adjustments(ctx)
    say_adjustments_beyond_days(ctx)         # a later month's row for a worker with no day in it (trial 292)
    say_changed_assignments(ctx)            # a published month's days edited since
    say_renumbered_grids(ctx)               # grids.csv's ids all new beside last month's gone (trial 175)
    say_missing_channels(ctx)               # last month's paper answers, none this month (trial 180)
    if ctx.request.replay is None:           # a month published whose pay HR's files now contradict (trials 89, 134)
        from gridpay.pipeline.review_gate import final_months_known_wrong
        for line in final_months_known_wrong(ctx.settings.db, ctx.settings.inbox, ctx.policy, ctx.month):
            log.warning(line, extra=headed("other_months"))


def say_misfiled(ctx: RunContext) -> None:
    """A survey file with no answer of the month, only other months': likely in the wrong folder (a ninth
    field trial's October forms in surveys/2026-09/ counted in no month, October saying only that a
    grid had no answer)."""
    misfiled = misfiled_files(ctx.workdir)
    published, read = _published_files(ctx) if misfiled else ({}, {})
    for file, rows in misfiled:
        months = [what.removeprefix("rows of ") for _, what in rows]
        same = published.get(read.get(file, ""))
        # trial 128's October download saved again under November's name was told to go to October's folder and
        # run October, published from its own download: a correction nobody needed
        advice = (f"it is the very file {same[0]} was published with ({same[1]}): take it out of surveys/{ctx.month}/ "
                  f"and put {ctx.month}'s own download there" if same else
                  f"if it is {listed(tuple(months))}'s download again (published already), take it out of "
                  f"surveys/{ctx.month}/ and put {ctx.month}'s own there; if {listed(tuple(months))}'s published "
                  f"run lacks its answers, put it in that month's folder and run that month again as a correction"
                  if months and set(months) <= set(m for m, _ in published.values()) else
                  "if it belongs to another month, move it to that month's folder (surveys/YYYY-MM/) and run that month")
        log.warning("%s holds no answer of %s, only %s: it counts in no month from here; %s", file, ctx.month,
                    ", ".join(counted(n, what) for n, what in rows), advice, extra=headed("other_months"))


def published_files_again(ctx: RunContext) -> list[str]:
    """Survey files of this month's folder holding no answer of the month that are the very file another month was
    published with, where the policy stops on last month's download (gate.early_downloads); never in an audit. Trial
    309's October download, left in November's folder under a new name in place of November's and beside another
    form's, was said and the month published without the form's answers (W01 1800.00 for 1914.66), exit 0."""
    if ctx.policy.outcome.early_downloads != "stop" or ctx.request.replay is not None:
        return []
    misfiled = misfiled_files(ctx.workdir)
    published, read = _published_files(ctx) if misfiled else ({}, {})
    return [f"{file} (the file {published[read[file]][0]} was published with, {published[read[file]][1]})"
            for file, _ in misfiled if read.get(file) in published]


def published_again_message(ctx: RunContext, found: list[str]) -> str:
    from gridpay.pipeline.stop_messages import stop_line
    return stop_line(ctx, "a survey file in this month's folder holds no answer of this month and is a month's "
                          "published download again, so this month's own download of that form is likely missing",
                     found, f"Take it out of surveys/{ctx.month}/ and put {ctx.month}'s own download of the form there; "
                            f"if the form was not used this month, take it out alone; and run again")


def _published_files(ctx: RunContext) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """(sha256 -> (month, file name) of every survey file a published run of another month read; this run's input
    file -> sha256): a published month's download again is told apart from a file of that month never read."""
    import json
    with connect(ctx.settings.db) as con:
        runs = con.execute("select p.month, r.inputs_json from published p join runs r using (run_id) "
                           "where p.month <> ?", [ctx.month]).fetchall()
    published = {f["sha256"]: (month, f["name"]) for month, inputs in runs for f in json.loads(inputs or "[]")
                 if str(f.get("name", "")).startswith("surveys/")}
    return published, {f.name: f.sha256 for f in ctx.inputs.files}


def say_other_month_rows(ctx: RunContext) -> None:
    """Rows of a typed sheet dated in another month (a platform download's are set aside: it holds
    every month's answers). Invalid here, they count in no month unless moved: a seventeenth trial's
    October sheet held a November answer, lost without a word on what to do."""
    for file, month, rows in other_month_rows(ctx.workdir, ctx.month, ctx.policy.ambiguous_dates != "month_first"):
        one = len(rows) == 1
        log.warning("%s (row%s %s) holds %s dated in %s: %s invalid here and count%s in no month; if the date is "
                    "right, move %s to a file in surveys/%s/ and run %s, else correct the date and run again",
                    file, "" if one else "s", listed(tuple(map(str, rows))),
                    "1 answer" if one else f"{len(rows)} answers", month,
                    "it is" if one else "they are", "s" if one else "", "it" if one else "them", month, month,
                    extra=headed("other_months"))
    for file, month, rows, first in (yearless_other_month_rows(ctx.workdir, ctx.month, ctx.policy.dotted_dates)
                                     if ctx.request.replay is None and ctx.policy.yearless_dates else ()):
        many = len(rows) > 1
        log.warning("%s (row%s %s) give%s a day of %s without its year: invalid, no month's answer%s; if %s of %s, type "
                    "the date with its year (%s%s) and move %s to a file in surveys/%s/, then run %s (with --reason "
                    "where it is published), else correct the date and run again", file, "s" * many,
                    listed(tuple(map(str, rows))), "" if many else "s", month, "s" * many,
                    "they are answers" if many else "it is an answer", month, first, ", ..." if many else "",
                    "them" if many else "it", month, month, extra=headed("other_months"))
    for file, rows, first in time_alone_rows(ctx.workdir):      # trial 185: told to move 15点20分 to December
        log.warning("%s (row%s %s) gives a time without its day ('%s'%s): invalid, no month's answer%s; type the day "
                    "the form was filled in with the time (%s-05 %s) and run again", file, "s" * (len(rows) > 1),
                    listed(tuple(map(str, rows))), first, " ..." if len(rows) > 1 else "", "s" * (len(rows) > 1),
                    ctx.month, "15:20", extra=headed("invalid_rows"))
    if ctx.policy.ambiguous_dates == "by_file":     # trial 185: one volunteer's 3/11/2026 beside the other's 11/25/2026
        for file, rows, first in month_first_misreads(ctx.workdir, ctx.month):
            many = len(rows) > 1
            log.warning("%s (row%s %s): %d date%s that read%s two ways ('%s'%s) %s read month first, as the file's "
                        "other dates are written (a day over 12 comes second), and so fall%s outside %s; read "
                        "day first, %s %s's: if someone wrote %s day first, write the file's dates with the year "
                        "first (%s-03) and run again", file, "s" * many, listed(tuple(map(str, rows))),
                        len(rows), "s" * many, "" if many else "s", first, " ..." if many else "",
                        "were" if many else "was", "" if many else "s", ctx.month,
                        "they are" if len(rows) > 1 else "it is", ctx.month, "them" if len(rows) > 1 else "it",
                        ctx.month, extra=headed("invalid_rows"))


_MONTH = re.compile(r"\d{4}-\d{2}")


def say_changed_adjustments(ctx: RunContext) -> None:
    """adjustments.csv lines for a month published before this one that its published run did not pay
    (added since), or paid and no longer gives: only a run of that month pays them."""
    frame = pd.read_parquet(ctx.workdir / "adjustments.parquet")
    # a month that is no YYYY-MM ('11月') is validation's to name, not an earlier month's (a trial read both)
    months = sorted({m for m in frame["month"].dropna() if _MONTH.fullmatch(m) and m < ctx.month})
    # a `--reference published` re-run reads the adjustments its month was published from, not today's: what
    # today's file gives other months is the next run's to say (a trial was told a paid line was gone)
    if not months or ctx.request.replay is not None or any(e.name == "adjustments.csv" for e in ctx.request.reuse):
        return
    with connect(ctx.settings.db) as con:
        runs = dict(con.execute("select month, run_id from published where month in (select unnest(?))",
                                [months]).fetchall())
        final = {m for (m,) in con.execute("select month from finalized where month in (select unnest(?))",
                                           [months]).fetchall()}
        paid = {m: paid_adjustments(con, run, m) for m, run in runs.items()}
        first = con.execute("select min(month) from published").fetchone()[0] or ctx.month
    never = frame[frame["month"].isin([m for m in months if m not in runs])]
    if len(never):      # a month typed 2026-1 for 2026-11 is January: paid in no run of this warehouse
        # ... unless its survey files are in the inbox, a month yet to run (trial 149's backlog read "mistyped?")
        waiting = [m for m in sorted(set(never["month"])) if month_survey_files(ctx.settings.inbox, m)]
        typo = (f"{listed(tuple(waiting))} {'has its' if len(waiting) == 1 else 'have their'} survey files in the "
                f"inbox: run {'it' if len(waiting) == 1 else 'them'}" if len(waiting) == len(set(never["month"]))
                else "is the month mistyped (2026-1 for 2026-11)?")
        # trial 188: a leaver's back pay for the month before the warehouse's first was asked only "mistyped?"
        early = not waiting and (never["month"] < first).all()
        said = (f"no run here pays a month before {first}, this warehouse's first: is the month mistyped (2026-1 for "
                f"2026-11)? If not (money owed for a month before gridpay was used: a leaver's back pay), pay it "
                f"outside gridpay and take its row out of adjustments.csv" if early else
                f"a run of that month would pay it; {typo}")
        log.warning("adjustments.csv gives money to months this warehouse has not published, before %s: %s; "
                    f"{said.replace('%', '%%')}", ctx.month,
                    listed(tuple(f"row {r.row_number} {r.worker_id} {r.amount} in {r.month}"
                                 for r in never.itertuples()), 5), extra=headed("other_months"))
    for month, run in sorted(runs.items()):
        added, gone = changed_lines(frame, month, paid[month])
        if added or gone:
            lines = ([f"{w} {a} for '{r}', which it did not pay" for w, a, r in added]
                     + [f"no longer {w} {a} for '{r}', which it paid" for w, a, r in gone])
            # a reference file changed: the re-run takes today's on purpose; a finalized month's is a correction
            take = f"gridpay run --month {month} --reference published --take adjustments"
            again = (f"{take} --reason \"...\"): a correction of the finalized month" if month in final else
                     f"{take}) before it is finalized")
            # trial 138: a November bonus typed 2026-10 (its reason '11月社区活动补贴') was told to re-run October,
            # which would pay November's money in October
            this = f"{int(ctx.month[5:])}月"
            named = [r for _, _, r in added if this in str(r)]
            typed = (f"; a line of {ctx.month} typed as {month}'s is paid by no run: correct its month and run again"
                     + (f" (its reason says {this}: {', '.join(repr(r) for r in named)})" if named else ""))
            log.warning("adjustments.csv has changed for %s since its published run %s: it gives %s; only a run of "
                        "%s pays adjustments of %s: if the line%s %s's, run it again (%s%s", month, run,
                        "; ".join(lines), month, month, "s are" if len(lines) > 1 else " is", month, again,
                        typed if added else "", extra=headed("other_months"))
