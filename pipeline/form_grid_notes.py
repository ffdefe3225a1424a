"""What the stops on a silent grid and on shared response ids add where the policy gives downloads their grid by
name ([survey.file_grids], one form per grid). Trial 161's 第十一网格 form, copied from 第一网格's and titled
`第一网格网格员满意度调查(副本)`, was read as 第一网格's: the two stops it met named neither the table nor its
entry, and its clerk, told to give the ids a prefix, would have paid 第十一网格's answers to 第一网格's worker."""
from __future__ import annotations

from collections import defaultdict

from gridpay.core.errors import InputError
from gridpay.ingest.survey_ids import named_entry
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext

KEY = "survey.file_grids"
COPIED = ("a form per grid has one download a month, so one may be another grid's form under a copied title "
          "(…(副本)): key each form by its number, which a copied title cannot change (docs/platforms.md)")


def _entry(ctx: RunContext, file: str) -> tuple[str, str] | None:
    try:
        return named_entry(file, ctx.policy.file_grids, KEY)
    except InputError:      # stopped where the file was read
        return None


def shared_form_note(ctx: RunContext, pairs: list[tuple[str, str]]) -> str:
    """Two files sharing ids that the table reads as one grid."""
    notes = []
    for a, b in pairs:
        if (one := _entry(ctx, a)) and (other := _entry(ctx, b)) and one[1] == other[1]:
            notes.append(f"; both are read as {one[1]} by the policy's [{KEY}] (\"{one[0]}\" in '{a}', \"{other[0]}\" "
                         f"in '{b}'): {COPIED}")
    return "".join(notes[:3])


def silent_form_note(ctx: RunContext, grids: list) -> str:
    """A silent grid the table gives downloads to: the entry no file of the month matched, and the grids two of
    the month's files are read as."""
    if not ctx.policy.file_grids:
        return ""
    with stage_connection(ctx.workdir) as con:
        files = [f for (f,) in con.execute("select distinct source_file from surveys order by 1").fetchall()]
    read_as: dict[str, list[str]] = defaultdict(list)
    seen = set()
    for file in files:
        if entry := _entry(ctx, file):
            read_as[entry[1]].append(file)
            seen.add(entry[0])
    twice = [f"{' and '.join(repr(f) for f in held)} are {'both' if len(held) == 2 else 'all'} read as {grid}"
             for grid, held in read_as.items() if len(held) > 1]
    notes = []
    for g in grids:
        texts = [t for t, grid in ctx.policy.file_grids if grid in (g.grid_id, g.grid_name)]
        if texts and not seen & set(texts):
            notes.append(f"; the policy's [{KEY}] gives {g.grid_name} the downloads whose name holds "
                         f"{' or '.join(chr(34) + t + chr(34) for t in texts)}, and no survey file of the month is "
                         f"read so" + (f" ({'; '.join(twice[:2])}: {COPIED})" if twice else ""))
    return "".join(notes)
