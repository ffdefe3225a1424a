"""The lines that stop a month at the gate (exit 1, nothing published): each names what it found,
where (file, row, grid) and what HR does about it, without editing a platform's download."""
from __future__ import annotations

from gridpay.expectations.results import ValidationSummary
from gridpay.pipeline import split_grids, steps
from gridpay.pipeline.context import RunContext
from gridpay.transforms.folding import visible


def gate_message(ctx: RunContext, summary: ValidationSummary, unknown: list) -> str:
    folder = steps.write_rejected(ctx)
    rows = f"Every invalid row, with the value and the reason: {folder / 'quarantine.csv'}"
    ways = ("; ".join(split_grids.split_way_out(g) if g.split_off else _way_out(g) for g in unknown)
            + (ALIAS_TAIL if any(map(_aliased, unknown)) else ""))
    grids = (f"{'; '.join(map(str, unknown))}: grids.csv ({ctx.settings.inbox / 'grids.csv'}) has no such grid. "
             f"{ways[:1].upper()}{ways[1:]}, and run again" if unknown else "")
    if summary.gate_passed:     # many rows naming one unknown grid: that grid would be paid as if nobody answered
        return f"{ctx.month}: survey rows name a grid that grids.csv does not have; nothing published. {grids}. {rows}"
    return (f"{ctx.month}: {summary.invalid_rows} of {summary.total_rows} survey rows are invalid "
            f"({summary.invalid_share:.1%} > {summary.max_invalid_share:.0%}); nothing published. "
            f"Top reasons: {'; '.join(summary.top_reasons())}. {grids + '. ' if grids else ''}{rows}")


def invalid_grids_message(ctx: RunContext, grids: list) -> str:
    return _stop_with_rows(ctx, "most of a grid's survey rows are invalid, so its workers would be paid as if its "
                                "residents had not answered (the month as a whole is under the gate)", grids,
                           "Correct the file the rows came from (a paper sheet typed in a form the rules refuse; a "
                           "download Excel or WPS saved again: put it in as downloaded, never edited) and run again")


def invalid_files_message(ctx: RunContext, files: list) -> str:
    return _stop_with_rows(ctx, "every row of a survey file, or half or more for one value typed through it, is invalid, "
                                "so a file's answers would count nowhere (the month as a whole is under the gate)", files,
                           "Correct the column named (a paper form's date is the day the resident filled it in, not the "
                           "day it was typed), or take the file out of the month's folder if it holds no answers of "
                           "it, and run again")


def gridless_message(ctx: RunContext, files: list) -> str:
    return _stop_with_rows(ctx, "survey answers name no grid, so they count for none and their grid's workers would "
                                "be paid without them", files,
                           "Write the grid on every row of the file and run again (a file whose answers may name no "
                           "grid: raise gate.blank_grid_rows in the policy)")


def stop_line(ctx: RunContext, what: str, found: list, advice: str, most: int | None = None) -> str:
    """'<month>: <what>; nothing published. <each found>. <what to do>' (the first `most` found, then ...)."""
    shown = "; ".join(map(str, found[:most])) + (" ..." if most is not None and len(found) > most else "")
    return f"{ctx.month}: {what}; nothing published. {shown}. {advice}"


def _stop_with_rows(ctx: RunContext, what: str, found: list, advice: str) -> str:
    """A stop whose invalid rows HR corrects: what and where, what to do, and the rejected rows' file."""
    return stop_line(ctx, what, found, f"{advice}. Every invalid row, with the value and the reason: "
                                   f"{steps.write_rejected(ctx) / 'quarantine.csv'}")


def overlaps_message(ctx: RunContext, overlaps: list) -> str:
    return stop_line(ctx, "assignments.csv gives a worker one grid twice on the same days with different weights, "
                          "and a day takes one", overlaps, "End the row that starts first the day before the other "
                                                           "starts (or give both one weight), give a weight that goes on "
                                                           "after the other row a row of its own, and run again", most=10)


def other_grids_compound_message(ctx: RunContext, found: list) -> str:     # the grid's own row first (trial 136)
    span = "Check their grid: a compound the grid does span is added to its compounds in grids.csv; "
    split = span + ("where a grid was split off or the compound moved to that grid (residents still "
             "choose the grid they knew), set survey.grid_by_compound = true in the policy: such answers count "
             "for the compound's grid, this month and after; do not list the compound under the old grid again. "
             if not ctx.policy.grid_by_compound else
             "survey.grid_by_compound is on, but it moves answers only to a compound one grid "
             "lists, or to the one of several that took it over from the grid named since that grid was last "
             "published (survey.grid_by_compound_taken); here no such grid can be told, so the answers stay "
             "with the grid named. ")
    return stop_line(ctx, "survey answers to a grid name a compound grids.csv lists under another grid, so they may be "
                      "that grid's answers, paid to the wrong worker", found,
                 split + ("A grid grids.csv lists no compound for may have had its residents pick one because the "
                          "form's 小区 question is required: make it optional (问卷星: 非必答) for the months after. "
                          if any(pair.lists_none for pair in found) else "") +
                 "A grid's old name or a typo is given to its grid in grids.csv's aliases; a sheet HR typed that was sorted by one column alone (its 网格 column apart from its rows) is put back in order from the paper forms; then run again. Where "
                 "residents near the boundary did choose that grid, raise gate.other_grid_compound_rows in the policy (answers are counted for the "
                 "grid they name)")


def silent_communities_message(ctx: RunContext, found: list) -> str:
    return stop_line(ctx, "a community has no answer this month while the others have theirs, so its grids would be "
                      "scored on earlier months or paid at the neutral coefficient", found,
                 f"Put its download of {ctx.month} in surveys/{ctx.month}/ (download the form again if the one "
                 f"there is another month's) and run again; if the community did not ask its residents this month, "
                 f"run again with --accept-fewer-answers (said on the scorecard)")


def reused_ids_message(ctx: RunContext, found: list) -> str:
    return stop_line(ctx, "a worker id is now another person's, so the earlier person's months (their scores, their "
                      "adjustments) would be the new person's", found,
                 "Give the new person an id of their own in workers.csv, assignments.csv and adjustments.csv (an id "
                 "is one person for good; an adjustment for the earlier person stays under the old id, and is paid "
                 "only with a day of theirs), and run again; if it is one person who changed both name and phone, "
                 "set gate.reused_worker_ids = \"unchecked\" in the policy")


def previous_download_message(ctx: RunContext, found: list) -> str:
    return stop_line(ctx, "a survey file of the month holds mostly the month before's answers and only the first days "
                      "of this one's, so the month would be paid on a few answers (its thin grids on earlier "
                      "months)", found,
                 f"Put {ctx.month}'s own download, made after {ctx.month} ended, in surveys/{ctx.month}/ in its place, "
                 f"and run again; if {ctx.month} had only these answers, run again with --accept-fewer-answers "
                 f"(said on the scorecard)")


def reused_grids_message(ctx: RunContext, found: list) -> str:
    return stop_line(ctx, "a grid id now names another place, so the earlier place's answers (a thin grid's pooled "
                      "window), its trend and last month's comparisons would be the new grid's", found,
                 "Give the new grid an id of its own in grids.csv and assignments.csv (an id is one place for good) "
                 "and run again; if it is the same place renamed, list its old name in grids.csv's aliases column "
                 "(residents will still answer by it), or keep one of its compounds listed; if the id is meant to "
                 "carry the other place's months, set gate.reused_grid_ids = \"unchecked\" in the policy")


def misfiled_message(ctx: RunContext, found: list) -> str:
    # a later download of the whole form is the next month's too: moved, it left that month without one (trial 36)
    what = ("Download the form as said" if any(f.lacks for f in found) else
            f"Copy it into surveys/{ctx.month}/ as said" if any(f.later for f in found) else
            f"Move it to surveys/{ctx.month}/" + (" as said" if any(f.outnumbers is not None for f in found) else ""))
    return stop_line(ctx, "a download of this month is in another month's folder, so this month would be paid without "
                      "its answers", found, f"{what} and run again")


def published_reviews_message(ctx: RunContext, found: list[str]) -> str:
    return stop_line(ctx, f"today's appeals.csv and verification/{ctx.month}.csv no longer hold decisions the month's "
                      f"published run {ctx.published[0]} applied, so the month would be paid as if they had never "
                      f"been made", found,
                 f"Put those rows back (appeals.csv keeps every month's appeals; verification/{ctx.month}.csv the "
                 f"month's calls, in that folder, not a subfolder), and run again; to reverse a decision, keep its "
                 f"row with the new decision (驳回, or the call's new result)")


def set_aside_answers_message(ctx: RunContext, found: list[str]) -> str:
    return stop_line(ctx, f"answers of {ctx.month} that another month's survey files held (set aside there as this "
                      f"month's) are in none of this month's survey files, so the month would be paid without them",
                 # trial 83 copied the download as told, and was stopped as last month's download in this one's place
                 found, f"Download that form again now that {ctx.month} is over (a download made after it ended holds "
                        f"every answer of it) into surveys/{ctx.month}/, and run again; if the form can no longer be "
                        f"downloaded, copy that download there and run again (with --accept-fewer-answers if "
                        f"{ctx.month} has no download of its own form beside it); if those "
                        f"answers should not count, run again with --accept-fewer-answers (said on the scorecard)")


def unassigned_message(ctx: RunContext, found: list) -> str:
    before = found[0].paid_month
    return stop_line(ctx, f"assignments.csv gives a worker paid in {before} fewer days of it than were paid and no day "
                      f"of {ctx.month}, so the worker is not on this month's payroll", found,
                 f"Correct the dates (a year typed wrong?) and run again; if the worker did leave before {before}, "
                 f"correct {before} first (gridpay run --month {before} --reference inbox --reason \"...\"), then "
                 f"run {ctx.month}", most=10)


def year_off_message(ctx: RunContext, found: list) -> str:
    return stop_line(ctx, f"assignments.csv has {'rows' if len(found) > 1 else 'a row'} dated a year off {ctx.month} "
                          f"beside another worker's row of the grid (a year typed wrong?): a worker it gives no day of the "
                          f"month is not paid, and her own answers count as a resident's; one it gives the days of "
                          f"another's row is paid for them beside her", found,
                     "Correct the year and run again; if a row so given no day is right (a leaver of a year ago), "
                     "take the worker out of workers.csv (the months paid before keep their archived copy)")


def unresolved_names_message(ctx: RunContext, found: list) -> str:
    return stop_line(ctx, "survey answers name a grid name grids.csv gives to more than one grid, in a file named for "
                      "no community that tells them apart, so which grid they are would be a guess", found,
                 "Keep the community's whole name, as grids.csv gives it, in the file's name (a platform names a "
                 "download after its form: "
                 "283746519_2_天井湖社区网格员满意度测评_66_66.xlsx is 天井湖社区's), or give the grids names of their "
                 "own in grids.csv and in the form, and run again", most=10)


def other_community_message(ctx: RunContext, found: list) -> str:
    return stop_line(ctx, "answers of a survey file named for one community are counted for another community's grids, "
                      "so one community's residents would pay another's workers", found,
                 # a ninety-fifth trial's text export read the codes export first: the likelier cause goes first
                 "Check the file is that community's (another community's download saved under its name?) and the "
                 "grids its answers name, and run again; a codes export (按序号) is read by the grid question's option "
                 "numbers in grids.csv's order, and a community's own form lists only its grids: download its text "
                 "export (按文本) instead; where residents did answer for another community's grid, raise "
                 "gate.other_community_rows in the policy", most=10)


def reviews_message(ctx: RunContext, reviews: list[str]) -> str:
    rules = f"{len(reviews)} rule{'s' if len(reviews) > 1 else ''}"
    return (f"{ctx.month}: the appeals or verification calls break {rules}; nothing published. "
            f"{'; '.join(reviews[:10])}" + (" ..." if len(reviews) > 10 else ""))


def _way_out(grid) -> str:
    """What HR does about an unknown grid name, without editing the platform's download (archived as it came)."""
    form = ("; it is the grid the policy's [survey.file_grids] gives a form: give that form the grid that took its "
            "homes there, with a new version" if grid.form else "")
    # a character copied in with the name from a chat (trial 179: an alias of it looped, or a grids.csv name holding
    # one looked the same as the answer it did not match); from policy 2027.29 an answer's own are dropped as it is read
    if _typed_hidden(grid):
        return (f"'{grid.value}' holds an invisible character (shown as <U+...>), copied in with the name: delete it "
                f"from those cells of the sheet HR typed (a platform's download, never edited: policy 2027.29's "
                f"survey.grid_invisible_dropped reads it without, under a new version)")
    if hidden := [c for c in grid.closest if visible(c) != c]:
        return (f"the grid name {visible(hidden[0])} in grids.csv holds an invisible character (shown as <U+...>), "
                f"copied in with the name: type it again there")
    if not grid.closest_ids and grid.gone:
        return (f"'{grid.value}' names {grid.gone}, which grids.csv no longer has: if that grid was merged into "
                f"another, add '{grid.value}' to the aliases of the grid that took its homes{form}; add the grid back "
                f"to grids.csv only if it is a grid again, with its workers in assignments.csv")
    if not grid.closest_ids and grid.in_brackets:     # a form asking the worker by name (trial 305)
        what = (f"{' and '.join(grid.in_brackets)}, give it to one as its alias in grids.csv and record the other's "
                f"homes as HR's own 非本网格 corrections" if grid.two_grids else
                f"{grid.in_brackets[0]}, add it to that grid's aliases in grids.csv")
        return f"if '{grid.value}' is a worker's option for {what} (a form asking the worker: docs/platforms.md)"
    if not grid.closest_ids:
        return (f"correct '{grid.value}' in grids.csv or in the survey file, or add it to grids.csv if it is a new "
                f"grid of this community; if it is another community's grid (a neighbour's forms typed in with "
                f"ours), take those rows out of the sheet HR typed, or the file out of the inbox")
    if len(grid.closest_ids) > 1 and all(", whose compound is " in c for c in grid.closest):
        # a compound split between grids: no alias can say which (a trial's alias paid them all to one)
        return (f"'{grid.value}' is a compound grids.csv lists for {' and '.join(grid.closest_ids)}, so it cannot say "
                f"which grid an answer is: correct each answer's grid by its home's building in the sheet HR types "
                f"(an alias would pay them all to one grid's workers)")
    if grid.shared:     # an alias names one grid for every community's files (expectations/unknown_grids.py)
        return (f"'{grid.value}' reads like a name of {len(grid.shared)} grids ({', '.join(grid.shared)}): an alias would "
                f"count it for one of them in every community's files, so type each answer's grid in the sheet HR "
                f"typed as its community's grids.csv name or grid id")
    means = grid.closest_ids[0] if len(grid.closest_ids) == 1 else " or ".join(grid.closest_ids)
    which = grid.closest_ids[0] if len(grid.closest_ids) == 1 else "that grid"
    return f"if '{grid.value}' means {means}, add it to the aliases of {which} in grids.csv"


# said once after the names' ways out (a sixty-fifth trial's stop on six names was one line of 2,300 characters)
ALIAS_TAIL = (" (an 'aliases' column, names separated by ';'), or correct grids.csv if the grid was renamed or its name is "
              "mistyped there; if it is a "
              "grid of its own that grids.csv does not list yet (a new grid), add it to grids.csv and its workers to "
              "assignments.csv: an alias would pay its answers to another grid's workers")


def _aliased(grid) -> bool:
    """Is the name's way out an alias of a grid it reads like (not a compound two grids list, no invisible character
    in the answer's name or in the grids.csv name it reads like: trial 179)?"""
    hidden = _typed_hidden(grid) or any(visible(c) != c for c in grid.closest)
    return bool(grid.closest_ids) and not grid.shared and not hidden and not (
        len(grid.closest_ids) > 1 and all(", whose compound is " in c for c in grid.closest))


def _typed_hidden(grid) -> bool:
    return visible(grid.value) != grid.value or "<U+" in grid.value
