"""The stop on response ids two survey files share, or one file uses twice (exit 1, nothing published): which
files, whether their rows are one answer twice, and what HR does (a prefix per download, a copy taken out)."""
from __future__ import annotations

from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.form_grid_notes import shared_form_note


def shared_ids_message(ctx: RunContext, shared: list, repeated: list) -> str:
    if not shared:     # within a file: both rows would be quarantined, two homes' answers lost quietly
        pasted = all(r.same == r.count for r in repeated)     # one answer twice: downloads pasted into one sheet
        # ... or, in a sheet typed by hand, a form typed twice (trial 150 was told of downloads pasted together)
        typed = not any(f in _downloads(ctx) for r in repeated for f in r.files)
        return (f"{ctx.month}: a survey file uses one response id on more than one row, so neither row could count "
                f"and an appeal or a call naming it could mean either; nothing published. "
                f"{'; '.join(map(str, repeated))}. " + (
                    "The rows under each id are one answer (its time, grid and home) typed or pasted twice: delete the "
                    "copies, keeping one row of each, and run again" if pasted and typed else
                    "The rows under each id are one answer (its time, grid and home) twice: two downloads pasted "
                    "into one sheet? Put the platform's one download of the whole month in the inbox as it came "
                    "in place of this file, or keep one row of each, and run again" if pasted else
                    "Give each form its own number (paper forms as P1, P2, ...), delete a row typed twice, and run "
                    "again"))
    # a download saved twice under two names stops before this (pipeline/file_stops.py copied_survey_files)
    if otherwise := [s for s in shared if s.rated_otherwise]:    # trial 157's hidden sheet: which is the download?
        if not any(f in _downloads(ctx) for s in otherwise for f in s.files):     # trial 281: two volunteers' sheets
            return (f"{ctx.month}: two typed sheets give the same forms (id, time, grid and home), some with other "
                    f"ratings: the same paper forms typed twice, by two people?; nothing published. " + "; ".join(
                        f"'{s.files[0]}' and '{s.files[1]}': {s.count} shared ids, {s.rated_otherwise} of them rated "
                        f"otherwise" for s in otherwise) + ". Check those forms on paper, keep each form once, in one "
                    "sheet, as the paper says (a form only one sheet holds stays in it), and run again")
        return (f"{ctx.month}: two survey files give the same answers (id, time, grid and home) with other ratings, "
                f"so one of them is not the platform's download as it came; nothing published. " + "; ".join(
                    f"'{s.files[0]}' and '{s.files[1]}': {s.rated_otherwise} of their {s.count} shared ids" for s in
                    otherwise) + ". A download is never edited, and a sheet of other ratings (a hidden sheet of the "
                "workbook, a copy someone changed) is no answer: download the form again, keep that download only "
                "(whatever the files' names say), and run again")
    later = [(s, s.later_download) for s in shared if s.later_download]
    if later and len(later) == len(shared):    # one form downloaded on two days: prefixes would count it twice
        said = "; ".join(f"{latest!r} holds every answer of {next(f for f in s.files if f != latest)!r}: the same "
                         f"{s.count} answers (id, time, grid and home)" for s, latest in later)
        # "keep the later download only" was read as the later-saved file (a ninety-first trial's subset)
        keep = "; ".join(f"keep {latest!r}, take {next(f for f in s.files if f != latest)!r} out" for s, latest in later)
        return (f"{ctx.month}: two downloads of one form are in the inbox, so each answer is in the month twice; "
                f"nothing published. {said}. Keep the download that holds every answer of the other (most often "
                f"the later; whatever its file name or date says): {keep}, and run again")
    # neither holding every answer of the other (ids 1-120 and 100-206): keeping the later loses the
    # earlier's own answers (a thirty-first trial followed "keep the later only": 59 answers gone, exit 0)
    # trial 147: a 汇总 sheet saved beside the volunteers' sheets it copies was told to download the form again,
    # in one line of 19 pairs and 3,000 characters
    same = "".join(f"; {s.same} of the ids shared by '{s.files[0]}' and '{s.files[1]}' are the same answer in both "
                   f"(time, grid and home): if one file copies the other's rows (a 汇总 sheet saved beside the sheets "
                   f"it sums), take the copy out; if the files are two downloads of one form, " +
                   ("keep the later only" if s.later_download else "neither holds every answer of the other, so "
                    "download the form once more (every answer of the month) and keep that download only")
                   for s in [s for s in shared if s.same][:3])
    listed = "; ".join(map(str, (shared + repeated)[:5])) + (f"; and {len(shared + repeated) - 5} more" * (len(shared + repeated) > 5))
    form = shared_form_note(ctx, [s.files for s in shared])       # trial 161: the prefix alone paid the wrong grid
    if not repeated and all(s.same == s.count for s in shared):      # one form's answers twice: no prefix (trial 225)
        return (f"{ctx.month}: two survey files use the same response ids, each the same answer in both, so each "
                f"answer is in the month twice; nothing published. {listed}{same}. A prefix in "
                f"[survey.file_id_prefixes] is for two forms, and would count these answers twice")
    return (f"{ctx.month}: two survey files use the same response ids, so an appeal or a call naming one could mean "
            f"either answer; nothing published. {listed}{same}{_one_name(ctx, shared)}{form}. "
            f"{'Once each download is read as its own grid: ' if form else ''}A platform numbers the "
            f"answers of each download from 1: give each download's ids a prefix in the policy's "
            f"[survey.file_id_prefixes] (a text of its file name = the prefix, \"白云\" = \"B\"), number paper forms "
            f"P1, P2, ... (a second sheet of them going on from the first's last number), or take the file out of the inbox if it is a copy of the other, and run again")


def _one_name(ctx: RunContext, shared: list) -> str:
    """Two files named for one community: one may be another's download (trial 91's 柳岸 as 凤鸣社区11月.xlsx)."""
    import pandas as pd
    from gridpay.ingest.staging import grid_communities
    from gridpay.transforms.grid_names import community_in_name
    # two files of one kind (downloads, or sheets), each pair's own (trial 210: a paper sheet beside its community's
    # download, and pairs of two communities, were told one file was another community's download under its name)
    pairs = [s.files for s in shared if not s.same]          # one form's two files: said otherwise
    if not pairs:
        return ""
    downloads = _downloads(ctx)
    pairs = [(a, b) for a, b in pairs if (a in downloads) == (b in downloads)]
    known = set(grid_communities(pd.read_parquet(ctx.workdir / "grids.parquet")).values())
    both = {c for a, b in pairs if (c := community_in_name(a, known)) == community_in_name(b, known)}
    return "".join(f"; both are named for {c}, which has one form: if one is another community's download saved "
                   f"under its name, give it its own name back (gridpay inspect shows the grids and compounds each "
                   f"names) before anything else" for c in sorted(both - {None}))


def _downloads(ctx: RunContext) -> set[str]:
    """The survey files read as a platform's download (the stage's platform_files)."""
    with stage_connection(ctx.workdir) as con:
        return {f for (f,) in con.execute("select source_file from platform_files").fetchall()}
