"""The marks `gridpay appeals` shows beside an appeal's status, and what each means, said once
under the table for the marks it shows."""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gridpay.pipeline.appeals_report import AppealLine

# filed outside the window: never applied, only ever rejected; one upheld stops the run (expectations/reviews.py)
OUTSIDE = ("pending (late", "pending (early", "upheld (late", "upheld (early")


def marks(lines: "list[AppealLine]") -> list[str]:
    """What each mark the table shows means, for the marks it shows."""
    out, upheld = [], " (recorded as upheld, it stops the next run of the month)"
    if any(a.status.startswith(OUTSIDE[::2]) for a in lines):
        out.append("  (late): filed outside the appeal window, so it can only be rejected (驳回): no total if upheld"
                   + (upheld if any(a.status.startswith("upheld (late") for a in lines) else ""))
    if any(a.status.startswith(OUTSIDE[1::2]) for a in lines):
        out.append("  (early): dated before the appeal window opened on the month's first publication: is the date "
                   "mistyped? As dated it can only be rejected (驳回): no total if upheld"
                   + (upheld if any(a.status.startswith("upheld (early") for a in lines) else ""))
    if any(not a.worker_id for a in lines):
        out.append("  (HR): a row with worker_id blank, an answer HR itself takes out (a home's repeat it found, "
                   "category other): no appellant, so no appellant's pay")
    if any(not a.counted and a.status != "rejected" and not a.answer_at for a in lines):
        # trial 121: 62 for C62 read "(not counted) ... record it as rejected": a valid appeal turned down
        out.append("  (no such answer): no answer of the month has this id; a download's ids carry the prefix the policy "
                   "gives its file (survey.file_id_prefixes, e.g. C62 for a download's 62): type the id as gridpay "
                   "lists it (callbacks.csv, review.csv) in appeals.csv and run this again")
    if any(not a.counted and a.status != "rejected" and a.answer_at for a in lines):
        out.append("  (not counted): the answer did not count in the published month (an older answer of its home, a "
                   "self-rating, ...), so upholding the appeal changes nothing, and a run with it upheld stops "
                   "(appeals.upheld_must_count): record it as rejected (驳回) with the reason in decision_note")
    if any(a.older for a in lines):
        out.append("  (older answer): a 非本网格 appeal on an older answer of its home, which did not count in the "
                   "published month (the home's later answer did); an upheld 非本网格 takes its answer out before one "
                   "home's answer is chosen (appeals.wrong_grid_before_household; one naming the resident's grid always), "
                   "so where the home's later answer is taken out or moved, this one counts in its place unless it is "
                   "upheld too: decide one home's answers alike")
    if any(a.no_bad_rating and a.status != "rejected" for a in lines):
        out.append("  (no bad rating): a malicious-review appeal (恶意差评) on an answer that rated nothing at or below "
                   "the callback line: no bad review to be malicious, and a run with it upheld stops. Is its answer id "
                   "mistyped? Check the id against the worker's statement and callbacks.csv")
    if any(not a.known_worker for a in lines):
        # trial 141's re-check: an appeal typed with a worker id workers.csv lacks read "upheld" here until a run stopped
        out.append("  (no such worker): workers.csv has no worker of this id, so the next run stops on the row "
                   "(appeals.csv, worker_id): type the id as workers.csv has it (W03, not w3 or Ｗ０３)")
    if any(a.other_grid and a.status != "rejected" for a in lines):
        out.append("  (not the appellant's grid): the answer is of a grid the appellant did not hold in the month, so "
                   "the next run stops on the row (appeals.csv, worker_id): is the answer's id or the worker's id "
                   "mistyped? No total if upheld")
    if any(lower(a) for a in lines):
        out.append("  (lower): upholding the appeal would lower the appellant's pay: the answer appealed raises its "
                   "grid's score (its other items are high), or an older answer of its home, not upheld, counts in its "
                   "place; tell the worker before deciding")
    return out


def lower(line: "AppealLine") -> bool:
    try:
        return Decimal(line.total_if_upheld) < Decimal(line.current_total)
    except (ArithmeticError, ValueError, TypeError):
        return False
