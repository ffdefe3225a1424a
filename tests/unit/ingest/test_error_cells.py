"""Cells of an Excel error value (#N/A) in a survey sheet stop the run naming them: trial 256's paper sheet, its 总体 a
=VLOOKUP into another workbook, read them as blank (W1 2082.60 for 2075.40, exit 0)."""
import openpyxl
import pytest

from gridpay.core.errors import InputError
from gridpay.ingest.formats import Source
from gridpay.ingest.formula_cells import refuse_error_cells


def test_error_values_in_a_sheet_stop_naming_the_cells_but_not_in_an_audit(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["问卷编号", "网格", "总体满意度"])
    sheet.append(["P1", "第一网格", "满意"])
    sheet.append(["P2", "#N/A", "#N/A"])
    book.save(tmp_path / "纸质.xlsx")
    source = Source("surveys/2026-11/纸质.xlsx", tmp_path / "纸质.xlsx")
    with pytest.raises(InputError) as stop:
        refuse_error_cells([source])
    assert "surveys/2026-11/纸质.xlsx: 2 cells hold an error value Excel saved (B3 '#N/A', C3 '#N/A')" in str(stop.value)
    refuse_error_cells([source], replay=True)          # a month published so replays as it was
    sheet["B3"], sheet["C3"] = "第一网格", "满意"
    book.save(tmp_path / "纸质.xlsx")
    refuse_error_cells([source])
