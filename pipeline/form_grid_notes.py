"""What the stops on a silent grid and on shared response ids add where the policy gives downloads their grid by
name ([survey.file_grids], one form per grid). Trial 161's 第十一网格 form, copied from 第一网格's and titled
`第一网格网格员满意度调查(副本)`, was read as 第一网格's: the two stops it met named neither the table nor its
entry, and its clerk, told to give the ids a prefix, would have paid 第十一网格's answers to 第一网格's worker."""
from __future__ import annotations

from collections import defaultdict

from gridpay.ingest.survey_ids import form_entry
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext

KEY = "survey.file_grids"
COPIED = ("a form per grid has one download a month, so one may be another grid's form under a copied title "
          "(…(副本)): key each form by its number, which a copied title cannot change, or, where its downloads' names "
          "hold none, by its whole title as they hold it (the longer of two entries a name holds applies; "
          "docs/platforms.md)")


def _entry(ctx: RunContext, file: str) -> tuple[str, str] | None:
    return form_entry(file, ctx.policy.file_grids)


def shared_form_note(ctx: RunContext, pairs: list[tuple[str, str]]) -> str:
    """Two files sharing ids that the table reads as one grid."""
    notes = []
    for a, b in pairs:
        if (one := _entry(ctx, a)) and (other := _entry(ctx, b)) and one[1] == other[1]:
            notes.append(f"; both are read as {one[1]} by the policy's [{KEY}] (\"{one[0]}\" in '{a}', \"{other[0]}\" "
                         f"in '{b}'): {COPIED}")
    return "".join(notes[:3])


def _texts(ctx: RunContext, grid) -> list[str]:
    """The table's texts naming the grid, by its id or its name."""
    return [text for text, value in ctx.policy.file_grids if value in (grid.grid_id, grid.grid_name)]


def silent_form_note(ctx: RunContext, grids: list) -> str:
    """A silent grid the table gives downloads to: the entry no file of the month matched; then, once, the files
    the table reads as one grid, with the entry that read each."""
    if not ctx.policy.file_grids:
        return ""
    with stage_connection(ctx.workdir) as con:
        files = [f for (f,) in con.execute("select distinct source_file from surveys order by 1").fetchall()]
    read_as: dict[str, list[str]] = defaultdict(list)
    seen = set()
    for file in files:
        if entry := _entry(ctx, file):
            read_as[entry[1]].append(f"'{file}' by \"{entry[0]}\"")
            seen.add(entry[0])
    notes = [f"the policy's [{KEY}] gives {g.grid_name} the downloads whose name holds "
             f"{' or '.join(f'{chr(34)}{t}{chr(34)}' for t in texts)}"
             for g in grids if (texts := _texts(ctx, g)) and not seen & set(texts)]
    if not notes:
        return ""
    twice = [f"{' and '.join(held)} are {'both' if len(held) == 2 else 'all'} read as {grid}"
             for grid, held in read_as.items() if len(held) > 1]
    return (f"; {'; '.join(notes)}, and no survey file of the month is read so"
            + (f" ({'; '.join(twice[:3])}: {COPIED})" if twice else ""))
