"""What a month's run says and where it stops, apart from the steps themselves: the gate's and the
outcome suite's messages (each run recorded gate_failed, exit 1) and the warnings HR should read
before paying (a month replaced, an earlier month not run, phones Excel spoiled)."""
from __future__ import annotations

import logging
import re
from pathlib import Path

from gridpay.core.errors import GateFailed
from gridpay.core.wording import listed
from gridpay.expectations.results import ValidationSummary
from gridpay.expectations.void_appeals import GoodAnswerAppeal
from gridpay.pipeline import publish_step, steps
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.drawn_calls import say_newly_drawn
from gridpay.pipeline.older_answers import say_appeals_over_older_answers, say_older_answers_in_place
from gridpay.pipeline.roster_doubts import say_roster_doubts
from gridpay.pipeline.run_notices import ABOUT_THE_RUN, headed
from gridpay.ingest.masked_phones import MaskedPhones
from gridpay.ingest.two_phones import checked_line, two_phone_cells
from gridpay.store.runs import record_end
from gridpay.store.stale_windows import stale_months
from gridpay.store.warehouse import connect, store_validation
from gridpay.transforms.policy import Policy

log = logging.getLogger("gridpay")


def say_replacing(con, month: str, kind: str = "run") -> None:
    """A month re-run while it is published: say so, for a copy of the earlier run's scorecard may
    already be printed or signed, and its run id will no longer be the month's; a correction of a
    finalized month is a draft until it is finalized again (a trial's HR was not told)."""
    row = con.execute("select p.run_id, r.finished_at from published p join runs r using (run_id) where p.month = ?",
                      [month]).fetchone()
    final = con.execute("select run_id from finalized where month = ?", [month]).fetchone()
    if kind == "correction" and row is not None and final is not None and final[0] != row[0]:
        # corrected since it was finalized: the month's pay is that correction, a draft (a trial read "is final")
        log.warning("%s was finalized (run %s) and corrected since (run %s, a draft); if this correction publishes, "
                    "it replaces that draft, and the month stays a draft (its scorecard without 已定稿) until it is "
                    "finalized again: gridpay finalize --month %s --by NAME", month, final[0], row[0], month,
                    extra=ABOUT_THE_RUN)
    elif kind == "correction":
        log.warning("%s is final; if this correction publishes, it is the month's pay as a draft (its scorecard "
                    "without 已定稿) until the month is finalized again: gridpay finalize --month %s --by NAME",
                    month, month, extra=ABOUT_THE_RUN)
    elif kind == "run" and row is not None:
        log.warning("%s is published (run %s, %s UTC): if this run publishes, it replaces that run; a printed "
                    "or signed scorecard of run %s then no longer matches the month (gridpay history lists both)",
                    month, row[0], f"{row[1]:%Y-%m-%d %H:%M}", row[0], extra=ABOUT_THE_RUN)


SHOWN_PAY = 12      # workers named with their change; the rest are counted


def say_published(db: Path, month: str, run_id: str, replaced: str | None, policy: Policy | None = None) -> None:
    """After a month publishes: whose total pay moved against the run it replaced (trial 137's late download moved
    three other workers' October pay, by the month's speeder line, none named), answers newly drawn for a call, and
    later months to run again."""
    if replaced is not None and (moved := _pay_moved(db, run_id, replaced)) is not None:
        shown = [f"{wid} {name} {'—' if was is None else was} -> {'—' if now is None else now}"
                 + (f" ({now - was:+.2f})" if was is not None and now is not None else "")
                 for wid, name, was, now in moved[:SHOWN_PAY]]
        log.info("against the run it replaced (%s), total pay moved for %s", replaced,
                 f"{len(moved)} worker{'s' if len(moved) != 1 else ''}: {'; '.join(shown)}"
                 f"{f'; and {len(moved) - SHOWN_PAY} more' if len(moved) > SHOWN_PAY else ''}" if moved else
                 "no worker", extra=ABOUT_THE_RUN)
    say_appeals_over_older_answers(db, run_id)
    say_older_answers_in_place(db, run_id)
    say_newly_drawn(db, month, run_id, replaced, policy)
    say_stale_later_months(db, month)


def _pay_moved(db: Path, run_id: str, replaced: str) -> list[tuple] | None:
    """(worker, name, total then, total now) of the workers whose total differs; None if it cannot be read (said
    after publishing: nothing here may fail the run, nor say "no worker" when it does not know)."""
    try:
        with connect(db) as con:
            return con.execute(
                "select coalesce(n.worker_id, b.worker_id), coalesce(n.name, b.name), b.total_pay_yuan, "
                "n.total_pay_yuan from (select * from payroll where run_id = $new) n full join (select * from "
                "payroll where run_id = $old) b using (worker_id) where n.total_pay_yuan is distinct from "
                "b.total_pay_yuan order by 1", {"new": run_id, "old": replaced}).fetchall()
    except Exception as exc:  # noqa: BLE001
        log.debug("could not compare the pay of %s with %s: %s", run_id, replaced, exc)
        return None


def say_stale_later_months(db: Path, month: str) -> None:
    """Later published months scored on the run of `month` this one replaces (or on none of it):
    their pay may no longer be right; each said, and refused at finalize (store/stale_windows.py)."""
    try:     # said after the month is published: nothing here may turn the run into a failure
        with connect(db) as con:
            stale = stale_months(con, earlier=month)
    except Exception as exc:  # noqa: BLE001 (`gridpay doctor` and finalize say it again)
        log.debug("could not look for later months scored on %s: %s", month, exc)
        return
    for later in stale:
        log.warning("%s", later.line(), extra=headed("other_months"))


def say_unreadable_phones(workdir: Path, masked: MaskedPhones, phones: bool = True) -> None:
    """Phones the platform masked, and unreadable ones: all of them where the policy does not stop on those Excel
    saved as numbers (`phones`), else the cells holding two numbers (a resident's own typing: said, not stopped)."""
    if masked.line():
        log.warning("%s", masked.line(), extra=headed("phones_unread"))
    unreadable = publish_step.unreadable_phone_rows(workdir)
    excel = dict(publish_step.unreadable_phone_rows(workdir, excel_only=True)) if unreadable else {}
    checked = {f: workers for f, _, workers, read in two_phone_cells(workdir) if read} if unreadable else {}
    for file, rows in unreadable:
        saved = [n for n in rows if n in excel.get(file, ())] if phones else []   # else the stop says them
        _say_unreadable(file, saved, "Excel saved {it} as a number (like 1.39E+10)",
                        "put a platform's download in the inbox as it came (not saved again through Excel), or type "
                        "{it} again from the forms, the column formatted as text")
        # a cell of two numbers is a resident's typing (a ninety-second trial's 13905621104/13805620000 was told
        # Excel first, and held a worker's own phone): under survey.two_phone_cells each number is checked
        two = [n for n in rows if n not in excel.get(file, ())]
        if two and file in checked:
            (log.warning if checked[file] else log.info)("%s", checked_line(file, two, checked[file]))
        else:
            _say_unreadable(file, two, "a cell holds two numbers, or a number that is not a phone", "type {it} "
                            "again from the forms, one phone a cell (where one of them is a worker's, that worker's "
                            "own answer counts until it is)")


def _say_unreadable(file: str, rows: list[int], why: str, way_out: str) -> None:
    if not rows:
        return
    one = len(rows) == 1
    it = "it" if one else "them"
    # a warning, so that the scorecard lists it too (a forty-third trial's HR never saw it: W07 rated herself)
    log.warning("%s of %s (row%s %s) unreadable: %s; %s, but a worker's self-rating cannot be recognised on %s: %s",
                "1 phone" if one else f"{len(rows)} phones", file, "" if one else "s", listed(tuple(map(str, rows))),
                why.format(it=it), "its answer counts" if one else "their answers count", it, way_out.format(it=it),
                extra=headed("phones_unread"))


def counted(n: int, what: str) -> str:
    return f"{n} {what.replace('rows', 'row', 1) if n == 1 else what}"


def check_outcome(ctx: RunContext, summary: ValidationSummary, scored: steps.ScoredMonth) -> None:
    """Stop a month whose exclusion rules removed a large share of a grid's answers (unless the run
    accepts it); name grids that had answers last month and none now while rows are invalid."""
    for line in scored.self_ratings:    # by whom, before a stop they may cause (trial 76: only a count was said)
        log.warning("%s", line, extra=headed("self_rating"))
    if scored.broken:
        raise fail_gate(ctx, f"{ctx.month}: a model's rows broke its declared grain, so the month's scores cannot be "
                              f"trusted; nothing published. {'; '.join(scored.broken)}. This is gridpay's fault, not "
                              f"the inbox's: keep the inbox as it is and report it with the log file", summary)
    if good := [a for a in scored.void_appeals if isinstance(a, GoodAnswerAppeal)]:
        raise fail_gate(ctx, (
            f"{ctx.month}: {'; '.join(map(str, good))}; nothing published. Check the answer id against the worker's "
            f"statement (`gridpay appeals --month {ctx.month}` shows each answer's home) and correct it in "
            f"appeals.csv, or record the appeal's category as the statement gives it, and run again"), summary)
    if scored.void_appeals:      # HR would read 支持 on the scorecard for a decision that changed nothing
        raise fail_gate(ctx, (
            f"{ctx.month}: {'; '.join(map(str, scored.void_appeals))}; nothing published. An upheld appeal can only "
            f"take out an answer that counted. Record it as rejected (驳回) in appeals.csv with the reason in "
            f"decision_note, or, if the answer should count, correct its row in a sheet HR typed (a platform's "
            f"download stays as it came: docs/troubleshooting.md says how its answer may count), and run again"),
            summary)
    unpaid = "; ".join(map(str, scored.unpaid))
    if unpaid and ctx.policy.outcome.unpaid_adjustments == "stop":     # HR approved money nobody would be paid
        raise fail_gate(ctx, (
            f"{ctx.month}: adjustments.csv gives {ctx.month} money to workers with no assigned day in it, so no "
            f"payroll line would pay it; nothing published. {unpaid}. Give the worker's days in assignments.csv, "
            f"or date the adjustment to a month the worker has days in (a correction run if that month is "
            f"published), or remove the row, and run again"), summary)
    if unpaid:
        log.warning("adjustments.csv gives %s money to workers with no assigned day in it, so no payroll line pays it: "
                    "%s", ctx.month, unpaid, extra=headed("pay_inputs"))
    doubts = "; ".join(scored.payroll_doubts)
    if doubts and ctx.policy.outcome.payroll_doubts == "stop":         # pay HR would call wrong at a glance
        raise fail_gate(ctx, f"{ctx.month}: the payroll cannot be right; nothing published. {doubts}; and run "
                             f"again (policy gate.payroll_doubts)", summary)
    if doubts:
        log.warning("the payroll of %s may be wrong: %s", ctx.month, doubts, extra=headed("pay_inputs"))
    for line in scored.pay_inputs:        # said, for HR to correct or sign (expectations/pay_inputs.py)
        log.warning("%s", line, extra=headed("pay_inputs"))
    if scored.stops and not ctx.request.accept_exclusions:
        rules = ctx.policy.outcome
        raise fail_gate(ctx, (
            f"{ctx.month}: an exclusion rule removed more than {rules.max_excluded_share:.0%} of a grid's valid "
            f"answers (at least {rules.min_excluded_rows}); nothing published. {'; '.join(map(str, scored.stops))}. "
            f"Check these answers in the survey files ({_causes(scored.stops)}); "
            f"if the exclusions are right, run again with --accept-exclusions (recorded with the run and printed on "
            f"the scorecard)"), summary)
    if scored.stops:
        log.warning("accepted with --accept-exclusions (recorded, and printed on the scorecard): %s",
                    "; ".join(map(str, scored.stops)), extra=headed("accepted"))
    say_roster_doubts(scored, summary, bool(ctx.survey_sources()))   # as scoring decides its window


# what a rule's share of a grid most often is: trial 246's families, several members answering each, stopped both
# months on duplicate_household, and the line named only the slips, so HR could not tell whether to accept it
CAUSES = {"duplicate_household": "duplicate_household: several members of one family answering, the home's latest "
                                 "answer counting, is ordinary; one door typed for many homes is a slip",
          "self_rating": "self_rating: a worker's phone given as the residents'",
          "speeder": "speeder: forms too quick to fill in"}


def _causes(stops: list) -> str:
    """What the stopping rules' answers most often are, the slips beside the ordinary."""
    rules = sorted({getattr(s, "rule", "") for s in stops})
    return "; ".join(CAUSES[r] for r in rules if r in CAUSES) or "a worker's phone given as the residents', a form "\
        "too quick to fill in"


def fail_gate(ctx: RunContext, message: str, summary: ValidationSummary | None = None,
              heading: str = "validation gate failed") -> GateFailed:
    if summary is not None:
        with connect(ctx.settings.db) as con:
            store_validation(con, ctx.run_id, ctx.month, summary.rules)
    record_end(ctx.settings.db, ctx.run_id, "gate_failed", message, ctx.inputs.entries(),
               summary.as_dict() if summary else None)
    return GateFailed(message, heading)


def say_undecided_appeals(ctx: RunContext) -> None:
    """An appeal of the month with decided_by or decided_on typed and its decision left blank is pending, and its
    answer counts (a sixty-ninth trial's published so, unsaid until finalize stopped on it)."""
    import pandas as pd
    path = ctx.workdir / "appeals.parquet"
    appeals = pd.read_parquet(path) if path.is_file() else pd.DataFrame()
    if appeals.empty:
        return
    undecided = appeals[(appeals["month"] == ctx.month) & (appeals["decision"] == "pending")
                        & (appeals["decided_by"].notna() | appeals["decided_on"].notna())]
    for row in undecided.itertuples():
        log.warning("appeals.csv row %s (appeal %s): decided_by or decided_on is filled but the decision is blank, "
                    "so the appeal is pending and its answer counts: type 支持 or 驳回 and run again, or clear them "
                    "while it is pending", row.row_number, row.appeal_id, extra=headed("appeals"))
    # the note is printed on the appellant's own sheet: trial 148's 回访核实4栋2单元502住户未参与 showed her the home
    from gridpay.transforms.privacy import masked_comment
    from gridpay.transforms.review_terms import note_example
    # ... an appellant's only (HR's own is on no sheet); an answer it names (与第113号答卷, as advised) is no home (trial 202)
    month = appeals[(appeals["month"] == ctx.month) & appeals["worker_id"].notna()]
    for row in month[month["decision_note"].notna()].itertuples() if "decision_note" in month else ():
        note = re.sub(r"第?[0-9A-Za-z-]+号?答卷|答卷(编号|序号)?[0-9A-Za-z-]+", "", str(row.decision_note))
        if masked_comment(note, True) != note:
            log.warning("appeals.csv row %s (appeal %s): decision_note names a home or a phone (%s), and the note is "
                        "printed on the worker's own sheet: write it without them (%s)", row.row_number, row.appeal_id,
                        masked_comment(str(row.decision_note), True), note_example(row.decision, row.category),
                        extra=headed("appeal_notes"))

