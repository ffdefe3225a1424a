"""A reference sheet's totals or notes row (合计, 备注：, 制表人：) told apart from a broken data row.

Clerks end an Excel sheet with a 合计 row or a line of notes before saving it as CSV; the first rule it broke
("reason is blank") sent a trial's clerk looking for a missing reason (trial 138). The words are the survey
sheets' (ingest/formats.py), read the same way: the row's first filled cell starts with one.
"""
from __future__ import annotations

from gridpay.ingest.formats import NOTE_WORDS, TOTAL_WORDS

_ROW = {"grids": "grid", "workers": "worker", "assignments": "worker's grid and dates",
        "adjustments": "worker's adjustment"}


def summary_cell(cells: dict[str, object]) -> tuple[str, str] | None:
    """(column, 'totals' or 'notes') where the row's first filled cell starts with a totals or notes word, or
    any cell is a totals word alone (a 合计 typed under the reasons, its worker_id left blank)."""
    texts = {c: "" if v is None else str(v).replace(" ", "").rstrip(":：") for c, v in cells.items()}
    filled = [(c, t) for c, t in texts.items() if t]
    if filled and filled[0][1].startswith(TOTAL_WORDS):
        return filled[0][0], "totals"
    if filled and filled[0][1].startswith(NOTE_WORDS):
        return filled[0][0], "notes"
    return next(((c, "totals") for c, t in filled if t in TOTAL_WORDS), None)


def summary_row_message(kind: str, table: str) -> str:
    """The line for a totals or notes row of `table` (grids, workers, assignments, adjustments)."""
    what = ("a totals row (gridpay adds up what it needs itself)" if kind == "totals"
            else "a row of notes, not data (gridpay reads every row of the file as data)")
    return (f"this row reads as {what}; delete the row (keep totals and notes on another sheet or in another file) "
            f"and run again: {table}.csv holds one {_ROW.get(table, 'record')} per row")
