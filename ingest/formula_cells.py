"""Cells of an .xlsx sheet holding a formula with no value saved: a workbook a program wrote and Excel never
opened and saved. The reader (calamine) reads the value Excel saved, so such a cell reads as blank: a
forty-first trial's 总体 written =IF(...) was left out of its answer's score without a word (documented in
platforms.md, but nothing named the cells). Refused naming the cells (policy 2027.8: a seventy-eighth trial's were
said and the month published with them blank); a policy before it says so and reads them as blank."""
from __future__ import annotations

import logging
import re
import zipfile

from gridpay.core.errors import ConfigError, InputError

# <c r="A2"><f>IF(...)</f><v /></c>, <c r="B3"><f>1+1</f></c>, <c r="C4" t="str"><f t="shared" si="0"/></c>
_UNSAVED = re.compile(rb'<c r="([A-Z]{1,3}\d+)"[^>]*?>\s*<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>')


# <c r="B3" t="e"><f>VLOOKUP(...)</f><v>#N/A</v></c>: an error Excel saved as the cell's value
_ERROR = re.compile(rb'<c r="([A-Z]{1,3}\d+)"[^>]*?\st="e"[^>]*>(?:\s*<f[^>]*?(?:/>|>[^<]*</f>))?\s*<v>([^<]*)</v>')


def _first_sheet(path) -> bytes:
    """The workbook's first sheet's XML; b"" for a file that is not an .xlsx zip or has no sheet where Excel puts it."""
    try:
        with zipfile.ZipFile(path) as book:
            names = sorted(n for n in book.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
            return book.read(min(names, key=lambda n: int(n[19:-4]))) if names else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        return b""


def unsaved_formulas(path, first: int = 5) -> tuple[list[str], int]:
    """(the first `first` such cells of the workbook's first sheet, how many there are); ([], 0) for a file
    that is not an .xlsx zip or whose first sheet is not where Excel puts it."""
    cells = [m.decode() for m in _UNSAVED.findall(_first_sheet(path))]
    return cells[:first], len(cells)


def _xls_error_cells(path) -> list[tuple[str, str]]:
    """(cell, error text) of an .xls workbook's first sheet: an error value, or a formula whose saved result is one.
    calamine reads them as blank and cannot say which they were, so xlrd, which keeps each BIFF cell's type, is asked.
    Imported here: trial 276's upgrade by `pip install --no-deps` left it out, and every run failed on the import."""
    try:
        import xlrd
    except ImportError:
        raise ConfigError("gridpay needs the package xlrd (>= 2.0) to read an .xls survey file's cells, and it is not "
                          "installed: the wheel was installed with --no-deps? Run `pip install 'xlrd>=2.0'` in "
                          "gridpay's environment (or install the wheel again without --no-deps), and run again") from None
    try:
        sheet = xlrd.open_workbook(str(path), on_demand=True).sheet_by_index(0)
    except Exception:  # noqa: BLE001 (a file xlrd cannot read is said by the reader, which reads it first)
        return []
    return [(f"{xlrd.formula.colname(col)}{row + 1}", xlrd.error_text_from_code.get(sheet.cell_value(row, col), "#?"))
            for row in range(sheet.nrows) for col in range(sheet.row_len(row))
            if sheet.cell_type(row, col) == xlrd.XL_CELL_ERROR]


def refuse_error_cells(sources, replay: bool = False, first: int = 5) -> None:
    """An .xlsx or .xls survey file whose first sheet holds cells of an Excel error value (#N/A, #REF!, #VALUE!) stops
    the run (exit 2) naming them: the reader reads them as blank, and trial 256's paper sheet, its 总体 a =VLOOKUP into
    another workbook, left two answers' 总体 out of their scores (W1 2082.60 for 2075.40), and its 网格 #N/A read as
    "grid_id is blank", exit 0 (an .xls's too, from this stop). Never in an audit, which replays what the month was
    published on."""
    for source in ([] if replay else sources):
        found = ([(c.decode(), v.decode()) for c, v in _ERROR.findall(_first_sheet(source.path))]
                 if source.suffix == ".xlsx" else _xls_error_cells(source.path) if source.suffix == ".xls" else [])
        if found:
            cells = ", ".join(f"{c} '{v}'" for c, v in found[:first])
            raise InputError(source.file_name, f"{len(found)} cell{'s' * (len(found) != 1)} hold{'s' * (len(found) == 1)} an error value "
                                               f"Excel saved ({cells}{' ...' if len(found) > first else ''}), which "
                                               f"gridpay would read as blank: a formula that found no value (=VLOOKUP "
                                               f"into another workbook)? Type the answers in as values (复制, 选择性粘贴 > "
                                               f"数值) and run again")


# a cell's formula may be a payload (a hundred-and-sixteenth trial's =cmd|' /C calc'!A0): the advice to open the
# workbook says not to let Excel run it
def say_unsaved_formulas(sources, refused: bool = False) -> None:
    """A line per .xlsx survey file (ingest/formats.Source) with formula cells no value was saved for; with
    `refused` (survey.unsaved_formulas_refused), the first such file stops the run (exit 2)."""
    for source in sources:
        if source.suffix == ".xlsx" and (found := unsaved_formulas(source.path))[1]:
            cells, count = found
            said = (f"{count} cell{'s' if count != 1 else ''} hold{'' if count != 1 else 's'} a formula with no value "
                    f"saved ({', '.join(cells)}{' ...' if count > len(cells) else ''}), read as blank: a workbook a "
                    f"program wrote and no spreadsheet program saved (a platform's download holds no formulas)? "
                    f"Open it in Excel or WPS, save it, and run again (a formula naming another program, =cmd|... "
                    f"or DDE, is no resident's answer: when Excel asks, do not let it run it, and clear that cell)")
            if refused:
                raise InputError(source.file_name, said.replace(", read as blank", ", which gridpay cannot read"))
            logging.getLogger("gridpay").warning("%s: %s", source.file_name, said)
