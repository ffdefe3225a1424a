"""What a re-run of a published month says when one reference file names an id another lacks: the id retired since
(the month was published from its day's files: --reference published), or the id in today's file a run on the
published ones does not read (--take it)."""
from __future__ import annotations

import re

from gridpay.ingest.formats import decoded_text
from gridpay.pipeline.context import RunContext
from gridpay.store.warehouse import connect

_UNKNOWN = re.compile(r"(grid_id|worker_id) '([^']*)' is not in (grids|workers)\.csv")
_MEANT = re.compile(r" \(did you mean [^)]*\?\)")


def reference_way_out(ctx: RunContext, message: str) -> str | None:
    """The message with the way out for a re-run, or None where the id is no such case."""
    if _retired_since(ctx, message):      # not another grid: its own day's files
        return (f"{_MEANT.sub('', message)}; {ctx.month} was published from the reference files of its day: to "
                f"re-run it on those, add --reference published")
    known = _UNKNOWN.search(message)
    file = known and f"{known[3]}.csv"
    if not known or ctx.request.reference != "published" or file in ctx.request.take or not _holds(ctx, file, known[2]):
        return None
    # trial 158's correction, --take assignments, was told W08 was not in workers.csv "(did you mean W07 or W06?)"
    return (f"{_MEANT.sub('', message)}: today's {file} has {known[2]}, but --reference published reads {ctx.month}'s "
            f"{file} as it was published; add --take {known[3]} too if its change is {ctx.month}'s")


def _holds(ctx: RunContext, file: str, value: str) -> bool:
    """Does today's inbox file hold `value` as a cell of a line (a CSV as HR saves it, UTF-8 or GBK)?"""
    path = ctx.settings.inbox / file
    try:
        text = decoded_text(path) if path.is_file() else ""
    except Exception:  # noqa: BLE001 (a file that does not read is its own stop, not this hint's)
        return False
    return any(value in (cell.strip().strip('"') for cell in line.split(",")) for line in text.splitlines())


def _retired_since(ctx: RunContext, message: str) -> bool:
    """Whether a reference file's unknown grid or worker is one the month's published run knew (retired since:
    a fifty-eighth trial's merged grid), not a typo (W01 for W1 was never anyone's)."""
    known = _UNKNOWN.match(message)
    if not (ctx.published and ctx.request.reference is None and known):
        return False
    with connect(ctx.settings.db) as con:
        return bool(con.execute(f"select count(*) from raw_{known[3]} where run_id = ? and {known[1]} = ?",
                                [ctx.published[0], known[2]]).fetchone()[0])
