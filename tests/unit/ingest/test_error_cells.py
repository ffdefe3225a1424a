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


def test_an_xls_sheets_error_values_stop_too(tmp_path):
    """calamine reads an .xls's #N/A as blank as it does an .xlsx's (the cell's BIFF type is asked of xlrd)."""
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    for col, text in enumerate(["问卷编号", "网格", "总体满意度"]):
        sheet.write(0, col, text)
    sheet.write(1, 0, "P1"), sheet.write(1, 1, "第一网格"), sheet.write(1, 2, "满意")
    sheet.write(2, 0, "P2"), sheet.write(2, 1, "第一网格")
    sheet.row(2).set_cell_error(2, "#DIV/0!")
    book.save(tmp_path / "纸质.xls")
    with pytest.raises(InputError) as stop:
        refuse_error_cells([Source("surveys/2026-11/纸质.xls", tmp_path / "纸质.xls")])
    assert "纸质.xls: 1 cell holds an error value Excel saved (C3 '#DIV/0!')" in str(stop.value)
    (tmp_path / "网页.xls").write_text("<table><tr><td>1</td></tr></table>")     # an .xls that is HTML: the reader's to say
    refuse_error_cells([Source("surveys/2026-11/网页.xls", tmp_path / "网页.xls")])


def test_an_xls_without_xlrd_installed_says_what_to_install(tmp_path, monkeypatch):
    """Trial 276's upgrade with `pip install --no-deps` left xlrd out: every run failed on a ModuleNotFoundError; now
    only a month with an .xls survey file stops, saying what to install."""
    from gridpay.core.errors import ConfigError
    monkeypatch.setitem(__import__("sys").modules, "xlrd", None)
    (tmp_path / "a.xls").write_bytes(b"")
    with pytest.raises(ConfigError, match=r"pip install 'xlrd>=2.0'"):
        refuse_error_cells([Source("surveys/2026-11/a.xls", tmp_path / "a.xls")])
    refuse_error_cells([Source("surveys/2026-11/a.xlsx", tmp_path / "a.xls")])      # an .xlsx needs no xlrd
