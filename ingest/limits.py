"""How much of a file gridpay reads, and how much of it a message or an output echoes.

A spreadsheet is checked before it is read: an .xlsx is a zip whose few kilobytes may unpack to
gigabytes, and whose sheet may place one cell at XFD1048576 (the reader then sizes a grid of 17
billion cells and the process aborts). The limits are Excel's own where Excel has one, and each
can be raised with an environment variable for a machine that has the memory."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from gridpay.transforms.privacy import masked_comment

EXCEL_CELL_CHARS = 32_767         # Excel's own limit on a cell's text


@dataclass(frozen=True)
class Limits:
    sheet_rows: int = 2_000_000        # GRIDPAY_MAX_SHEET_ROWS
    sheet_columns: int = 200           # GRIDPAY_MAX_SHEET_COLUMNS
    sheet_cells: int = 10_000_000      # GRIDPAY_MAX_SHEET_CELLS: rows x columns of the sheet's extent
    unpacked_bytes: int = 1 << 30      # GRIDPAY_MAX_UNPACKED_BYTES: an .xlsx's members, unpacked
    cell_chars: int = EXCEL_CELL_CHARS


def limits() -> Limits:
    given = {name: int(os.environ[f"GRIDPAY_MAX_{name.upper()}"]) for name in Limits.__dataclass_fields__
             if name != "cell_chars" and os.environ.get(f"GRIDPAY_MAX_{name.upper()}", "").isdigit()}
    return Limits(**given)


def capped(text: str, keep: int = 200) -> str:
    """`text` as an output echoes it: the first `keep` characters, and how long it was."""
    return text if len(text) <= keep else f"{text[:keep]}…({len(text):,} characters)"


def headers_shown(names: list[str], most: int = 20) -> str:
    """A header row as an error message lists it: what identifies each column (24 characters of
    it, numbers masked), and at most `most` columns; never a whole line of a file verbatim."""
    shown = [masked_comment(capped(str(n), 24)) for n in names[:most] if str(n)]
    more = f", … ({len(names)} columns)" if len(names) > most else ""
    return ", ".join(shown) + more


def column_number(letters: str) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters



def missing_item(item: str, items: tuple[str, ...], unclaimed: list[str], how: str) -> str:
    """The line for a survey file without a column of one of the policy's items (survey.items_required):
    `unclaimed`, the file's headers no column took (the item's, reworded, is most often among them);
    `how`, what to do (a sheet's alias or a blank column; a download's question text)."""
    others = (f"; headers no column took: {headers_shown(unclaimed, 8)}" if unclaimed else
              "; every header was taken by another column")
    return (f"has no column for the item {item}: each answer is scored on the policy's {len(items)} items "
            f"({', '.join(items)}), and a file without one would score its answers on the others{others}. "
            f"{how}")


def garbled_note(headers: list[str]) -> str:
    """'; its headers read as garbled text (...)' where a header holds the replacement character or
    Latin-1 letters (no Chinese form's header does): a GBK file saved again as UTF-8 by an editor that
    read it wrongly, whose missing column is no header to rename (a twenty-second trial was told to)."""
    texts = [str(h) for h in headers]
    if not any("\ufffd" in t or sum("\u00a0" <= c <= "\u00ff" for c in t) >= 2 for t in texts):
        return ""
    return ("; its headers read as garbled text: the file was saved in one encoding and read or saved again in "
            "another (a GBK file opened as UTF-8 and saved loses its Chinese for good), so no header is to rename: "
            "put the original file (the download, the volunteer's copy) in the inbox as it was")


def merged_header(unclaimed: list[str]) -> str | None:
    """A header no column took that heads two or more columns: a cell merged over them (calamine gives each its value)."""
    return next((h for h in unclaimed if h.strip() and unclaimed.count(h) > 1), None)


def two_row_header(merged: str) -> str:
    return (f"The header seems to be two rows, a merged cell ({merged}) over columns whose own headers are in the row "
            f"below it: give each column its own header in one row above the answers")


def missing_note(missing: list[str], aliases: dict[str, str], table: str = "[survey.aliases]") -> str:
    """'; missing: response_id, submitted_at; headers read as response_id: 问卷编号, 编号 (the policy's
    [survey.aliases])': every required column a header row lacks, and the words that head the first (trial 169's
    newcomer was told of one column a run, and found 问卷编号 only in the policy's last pages)."""
    words = [header for header, column in aliases.items() if column == missing[0]][:8]
    return (f"; missing: {', '.join(missing)}" + (f"; headers read as {missing[0]}: {', '.join(words)} (the policy's "
                                                  f"{table}, or a header {missing[0]} itself)" if words else ""))


_OPTION_HEADED = re.compile(r"[（(\s_\-—·]+(非常满意|比较满意|基本满意|满意|一般|不太满意|不满意|非常不满意)[)）]?$")


def ticked_headers(unclaimed: list[str]) -> str | None:
    """The advice for a sheet whose headers name the form's options (环境卫生(非常满意), 环境卫生(满意) ...): a column per
    option, ticked; None where fewer than two do. Trial 295 was told to alias one to its item, which the next run
    refused as a tick column."""
    ticked = [h for h in unclaimed if _OPTION_HEADED.search(h)]
    if len(ticked) < 2:
        return None
    from gridpay.ingest.sheet_scales import TICKS     # sheet_scales reads sheets, which read through this module
    return f"its headers name the form's options ('{ticked[0]}', '{ticked[1]}' ...): a sheet with a column per option, " \
           f"ticked (✓, √, 1)? {TICKS}"
