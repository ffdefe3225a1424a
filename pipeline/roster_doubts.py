"""What HR should look at before paying a month that publishes, said on the console and listed on the scorecard
under a heading of its kind (pipeline/run_notices.py): grids without answers or workers, workers without grids or
phones, answers gathered or timed oddly, scores that moved together."""
from __future__ import annotations

import logging

from gridpay.core.wording import listed
from gridpay.expectations.results import ValidationSummary
from gridpay.pipeline import steps
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.scored_month import SHIFT

log = logging.getLogger("gridpay")


def say_roster_doubts(scored: steps.ScoredMonth, summary: ValidationSummary, surveyed: bool = True) -> None:
    """What HR should look at before paying a month that publishes: grids without answers or
    workers, workers without grids or phones, more homes answering than a grid has. `surveyed`: the
    month has survey files (one published without, --allow-empty-month, pools no earlier month)."""
    if scored.silent and not surveyed:     # a seventy-fifth trial's flood month was told it pooled
        log.warning("no survey file this month: every grid is paid at the neutral coefficient (a month published "
                    "without survey files pools no earlier month)", extra=headed("no_answers"))
    elif scored.silent:    # a grid nobody answered for: paid on its earlier months or at the neutral coefficient
        log.warning("no answer this month for %s: scored on earlier months where the policy pools them (paid at most "
                    "the neutral coefficient from policy 2027.16, flag thin_month), else paid at the neutral "
                    "coefficient (grid_scores.csv says which); check that its residents were asked",
                    listed(scored.silent), extra=headed("no_answers"))
    if scored.unassigned:  # on the payroll's list, in no assignment: not paid, and nothing else would say so
        log.warning("%s in workers.csv, but in no row of assignments.csv: not paid this month (no payroll line); "
                    "add their grid to assignments.csv if they work one", listed(scored.unassigned), extra=headed("roster"))
    if scored.part_staffed:     # a replacement's assignment row forgotten leaves them unpaid for those days
        log.warning("no worker is assigned to %s of the month: if someone covered it then, their assignments.csv row "
                    "is missing", listed(scored.part_staffed), extra=headed("roster"))
    if scored.unstaffed:   # answers scored for a grid whose score pays nobody
        log.warning("no worker is assigned to %s on any day of the month: its answers are scored but pay nobody; "
                    "check assignments.csv", listed(scored.unstaffed), extra=headed("roster"))
    if scored.phoneless:   # the self-rating rule compares phones: with none, a worker's own answers would count
        log.warning("workers.csv gives no phone for %s: a self-rating of theirs cannot be recognised; add the phone "
                    "they use", listed(scored.phoneless), extra=headed("roster"))
    if scored.lone_weights:     # trial 85's HR typed weight 0.5 for a part-timer: paid in full, nothing said
        log.warning("%s: one grid this month, at a weight other than 1: a weight shares a worker's score between "
                    "their grids, so for one grid it changes nothing, and pay is prorated by days only; a "
                    "part-timer's pay for a full month goes in workers.csv's perf_pay_target", listed(scored.lone_weights), extra=headed("roster"))
    _say_tied_answers(scored)
    _say_before_start(scored)
    if scored.emptied and summary.invalid_rows:
        rows = f"{summary.invalid_rows} survey row{'s are' if summary.invalid_rows > 1 else ' is'} invalid"
        log.warning("%s had counted answers in the month published last and none now, and %s: check in "
                    "quarantine.csv whether any was meant for %s (flagged answers_dropped on the scorecard)",
                    ", ".join(scored.emptied), rows, "them" if len(scored.emptied) > 1 else "it", extra=headed("answers_fallen"))
    for line in scored.fallen:      # a download or a paper sheet left out: pooled with earlier months, paid unsaid
        log.warning("%s", line, extra=headed("answers_fallen"))
    if scored.handovers:    # a successor's start date typed early pays two workers for the same days
        log.warning("two workers are paid for one grid on the same days around a handover: %s",
                    "; ".join(scored.handovers), extra=headed("handover"))
    if scored.score_shift:  # a form read upside down, not residents changing their minds all at once
        log.warning("the grids' scores moved %d points or more on average since the month before: %s; check that "
                    "the form's options and how gridpay reads them (survey.option_codes, [survey.answer_words], the "
                    "scale) did not change before paying", SHIFT, listed(scored.score_shift), extra=headed("score_shift"))
    if scored.handover_gaps:    # a successor's start date typed late pays nobody for the days between
        log.warning("a handover leaves days unpaid: %s", "; ".join(scored.handover_gaps), extra=headed("handover"))
    if scored.over_listed:  # more homes than the grid has: a stale households count, or one home read as several
        log.warning("more homes' answers counted than grids.csv gives households for %s: check the grid's households "
                    "in grids.csv, and whether one home's door number is typed several ways (its answers counted as "
                    "several homes'; quarantine.csv and the scorecard list the answers)", listed(scored.over_listed), extra=headed("answer_doubts"))
    for line in scored.answer_doubts:   # how answers were gathered (expectations/answer_doubts.py): counted, said
        log.warning("%s", line, extra=headed("answer_doubts"))
    _say_roster_changes(scored)


def _say_roster_changes(scored: steps.ScoredMonth) -> None:
    """What moved since the month before that HR typed: a worker off the payroll, weights far apart, households."""
    if scored.off_payroll:      # a month's leave, or an end_date typed early: only HR knows which
        log.warning("%s, paid for the month before, %s no payroll line this month (no assigned day in "
                    "assignments.csv): right for a leave or a leaver; else check their rows' dates",
                    listed(scored.off_payroll), "have" if len(scored.off_payroll) > 1 else "has", extra=headed("roster"))
    if scored.far_weights:      # trial 158's 50 for 0.5: one grid's answers became nearly all of a worker's score
        log.warning("%s: a worker's grids at weights ten times apart or more: a weight shares the worker's score between "
                    "their grids in proportion (50 beside 1 gives the first 98%% of it); check assignments.csv's weight "
                    "column (0.5 typed as 50?)", "; ".join(scored.far_weights), extra=headed("roster"))
    if scored.households_moved:     # a typed 3000 for 300: the notice's 参评率 a tenth of the truth
        log.warning("grids.csv gives %s: three times or a third of the month before, or five times or a fifth of its "
                    "community's median grid; a recount moves a grid's households a little: check grids.csv's households column (the response rate and the residents' notice are "
                    "computed from it); if the month before's was the one mistyped, correct it with gridpay run --month "
                    "<that month> --reference published --take grids --reason \"...\"", listed(scored.households_moved),
                    extra=headed("answer_doubts"))


def _say_before_start(scored: steps.ScoredMonth) -> None:
    if scored.before_start:     # trial 192's re-check: W08 paid neutral, said only in a flag column
        log.warning("%s: the grid's score pools months holding another worker's days on it before this worker's first "
                    "day there, so this worker's share of it is paid at the neutral coefficient (scoring."
                    "window_before_start_neutral; payroll flag window_before_start)", listed(scored.before_start),
                    extra=headed("pooled_window"))
    for line in scored.window_self_rated:   # under the pooled months' heading: a resident's paper phone is no way out
        log.warning("%s", line, extra=headed("pooled_window"))


def _say_tied_answers(scored: steps.ScoredMonth) -> None:
    """Answers of one household no time tells apart (a paper form dated by day), set aside for the one that counts."""
    if scored.same_time:   # a paper form dated by day: which answer is the household's is not known
        log.warning("%d answer%s set aside as duplicate_household %s given at the same time as the household's answer "
                    "that counts (the row later in the files counts): check which is the household's in "
                    "quarantine.csv", scored.same_time, "s" if scored.same_time > 1 else "",
                    "were" if scored.same_time > 1 else "was", extra=headed("same_time"))
    if n := len(scored.same_day):    # trial 183: a paper form dated 11-16 lost to an online answer of 09:30, unsaid
        log.warning("%d answer%s set aside as duplicate_household %s dated by day only (a paper form), on the day the "
                    "household's answer that counts was given at a time (that one counts): which was given later is "
                    "not known (%s); if the form says its time, type the time after its date (YYYY-MM-DD HH:MM) and run "
                    "again; else check which is the household's in quarantine.csv", n, "s" if n > 1 else "",
                    "were" if n > 1 else "was", "; ".join(scored.same_day), extra=headed("same_day"))
