"""A file's header row again below its answers, its columns in another order: two downloads pasted into one
file (an eighty-seventh trial's second 问卷星 export had 门牌号 and 手机号码 swapped; its header row was one invalid
answer and the 209 rows below it were read under the first header's columns: phones as door numbers, a worker's
own rating counted, exit 0). The same header in the same order reads as before (an invalid row, the rows below
right), so only a header whose columns moved stops the file."""
from __future__ import annotations

from gridpay.core.errors import InputError


def header_texts(header: list) -> list[str]:
    return [str(h).replace("\ufeff", "").strip() if h is not None else "" for h in header]


def moved_column(texts: list[str], cells: list, known: frozenset[str] | None = None) -> tuple[str, str] | None:
    """(a header, the other header's text the row has under it) where the row holds the header's texts in
    most of its cells, in another order; None for any other row. `known`: the texts' set, made once a file."""
    known = known if known is not None else frozenset(t for t in texts if t)
    if sum(1 for c in cells if c in known) < 2:            # an answer row: one test a cell
        return None
    row = [str(c).strip() if c is not None else "" for c in cells]
    held = [i for i, c in enumerate(row[:len(texts)]) if c in known]
    if len(held) < max(2, len(known) // 2):
        return None
    return next(((texts[i], row[i]) for i in held if row[i] != texts[i]), None)


def pasted_header_error(file_name: str, row: int, moved: tuple[str, str]) -> InputError:
    column, other = moved
    return InputError(file_name, f"holds its header again, its columns in another order (under '{column}' it has "
                                 f"'{other}'): two downloads pasted into one file, whose rows below would be read "
                                 f"under the first header's columns. Put each download in the inbox as its own file, "
                                 f"as the platform gave it, and run again", row=row, column=column)
