"""Stops about the files the month holds: one download saved under two names, a grid whose download is
missing, a download of another community's (expectations/silent_grids.py and file_communities.py). The
last two never in an audit (a published month's files are what they were)."""
from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import PurePosixPath

import pandas as pd

from gridpay.ingest.grid_aliases import listed_compounds
from gridpay.ingest.staging import grid_communities
from gridpay.ingest.duckdb_reader import quoted
from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.survey_values import compound_name
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.form_grid_notes import silent_form_note
from gridpay.pipeline.run_notices import headed
from gridpay.store.grid_history import last_counted, last_dropped, last_files, last_households, last_listed_grids

log = logging.getLogger("gridpay")


def copied_survey_files(ctx: RunContext) -> list[tuple[str, str]]:
    """(first, copy) of the month's survey files holding the same bytes, whatever their names. A copy's ids
    are the original's, and the shared-ids stop names it, but not under another name whose id prefix
    (survey.file_id_prefixes) differs: an eighty-third trial's renamed copy was stopped only by the households
    it counted twice, with advice to accept the exclusions."""
    first: dict[str, str] = {}
    copies: list[tuple[str, str]] = []
    if ctx.request.replay is not None:        # an audit replays what was published, as it was
        return copies
    for f in ctx.inputs.files:
        if f.name.startswith("surveys/"):
            if f.sha256 in first:
                copies.append((first[f.sha256], f.name))
            first.setdefault(f.sha256, f.name)
    return copies


def copies_message(ctx: RunContext, copies: list[tuple[str, str]]) -> str:
    said = "; ".join(f"{second!r} is a copy of {first!r} (the same bytes)" for first, second in copies)
    return (f"{ctx.month}: {said}, so every answer in it would count twice; nothing published. Take the copy out of "
            f"the inbox, and run again")


def silent_grids(ctx: RunContext) -> tuple[list, list]:
    """(the grids with no answer in a month whose grids have enough, where the policy stops on them and the run
    does not accept fewer answers (said then); the files holding no answer of the month)."""
    from gridpay.expectations.silent_grids import silent_grids as found
    if ctx.policy.outcome.silent_grids != "stop" or ctx.request.replay is not None:
        return [], []
    grids, files = found(ctx.workdir, ctx.month, ctx.policy.scoring.min_responses,
                         last_counted(ctx.settings.db, ctx.month), ctx.policy.outcome.answers_dropped_below or 0.5)
    if grids and ctx.request.accept_fewer_answers:
        # a grid with no answer was told it is "scored on the answers it has" (a hundred-and-fourth trial's G8)
        log.warning("%s: accepted (--accept-fewer-answers): each is scored on the answers it has; one with none or "
                    "too few is paid at the neutral coefficient for its days, or on its earlier published months "
                    "where the policy pools them (at most the neutral coefficient under scoring.thin_month_at_most_"
                    "neutral)", "; ".join(map(str, grids)), extra=headed("accepted"))
        return [], files
    last, came_in = last_files(ctx.settings.db, ctx.month) if grids else (None, {})
    return [replace(g, came_in=(last, PurePosixPath(came_in[g.grid_id]).name)) if g.grid_id in came_in else g
            for g in grids], files


def silent_grids_message(ctx: RunContext, grids: list, files: list) -> str:
    held = "".join(f"; {file} holds only {what}" for file, what in files[:3])
    return (f"{ctx.month}: a grid with a worker assigned has no answer this month, or too few to be scored where "
            f"it had enough in the month published last, while the others have enough, so it would be scored on "
            f"earlier months or paid at the neutral coefficient; nothing published. "
            f"{'; '.join(map(str, grids))}{held}{silent_form_note(ctx, grids)}. Put each grid's downloads of {ctx.month} "
            f"in surveys/{ctx.month}/ "
            f"(download the form again if the one there is another month's) and run again; if every download is "
            f"there and its residents answered so few (or were not asked), run again with --accept-fewer-answers "
            f"(said on the scorecard)")


def foreign_community_files(ctx: RunContext) -> list:
    """Survey files named for a community the project does not have whose answers name compounds or grids it
    does not have, where the policy stops on them."""
    from gridpay.expectations.file_communities import foreign_community_files as found
    if ctx.policy.outcome.foreign_community_files != "stop" or ctx.request.replay is not None:
        return []
    grids = pd.read_parquet(ctx.workdir / "grids.parquet")
    listed = _names(listed_compounds(grids).values(), ctx.policy.compound_suffix_dropped)
    # a compound listed only since the month published last is not yet ours: trial 85 listed the neighbour's
    # compound for our grid, as a line of the run had offered, and its answers were paid to our worker
    before = _names((c for _, c, _ in last_listed_grids(ctx.settings.db, ctx.month).values()),
                    ctx.policy.compound_suffix_dropped)
    return found(ctx.workdir, {*grid_communities(grids).values(), ctx.settings.community},
                 listed & before if before else listed, set(grids["grid_id"].dropna()))


def unlisted_compounds(ctx: RunContext) -> list:
    """Answers to grids listing their compounds that name a compound grids.csv lists for no grid, where the
    policy stops on them (expectations/unlisted_compounds.py)."""
    from gridpay.expectations.unlisted_compounds import unlisted_compounds as found
    if ctx.policy.outcome.unlisted_compounds != "stop" or ctx.request.replay is not None:
        return []
    return found(ctx.workdir, ctx.policy.compound_suffix_dropped, ctx.month)


def unlisted_compounds_message(ctx: RunContext, found: list) -> str:
    from gridpay.expectations.unlisted_compounds import said_by_compound
    shown = said_by_compound(found)
    codes = ("; a number is the compound question's option number in a codes export (按序号): put the text export "
             "(按文本) in its place" if any(f.compound.isdigit() for f in found) else "")
    return (f"{ctx.month}: answers name a compound (小区) that grids.csv lists for no grid, in grids it lists compounds "
            f"for: another community's download, whatever its name, would be paid to the grids its answers name; "
            f"nothing published. {shown}. If the file is another community's, take it out of surveys/{ctx.month}/ "
            f"and run again. Only if the compound is this community's: a listed compound typed another way, or a part "
            f"of one numbering its doors as it does, goes after that compound's name and '=' (翠竹苑=翠竹园); a compound "
            f"of its own, in grids.csv's compounds under the grid that spans it; and run again{codes} (policy "
            f"gate.unlisted_compounds)")


def lone_file_surges(ctx: RunContext) -> list:
    """Grids whose answers doubled through a file answering no other grid (expectations/lone_file_surges.py), where
    the policy stops on them and the run does not accept more answers (said then)."""
    from gridpay.expectations.lone_file_surges import lone_file_surges as found
    if ctx.policy.outcome.lone_file_surges != "stop" or ctx.request.replay is not None:
        return []
    surges = found(ctx.workdir, last_counted(ctx.settings.db, ctx.month), last_households(ctx.settings.db, ctx.month))
    if surges and ctx.request.accept_more_answers:
        log.warning("%s: accepted (--accept-more-answers): counted", "; ".join(map(str, surges)),
        extra=headed("accepted"))
        return []
    return surges


def lone_file_surges_message(ctx: RunContext, surges: list) -> str:
    # a grid the month before had flagged fallen: a hundred-and-tenth trial's October lacked the paper sheet that
    # November's "surge" came in, and the stop blamed the right file and never named October
    last, dropped = last_dropped(ctx.settings.db, ctx.month)
    fallen = sorted({s.grid_id for s in surges} & dropped)
    back = (f" {', '.join(fallen)} {'was' if len(fallen) == 1 else 'were'} flagged answers_dropped in {last} (its "
            f"answers fell from the month before it's): if {last} lacked a file like this one, correct {last} first (its own "
            f"such file in surveys/{last}/, a correction run), then run this month again." if fallen else "")
    return (f"{ctx.month}: a grid's answers at least doubled, the new ones from a file answering no other grid: "
            f"another community's download under another name, read for a grid name both communities have, would "
            f"be paid to this community's worker; nothing published. {'; '.join(map(str, surges))}.{back} If the file "
            f"is not this community's, take it out of surveys/{ctx.month}/ and run again; if its answers are this "
            f"community's residents' (a paper drive, a form of its own), run again with --accept-more-answers (said "
            f"on the scorecard) (policy gate.lone_file_surges)")


def _names(compounds, suffix_dropped: bool) -> set[str]:
    return {compound_name(n, suffix_dropped) for names in compounds for n in names}


def foreign_files_message(ctx: RunContext, files: list) -> str:
    ours = "、".join(sorted({c for c in (*grid_communities(pd.read_parquet(ctx.workdir / "grids.parquet")).values(),
                                         ctx.settings.community) if c}))
    return (f"{ctx.month}: a survey file is named for another community than this project's ({ours}), and its "
            f"answers name compounds or grids not this community's: another community's download would be "
            f"counted for the grids its answers name; nothing published. {'; '.join(map(str, files))}. Take it out "
            f"of surveys/{ctx.month}/ and run again (do not list its compounds or grids in grids.csv: its answers "
            f"would then be paid to this community's workers, nor rename the file: the rename hides whose it is); if it "
            f"is this community's own form under a title naming another community, set "
            f"gate.foreign_community_files = \"unchecked\" in the policy for that month")


ABOVE = 2       # a typed sheet's answers above the policy's scale (6 to 10 on 1-5) before it is a sheet on another scale


def spreadsheet_saved(ctx: RunContext) -> list:
    """A platform's download a spreadsheet saved again (door numbers made dates), and answer times saved as rounded day
    numbers that may be another month's (ingest/excel_times.py); never in an audit."""
    from gridpay.ingest.excel_times import resaved_downloads, rounded_times
    return [] if ctx.request.replay is not None else [*resaved_downloads(ctx.workdir), *rounded_times(ctx.workdir, ctx.month)]


def spreadsheet_message(ctx: RunContext, found: list) -> str:
    from gridpay.ingest.excel_times import spreadsheet_message as message
    return message(ctx.month, found)


def other_scale_sheets(ctx: RunContext) -> list[tuple[str, int, int, int, list[int]]]:
    """(file, rows answering above the scale, rows answering a letter, its rows, the first such rows) of each typed
    sheet with ABOVE or more of either (survey.sheet_scales): trial 117's paper sheet on a 10-point scale had its 7-10
    rows invalid and its unhappiest residents' 3 to 5 out of 10 counted as 3 to 5 of 5 (W5 +64.94), exit 0, the rows
    said pointed at the happy ones; trial 125's sheet typed as the form's letters (A-E) was invalid whole, W5 paid
    1711.62 for 1440.00 on the other grids' answers, a line the only word."""
    p = ctx.policy
    if not p.sheet_scales_checked or ctx.request.replay is not None:
        return []
    high = " or ".join(f"try_cast({quoted(i)} as integer) between {p.scale_max + 1} and {2 * p.scale_max}"
                       for i in p.items)
    letter = " or ".join(f"regexp_full_match(coalesce({quoted(i)}, ''), '[A-Ea-e]')" for i in p.items)
    with stage_connection(ctx.workdir) as con:
        return con.execute(f"""
            select source_file, count(*) filter (where {high})::integer, count(*) filter (where {letter})::integer,
                   count(*)::integer, (list(row_number order by row_number) filter (where {high} or {letter}))[1:5]
            from surveys where source_file not in (select source_file from platform_files) group by source_file
            having count(*) filter (where {high}) >= {ABOVE} or count(*) filter (where {letter}) >= {ABOVE}
            order by source_file""").fetchall()


def other_scale_message(ctx: RunContext, sheets: list) -> str:
    top = ctx.policy.scale_max

    def told(high: int, letters: int) -> str:
        letter = f"{letters} {'' if high else 'of its answers '}are letters (A-E, the form's options as printed)"
        return " and ".join([f"{high} of its answers give {top + 1} to {2 * top}"] * bool(high) + [letter] * bool(letters))
    said = "; ".join(f"{file}: {told(high, letters)} (rows {', '.join(map(str, first))}"
                     f"{' ...' if high + letters > len(first) else ''})" for file, high, letters, _, first in sheets)
    return (f"{ctx.month}: a typed sheet's answers are on another scale than the policy's 1 to {top}; nothing published. "
            f"{said}. A sheet typed on a 1-{2 * top} scale has its answers of 1 to {top} read as the policy's too ("
            f"4 of {2 * top} as 4 of {top}), and its higher ones invalid; a letter is no answer gridpay reads: retype "
            f"the sheet's answers on the policy's scale ({top} = 非常满意) or as the paper forms' words, and run again "
            f"(policy survey.sheet_scales)")


def say_other_grids_compounds(said: list) -> None:
    for pair in said:
        # trial 147: a sheet HR typed, sorted by its 网格 column alone, was told to appeal residents' answers out;
        # trial 305's wrong 王芳 chosen was told only that, not how to keep the residents' voices in their own grid
        log.warning("%s: counted for the grid they name; if they are another grid's, HR's own correction in appeals.csv "
                    "(decision upheld, category 非本网格, worker_id blank, resident_grid the grid of the home) counts "
                    "each there (a platform's download is never edited; a sheet HR typed is put right from the paper "
                    "forms: one sorted by a column alone mixes grids); if the grid does span the compound, list it for "
                    "the grid in grids.csv", pair, extra=headed("compound_grid"))


def mixed_sheets(ctx: RunContext) -> list[tuple[str, int, int]]:
    """Survey files of which many answers name a compound of another grid than the one they give, under any policy
    with gate.other_grid_compound_rows: trial 147's re-checks published its sorted sheet's wrong pay under a policy
    that lacked gate.other_grid_compound_by_grid, said in a line that read as a stop. Never in an audit."""
    from gridpay.ingest.sorted_sheets import mixed_sheets as found
    least = ctx.policy.outcome.other_grid_compound_rows
    if least is None or ctx.request.replay is not None:
        return []
    return found(ctx.workdir, least, ctx.policy.compound_suffix_dropped, ctx.month)


def _mixed(mixed: list[tuple[str, int, int]]) -> str:
    return "; ".join(f"{file}: {n} of its {named} answers naming a compound name one another grid lists, not the grid "
                     f"they give" for file, n, named in mixed)


def mixed_sheets_message(ctx: RunContext, mixed: list[tuple[str, int, int]]) -> str:
    return (f"{ctx.month}: {_mixed(mixed)}; so they would be paid to other grids' workers; nothing published. A sheet "
            f"HR typed and then sorted by one column alone (its 网格 column apart from its rows) does this: put it back "
            f"in order from the paper forms (undo the sort, or type each row's grid again) and run again. In a "
            f"platform's download, residents chose both: correct the grids' compounds in grids.csv, or, where a grid "
            f"was split, see docs/troubleshooting.md (survey.grid_by_compound) (policy gate.other_grid_compound_rows)")
