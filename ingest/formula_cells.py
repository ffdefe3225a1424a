"""Cells of an .xlsx sheet holding a formula with no value saved: a workbook a program wrote and Excel never
opened and saved. The reader (calamine) reads the value Excel saved, so such a cell reads as blank: a
forty-first trial's 总体 written =IF(...) was left out of its answer's score without a word (documented in
platforms.md, but nothing named the cells). Said with the cells; the answers are read as they read."""
from __future__ import annotations

import re
import zipfile

# <c r="A2"><f>IF(...)</f><v /></c>, <c r="B3"><f>1+1</f></c>, <c r="C4" t="str"><f t="shared" si="0"/></c>
_UNSAVED = re.compile(rb'<c r="([A-Z]{1,3}\d+)"[^>]*?>\s*<f(?:\s[^>]*)?(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>')


def unsaved_formulas(path, first: int = 5) -> tuple[list[str], int]:
    """(the first `first` such cells of the workbook's first sheet, how many there are); ([], 0) for a file
    that is not an .xlsx zip or whose first sheet is not where Excel puts it."""
    try:
        with zipfile.ZipFile(path) as book:
            names = sorted(n for n in book.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n))
            if not names:
                return [], 0
            cells = [m.decode() for m in _UNSAVED.findall(book.read(min(names, key=lambda n: int(n[19:-4]))))]
    except (zipfile.BadZipFile, OSError, KeyError):
        return [], 0
    return cells[:first], len(cells)


def say_unsaved_formulas(sources) -> None:
    """A line per .xlsx survey file (ingest/formats.Source) with formula cells no value was saved for."""
    import logging
    for source in sources:
        if source.suffix == ".xlsx" and (found := unsaved_formulas(source.path))[1]:
            cells, count = found
            logging.getLogger("gridpay").warning(
                "%s: %d cell%s hold%s a formula with no value saved (%s%s), read as blank: a workbook a program "
                "wrote and Excel never saved? Open it in Excel, save it, and run again", source.file_name, count,
                "s" if count != 1 else "", "" if count != 1 else "s", ", ".join(cells), " ..." if count > len(cells) else "")
