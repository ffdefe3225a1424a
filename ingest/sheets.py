"""Spreadsheets as people make them: a title or blank rows above the header, a grid name merged down over its rows, a
totals row at the bottom. Excel files (.xls, .xlsx) are read with python-calamine (it says which cells are merged), CSV
with the csv module over the decoded text; every cell as text, its spreadsheet row number kept (row 1 first)."""
from __future__ import annotations

import csv
import io
import itertools
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Callable

from python_calamine import CalamineWorkbook, SheetVisibleEnum

from gridpay.core.errors import InputError
from gridpay.ingest.formats import NOTE_WORDS, TOTAL_WORDS, Source, decoded_text, sniffed_delimiter
from gridpay.ingest.hidden_rows import say_hidden_rows
from gridpay.ingest.limits import limits
from gridpay.ingest.pasted_headers import header_texts, moved_column, pasted_header_error
from gridpay.ingest.workbook import check_workbook
from gridpay.ingest.workbook_kinds import not_a_workbook

log = logging.getLogger("gridpay")


@dataclass
class Sheet:
    header_row: int                                   # spreadsheet row of the header
    headers: list[str]
    rows: list[tuple[int, list[str | None]]]          # (spreadsheet row, cells), blank rows left out
    totals_rows: list[int] = field(default_factory=list)   # set aside: 合计 / 平均 / 小计
    note_rows: list[int] = field(default_factory=list)     # set aside: a note typed under the answers
    notes: list[tuple[int, str]] = field(default_factory=list)     # ... and its text (sheet_scales.py reads it)
    titles: list[str] = field(default_factory=list)        # the rows above the header (a title: 满意度调查（10分制）)


def cell_text(value) -> str | None:
    """A cell as the person typed it: 5.0 -> '5', a date-time -> '2026-10-03 12:00:00'."""
    if value.__class__ is str:            # most cells: first, as a year's download is 340,000 of them
        return value.strip() or None
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, (date, time)):
        return value.isoformat()
    text = str(value).strip()
    return text or None


def _excel_cells(source: Source) -> list[list[str | None]]:
    lim = limits()
    check_workbook(source.file_name, source.path, lim)       # before calamine sizes its grid by the sheet
    sheet = CalamineWorkbook.from_path(str(source.path)).get_sheet_by_index(0)
    if sheet.height * sheet.width > lim.sheet_cells or sheet.width > lim.sheet_columns:     # .xls: BIFF, not checked before
        raise InputError(source.file_name, f"has a sheet of {sheet.height:,} rows by {sheet.width:,} columns, over "
                                           f"gridpay's limits ({lim.sheet_columns:,} columns, {lim.sheet_cells:,} cells)")
    cells = [list(map(cell_text, row)) for row in sheet.to_python(skip_empty_area=False)]
    # a value in a merged range stands for every cell of exactly that range, never for true blanks
    for (top, left), (bottom, right) in sheet.merged_cell_ranges or []:
        value = cells[top][left] if top < len(cells) and left < len(cells[top]) else None
        for r in range(top, min(bottom, len(cells) - 1) + 1):
            for c in range(left, min(right, len(cells[r]) - 1) + 1):
                cells[r][c] = value
    return cells


def _csv_cells(source: Source) -> list[list[str | None]]:
    text = decoded_text(source)
    if not text.strip():
        raise InputError(source.file_name, "is empty (no header row)")
    if "\r" in text and "\n" not in text:       # old Mac line ends (a seventy-eighth trial's file): lines all the same
        text = text.replace("\r", "\n")
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=sniffed_delimiter(text))
    try:
        return [list(map(cell_text, row)) for row in reader]
    except csv.Error as exc:
        what = (f"a cell is over {csv.field_size_limit():,} characters, the most a cell read by Python's csv module "
                "may hold (UTF-16 files, files with blank lines, platform downloads); shorten the long cell, often a "
                "comment pasted many times over" if "field limit" in str(exc) else str(exc))
        raise InputError(source.file_name, f"cannot be read as CSV: line {reader.line_num:,}: {what}") from None


def sheet_cells(source: Source) -> list[list[str | None]]:
    if source.suffix not in (".xls", ".xlsx", ".csv"):
        raise InputError(source.file_name, f"has an unsupported type '{source.suffix}' (use .csv, .xls, .xlsx or .parquet: a 'Unicode 文本' .txt, renamed .csv)")
    if source.suffix == ".csv":
        return _csv_cells(source)
    try:
        return _excel_cells(source)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 (calamine's errors vary by what is wrong with the file)
        kind = source.suffix[1:].upper()
        raise InputError(source.file_name, not_a_workbook(source) or f"cannot be read as {kind}: {exc}") from exc


def _header_at(cells: list[list[str | None]], is_header: Callable[[list[str]], bool]) -> int | None:
    """The place of the first row `is_header` accepts; None if none does."""
    return next((i for i, row in enumerate(cells) if any(row) and is_header([c or "" for c in row])), None)


def _other_sheets_with_answers(source: Source, is_header: Callable[[list[str]], bool]) -> tuple[str, list[str]]:
    """(the first sheet, the names of a workbook's sheets after it whose first rows hold a survey header), quoted, a
    hidden one marked (the sheets were checked against the limits with the first: check_workbook). Trial 306's first
    sheet was a hidden one of last month's answers, said as "the first" beside the four tabs HR saw."""
    if source.suffix == ".csv":
        return "", []
    book = CalamineWorkbook.from_path(str(source.path))
    named = [f"'{m.name}'" + (" (hidden)" if m.visible != SheetVisibleEnum.Visible else "") for m in book.sheets_metadata]
    found = []
    for index in range(1, len(named)):
        rows = [[cell_text(v) for v in row] for row in itertools.islice(book.get_sheet_by_index(index).iter_rows(), 20)]
        if _header_at(rows, is_header) is not None:     # a hidden sheet said so: Excel shows no tab for it (trial 157)
            found.append(named[index])
    return named[0], found


_HIDDEN_SHEET = ("a hidden sheet in a platform's download is no answer the platform gave (its download has one sheet): "
                 "download the form again, keep that download, and run again; in a workbook HR or a volunteer typed, show "
                 "the sheet (right-click a sheet tab, 取消隐藏), then save it as a file of its own or delete it; run again")
_SHEETS_APART = ("gridpay reads the first sheet, so the others' answers would count nowhere: save each sheet as a file of its "
                 "own in the folder of the month its forms were filled in (surveys/YYYY-MM/: a sheet of another month's "
                 "forms, 9月 in October's workbook, goes to that month's folder, and that month is run again; a copy of a "
                 "month already run, pasted in beside it, is deleted), or move a sheet of this month's forms onto the "
                 "first sheet; and run again")


def _one_sheet_of_answers(source: Source, is_header: Callable[[list[str]], bool], first_has: bool) -> None:
    """Answers on a sheet other than the first stop the run (a twenty-second trial's second sheet counted nowhere)."""
    try:
        first, others = _other_sheets_with_answers(source, is_header)
    except Exception:  # noqa: BLE001 (a sheet calamine cannot read is no sheet of answers)
        return
    if others and first_has:        # a hidden one: no sheet to save or move (the 1s could have been kept)
        raise InputError(source.file_name, f"holds survey answers on more than one sheet (the first, {first}, and "
                                           f"{', '.join(others)}); " + (_HIDDEN_SHEET if any(
                                               n.endswith("(hidden)") for n in [first, *others]) else _SHEETS_APART))
    if others:      # ... each sheet said at once (trial 200: a 说明 sheet first, then a hidden 测试 one, a run each)
        more = (f"; {', '.join(others[1:])} hold{'s' * (len(others) == 2)} answers too: "
                f"{_HIDDEN_SHEET if any(n.endswith('(hidden)') for n in others[1:]) else _SHEETS_APART}") * (len(others) > 1)
        raise InputError(source.file_name, f"its answers are on the sheet {others[0]}, not on the first sheet, which gridpay "
                                           f"reads: move that sheet first (or save it as a file of its own) and run again{more}")


def _ends_with_line_break(path) -> bool:
    """Whether a text file's last line is ended (UTF-16's too): a download cut off ends mid-line."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        handle.seek(max(handle.tell() - 2, 0))
        return handle.read().replace(b"\x00", b"")[-1:] in (b"\n", b"\r")


def read_sheet(source: Source, is_header: Callable[[list[str]], bool], notes: bool = False,
               complete: bool = False) -> Sheet | None:
    """The sheet from the first row `is_header` accepts (None if no row does): rows above it are
    titles; blank rows are left out; a row that starts with 合计/平均/小计 is a totals row. A
    workbook whose other sheets hold survey answers too is refused (InputError). With `complete`
    (survey.csv_rows_complete), a CSV's answer row with more cells than its header, filled, is refused, and
    so is its last row short of cells where the file ends without a line break: a download cut off (a
    forty-first trial's counted its last answer without its 总体, exit 0). A short row elsewhere: blank at its end."""
    cells = sheet_cells(source)
    index = _header_at(cells, is_header)
    _one_sheet_of_answers(source, is_header, index is not None)
    if index is None:
        return None
    headers = [c or "" for c in cells[index]]
    while headers and not headers[-1]:
        headers.pop()
    sheet = Sheet(index + 1, headers, [], titles=[" ".join(dict.fromkeys(str(c) for c in row if c)) for row in cells[:index]])
    width = len(cells[index])
    texts = header_texts(headers)
    known = frozenset(t for t in texts if t)
    checked = complete and source.suffix == ".csv"
    unended = checked and not _ends_with_line_break(source.path)
    for number, row in enumerate(cells[index + 1:], start=index + 2):
        cells_in_row = len(row)
        cut = checked and (any(c is not None for c in row[width:]) or
                           (unended and number == len(cells) and 0 < cells_in_row < width))
        row = (row + [None] * len(headers))[:len(headers)]
        filled = [c for c in row if c is not None]
        if not filled:
            continue
        if str(filled[0]).replace(" ", "").startswith(TOTAL_WORDS):
            sheet.totals_rows.append(number)
            continue
        if notes and len(filled) == 1 and str(filled[0]).replace(" ", "").startswith(NOTE_WORDS):
            sheet.note_rows.append(number)       # 备注：第12份字迹不清 (a trial's note was an invalid answer)
            sheet.notes.append((number, str(filled[0])))
            continue
        if cut:
            raise InputError(source.file_name, f"row {number:,} has {cells_in_row} cells where the header has {width}: "
                                               f"a download cut off (download it again), or a cell holding "
                                               f"'{sniffed_delimiter(decoded_text(source))}' not quoted")
        if (moved := moved_column(texts, row, known)) is not None:      # two downloads pasted together
            raise pasted_header_error(source.file_name, number, moved)
        sheet.rows.append((number, row))
    say_hidden_rows(source, sheet.rows)
    return sheet

