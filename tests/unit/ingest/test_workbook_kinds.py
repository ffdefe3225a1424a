"""Survey workbooks as they reach HR: a file calamine cannot read is named for what it is (a twenty-second
field trial met an empty file, a password, a cut download, a web page and a CSV under one line, 'Cannot
detect file format'), and every sheet is measured before any is read."""
import zipfile

import openpyxl
import pytest

from conftest import SURVEY_HEADER
from gridpay.core.errors import InputError
from gridpay.ingest import sheets
from gridpay.ingest.formats import Source


def _read(path):
    return sheets.sheet_cells(Source(f"surveys/2026-09/{path.name}", path))


@pytest.mark.parametrize("name, data, said", [
    ("新建 Microsoft Excel 工作表.xlsx", b"", "is empty (0 bytes): a download or copy that did not finish?"),
    ("问卷.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage".encode("utf-16-le"),
     "is a password-protected workbook"),
    # trial 281: a volunteer's .xls renamed .xlsx was told to remove a password it never had
    ("问卷.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), "is an old Excel workbook (.xls) named .xlsx: rename it"),
    ("问卷.xlsx", b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "is a damaged XLSX (its zip is cut short or broken"),
    ("问卷.xls", b"<html><head><meta charset='utf-8'></head><table><tr><td>1</td></tr></table>",
     "is a web page (HTML) named .xls, not a workbook"),
    ("问卷.xlsx", "问卷编号,网格,户号\nP1,G1,1栋101\n".encode(), "is a text file (CSV) named .xlsx, not a workbook: rename"),
])
def test_a_file_that_is_no_workbook_is_named_for_what_it_is(name, data, said, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as refused:
        _read(path)
    assert str(refused.value).startswith(f"surveys/2026-09/{name}: {said}"), str(refused.value)


def test_a_zip_of_other_files_is_told_to_be_unzipped_not_downloaded_again(tmp_path):
    path = tmp_path / "问卷.xlsx"                     # trial 78: a zip of readme.txt and data.csv named .xlsx
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("readme.txt", "说明")
        book.writestr("data.csv", "问卷编号,网格\n")
    with pytest.raises(InputError) as refused:
        _read(path)
    assert str(refused.value) == ("surveys/2026-09/问卷.xlsx: is a zip archive of other files (readme.txt, data.csv), "
                                  "not a workbook: unzip it and put the survey file it holds in its place, then run again")
    with zipfile.ZipFile(word := tmp_path / "下载 (1)(最终版).xlsx", "w") as book:      # trial 157: a .docx renamed
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(InputError, match=r"is a Word document named \.xlsx, not a workbook: find the survey download"):
        _read(word)


def test_a_second_sheet_reaching_past_the_limits_is_refused_before_any_sheet_is_read(tmp_path, monkeypatch):
    path = tmp_path / "问卷.xlsx"
    book = openpyxl.Workbook()
    book.active.append(list(SURVEY_HEADER))
    book.create_sheet("备注")["A1"] = "说明"
    book.save(path)
    with zipfile.ZipFile(path) as old:
        parts = {n: old.read(n) for n in old.namelist()}
    parts["xl/worksheets/sheet2.xml"] = parts["xl/worksheets/sheet2.xml"].replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
    with zipfile.ZipFile(path, "w") as new:
        for name, data in parts.items():
            new.writestr(name, data)
    monkeypatch.setattr(sheets.CalamineWorkbook, "from_path", lambda *_: pytest.fail("handed to the reader"))
    with pytest.raises(InputError, match="cell XFD1048576 is in column 16,384"):
        _read(path)
