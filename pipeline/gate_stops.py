"""Which stop, if any, a validated month meets at the gate: the findings (gate_findings.py) looked for in the gate's
order, each only while no earlier one has stopped the month, the first worded (stop_messages.py). Each would pay on
a guess: which answer an id means, which grid a name is, whose worker the answers pay, what HR decided."""
from __future__ import annotations

import logging
from typing import Callable, Iterator

from gridpay.expectations.results import ValidationSummary
from gridpay.ingest.door_compounds import doors_naming_other_compounds
from gridpay.pipeline import (file_stops, gate_findings as find, garbled_text, id_messages, other_months,
                              published_answers, steps, stop_messages as says)
from gridpay.expectations.paid_workers import year_off_workers
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.form_messages import form_doubts, form_doubts_message
from gridpay.pipeline.deleted_columns import phone_columns_deleted, phone_columns_message
from gridpay.pipeline.building_stops import (building_stops, other_grid_buildings_message, say_wrong_grid_in_own_buildings,
                                              unlisted_buildings_message)
from gridpay.pipeline.copied_answers import copied_answers, copied_answers_message
from gridpay.pipeline.praised_lows import praised_lows, praised_lows_message, say_low_sheets
from gridpay.pipeline.form_test_answers import form_test_answers, form_test_message
from gridpay.pipeline.later_grids import later_grids, later_grids_message
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.verdicts import say_undecided_appeals
from gridpay.core.month import Month
from gridpay.core.wording import listed
from gridpay.ingest.two_phones import unread_worker_cells_message, worker_cells

log = logging.getLogger("gridpay")


def first_stop(ctx: RunContext, summary: ValidationSummary) -> tuple[int, str] | None:
    """(its place in the gate's order, the stop's line) of the first finding, or None: the month goes on."""
    for index, (found, message) in enumerate(_in_order(ctx, summary)):
        if found:
            return index, message()
    return None


def reused_worker_ids(ctx: RunContext) -> list:
    """Worker ids given to another person since last paid (expectations/reused_worker_ids.py), where the policy
    stops on them; never in an audit."""
    from gridpay.expectations.reused_worker_ids import reused_worker_ids as found
    from gridpay.core.secret_key import key_fingerprint
    from gridpay.store.worker_history import last_paid_workers
    if ctx.policy.outcome.reused_worker_ids != "stop" or ctx.request.replay is not None:
        return []
    return found(ctx.workdir, last_paid_workers(ctx.settings.db, ctx.month, key_fingerprint(ctx.key)))


def reused_grid_ids(ctx: RunContext) -> list:
    """Grid ids given to another place since last published (expectations/reused_grid_ids.py), where the policy
    stops on them; never in an audit."""
    from gridpay.expectations.reused_grid_ids import reused_grid_ids as found
    from gridpay.store.grid_history import last_listed_grids
    if ctx.policy.outcome.reused_grid_ids != "stop" or ctx.request.replay is not None:
        return []
    return found(ctx.workdir, last_listed_grids(ctx.settings.db, ctx.month))


def previous_months_downloads(ctx: RunContext) -> list:
    """The month before's download in this month's folder (expectations/early_downloads.py), where the policy
    stops on it; never in an audit; with --accept-fewer-answers, said."""
    from gridpay.expectations.early_downloads import previous_months_downloads as found
    if ctx.policy.outcome.early_downloads != "stop" or ctx.request.replay is not None:
        return []
    early = found(ctx.workdir, ctx.month)
    if early and ctx.request.accept_fewer_answers:
        log.warning("%s: published on these answers (--accept-fewer-answers)", "; ".join(map(str, early)), extra=headed("accepted"))
        return []
    return early


def stops_on(ctx: RunContext, key: str) -> bool:
    """Does the policy stop the month on gate.`key` here (never in an audit, which replays its run)?"""
    return getattr(ctx.policy.outcome, key) == "stop" and ctx.request.replay is None


def unreadable_phones(ctx: RunContext) -> list[tuple[str, list[int]]]:
    """(file, rows) of the month's answers whose phone Excel saved as a number, where the policy stops on them."""
    from gridpay.pipeline.publish_step import unreadable_phone_rows
    return unreadable_phone_rows(ctx.workdir, excel_only=True) if stops_on(ctx, "unreadable_phones") else []


def unread_worker_cells(ctx: RunContext) -> list[tuple[str, list[int]]]:
    """A worker's phone in a cell of two numbers, where the policy reads none (never in an audit: it replays)."""
    return [] if ctx.policy.two_phone_cells_checked or ctx.request.replay is not None else worker_cells(ctx.workdir)


def unreadable_phones_message(ctx: RunContext, found: list[tuple[str, list[int]]]) -> str:
    n = sum(len(rows) for _, rows in found)
    where = "; ".join(f"{file} (row{'s' if len(rows) > 1 else ''} {listed(tuple(map(str, rows)))})" for file, rows in found)
    return (f"{ctx.month}: {n} phone{'s' if n != 1 else ''} of the survey files unreadable: {where}. Excel saved "
            f"{'them as numbers' if n != 1 else 'it as a number'} (like 1.39E+10, the last digits lost), so a worker rating their own "
            f"grid through one would count; nothing published. Put the platform's download in the inbox as it came (not "
            f"opened and saved again in Excel or WPS), or, in a sheet HR typed, type the numbers again in a column "
            f"formatted as text, one number a cell, from the paper forms (a cell left empty is an answer no one "
            f"checks against the workers' phones), and run again (policy gate.unreadable_phones)")


def short_downloads(ctx: RunContext) -> list[tuple[str, int, int]]:
    """问卷星 downloads holding fewer answers than their names say (ingest/download_counts.py), where the policy
    stops on them; with --accept-fewer-answers, said."""
    from gridpay.ingest.download_counts import short_downloads as found
    if not stops_on(ctx, "short_downloads") or ctx.request.accept_fewer_answers:
        return []
    return found(ctx.workdir)


def say_short_downloads(ctx: RunContext) -> None:
    """The warning where the policy does not stop on a short download, or what the run accepted."""
    from gridpay.ingest.download_counts import say_short_downloads as say, short_downloads as found
    if ctx.request.replay is not None:      # an audit: the run it replays said it (trial 214 was told to download again)
        return
    if not stops_on(ctx, "short_downloads"):
        say(ctx.workdir)
    elif ctx.request.accept_fewer_answers:     # trial 64's accepted file was still told "download it again"
        from gridpay.ingest.download_counts import missing_numbers
        for file, named, rows in found(ctx.workdir):      # HR's to sign for, not to download again (trial 214)
            log.warning("%s holds %d answer rows where its name says %d%s: published on the rows it holds "
                        "(--accept-fewer-answers)", file, rows, named, missing_numbers(ctx.workdir, file, named),
                        extra=headed("accepted"))


def short_downloads_message(ctx: RunContext, found: list[tuple[str, int, int]]) -> str:
    from gridpay.ingest.download_counts import missing_numbers
    files = "; ".join(f"{file} holds {rows} answer rows where its name says {named}"
                      f"{missing_numbers(ctx.workdir, file, named)}" for file, named, rows in found)
    return (f"{ctx.month}: {files} (问卷星 names a download by the answers it holds): rows filtered out, deleted or cut "
            f"off on the way, whose grids would be paid without them; nothing published. Download the answers again "
            f"from the platform, put that file in place of this one, and run again; if the rows were taken out on "
            f"purpose (test answers), run with --accept-fewer-answers (said on the scorecard) "
            f"(policy gate.short_downloads)")


def say_same_name_new_phone(ctx: RunContext) -> None:
    """Workers under the name but not the phone their id was last paid with, said (console and scorecard)."""
    from gridpay.expectations.reused_worker_ids import same_name_new_phone
    from gridpay.core.secret_key import key_fingerprint
    from gridpay.store.worker_history import last_paid_workers
    if ctx.request.replay is None:      # as last paid up to the month itself (trial 85's re-runs repeated the line)
        following = str(Month.parse(ctx.month).next)
        paid, rules = last_paid_workers(ctx.settings.db, following, key_fingerprint(ctx.key)), ctx.policy.integrity
        for line, kind in same_name_new_phone(ctx.workdir, paid, ctx.month, (
                rules.self_rating_past_phones, rules.past_phones_while_held, rules.past_phones_not_others)):
            log.warning(line, extra=headed(kind))


def invalid_files(ctx: RunContext) -> list:
    """Survey files half or more of whose rows are invalid, gate.file_invalid_rows or more, all of them or all for one
    reason and value (policy 2027.32): trial 271's paper sheet, each form dated the day it was typed (12-02), lost all
    8 answers under the month's 20% gate, said in one line, and moved two workers' pay (W01 1904.40 for 1926.72), exit
    0; its re-check's sheet with one form dated right lost 7. Never in an audit."""
    from gridpay.expectations.invalid_grids import invalid_files as found
    rows = ctx.policy.outcome.file_invalid_rows
    return [] if rows is None or ctx.request.replay is not None else [
        f for f in found(ctx.workdir, 0.5, rows)
        if f.invalid_rows >= rows and f.invalid_rows * 2 >= f.rows and (f.invalid_rows == f.rows or f.one_reason)]


def _in_order(ctx: RunContext, summary: ValidationSummary) -> Iterator[tuple[object, Callable[[], str]]]:
    yield (copies := file_stops.copied_survey_files(ctx)), lambda: file_stops.copies_message(ctx, copies)   # saved twice
    yield (saved := file_stops.spreadsheet_saved(ctx)), lambda: file_stops.spreadsheet_message(ctx, saved)   # 3月2日
    yield (garbled := garbled_text.garbled_rows(ctx)), lambda: garbled_text.garbled_message(ctx, garbled)   # pasted text
    yield (tests := form_test_answers(ctx)), lambda: form_test_message(ctx, tests)     # HR's own tests of the form
    shared, repeated = find.ids_across_files(ctx), find.ids_within_files(ctx)
    yield shared or repeated, lambda: id_messages.shared_ids_message(ctx, shared, repeated)
    yield (copied := copied_answers(ctx)), lambda: copied_answers_message(ctx, copied)   # one form's two prefixed
    foreign = file_stops.foreign_community_files(ctx)      # another community's download
    yield foreign, lambda: file_stops.foreign_files_message(ctx, foreign)
    unresolved = find.unresolved_grid_names(ctx)            # 第一网格 of two communities, in a file of neither
    yield unresolved, lambda: says.unresolved_names_message(ctx, unresolved)
    doubts = form_doubts(ctx) if stops_on(ctx, "form_answers") else []      # a form's options misread: every row
    yield doubts, lambda: form_doubts_message(ctx, doubts)
    unknown = find.unknown_grids(ctx)
    yield not summary.gate_passed or unknown, lambda: says.gate_message(ctx, summary, unknown)
    unlisted = file_stops.unlisted_compounds(ctx)           # a renamed neighbour's download: places not ours
    yield unlisted, lambda: file_stops.unlisted_compounds_message(ctx, unlisted)
    failing = find.invalid_grids(ctx)                       # a grid paid as if nobody had answered
    yield failing, lambda: says.invalid_grids_message(ctx, failing)
    lost = invalid_files(ctx)                               # a whole sheet lost (a column typed one way)
    yield lost, lambda: says.invalid_files_message(ctx, lost)
    gridless = find.gridless_rows(ctx)                      # which grid lost the answers
    yield gridless, lambda: says.gridless_message(ctx, gridless)
    # before the stops reading a file as this community's other download (trial 95: 南山's read as 东篱's early one)
    elsewhere = find.other_community_rows(ctx)              # one community's answers paid to another's
    yield elsewhere, lambda: says.other_community_message(ctx, elsewhere)
    misfiled = find.misfiled_downloads(ctx)                 # answers in another month's folder
    yield misfiled, lambda: says.misfiled_message(ctx, misfiled)
    unreadable = unreadable_phones(ctx)                     # Excel's 1.39E+10: a self-rating unrecognised
    yield unreadable, lambda: unreadable_phones_message(ctx, unreadable)
    deleted = phone_columns_deleted(ctx)                    # the phone column taken out of a download
    yield deleted, lambda: phone_columns_message(ctx, deleted)
    unread = unread_worker_cells(ctx)                       # a worker's number beside another, read as none
    yield unread, lambda: unread_worker_cells_message(ctx.month, unread)
    yield from _later_in_order(ctx)


def _later_in_order(ctx: RunContext) -> Iterator[tuple[object, Callable[[], str]]]:
    """The stops after the files' and the phones' (_in_order's), in order: the first found stops the month."""
    scales = file_stops.other_scale_sheets(ctx)             # a paper sheet typed on a 1-10 scale
    yield scales, lambda: file_stops.other_scale_message(ctx, scales)
    praised = praised_lows(ctx)                             # ... or the wrong way round: 1 for 非常满意
    if not praised:
        say_low_sheets(ctx)                                 # ... with no comment to show it: said
    yield praised, lambda: praised_lows_message(ctx, praised)
    short = short_downloads(ctx)                            # a download with rows filtered out or cut off
    yield short, lambda: short_downloads_message(ctx, short)
    early = previous_months_downloads(ctx)                  # last month's download in this month's place
    yield early, lambda: says.previous_download_message(ctx, early)
    again = other_months.published_files_again(ctx)         # ... holding none of this month's answers (trial 309)
    yield again, lambda: other_months.published_again_message(ctx, again)
    lost = published_answers.published_answers_missing(ctx)     # answers the month was published on
    yield lost, lambda: published_answers.published_answers_message(ctx, lost)
    undone = find.published_reviews_missing(ctx)            # HR's decisions the month was published on
    yield undone, lambda: says.published_reviews_message(ctx, undone)
    aside = find.set_aside_answers_missing(ctx)             # answers an earlier month's download held
    yield aside, lambda: says.set_aside_answers_message(ctx, aside)
    silent = find.silent_communities(ctx)                   # a community's download missing or last month's
    yield silent, lambda: says.silent_communities_message(ctx, silent)
    quiet, held = file_stops.silent_grids(ctx)              # a grid's download missing or last month's
    yield quiet, lambda: file_stops.silent_grids_message(ctx, quiet, held)
    surges = file_stops.lone_file_surges(ctx)               # a renamed neighbour's file of a shared grid name
    yield surges, lambda: file_stops.lone_file_surges_message(ctx, surges)
    yield (mixed := file_stops.mixed_sheets(ctx)), lambda: file_stops.mixed_sheets_message(ctx, mixed)   # sorted apart
    others, said = find.other_grids_compounds(ctx)          # whose worker the answers pay
    file_stops.say_other_grids_compounds(said + doors_naming_other_compounds(ctx.workdir, ctx.month))   # ... in doors
    yield others, lambda: says.other_grids_compound_message(ctx, others)
    buildings, unlisted = building_stops(ctx)               # a door of a building grids.csv lists for another grid
    yield buildings, lambda: other_grid_buildings_message(ctx, buildings)
    yield unlisted, lambda: unlisted_buildings_message(ctx, unlisted)    # ... or for none (trial 241's neighbours)
    yield (overlaps := find.overlapping_assignments(ctx)), lambda: says.overlaps_message(ctx, overlaps)   # a day's weight
    reused = reused_worker_ids(ctx)                         # a leaver's id given to a new hire
    say_same_name_new_phone(ctx)                            # ... of the same name: said
    yield reused, lambda: says.reused_ids_message(ctx, reused)
    yield (places := reused_grid_ids(ctx)), lambda: says.reused_grids_message(ctx, places)   # a retired grid's id
    yield (later := later_grids(ctx)), lambda: later_grids_message(ctx, later)     # a later month's grids.csv
    unassigned = find.paid_workers_unassigned(ctx)          # a date typed in the wrong year
    yield unassigned, lambda: says.unassigned_message(ctx, unassigned)
    yearly = year_off_workers(ctx.workdir, ctx.month) if ctx.request.replay is None else []   # ... in a first month
    yield yearly, lambda: says.year_off_message(ctx, yearly)
    reviews = steps.review_problems(ctx)                    # HR's decisions: one ignored pays wrongly
    say_undecided_appeals(ctx)                              # ... one whose decision was left blank: said
    say_wrong_grid_in_own_buildings(ctx)                    # ... one 非本网格 on a door of the grid's own building
    yield reviews, lambda: says.reviews_message(ctx, reviews)
