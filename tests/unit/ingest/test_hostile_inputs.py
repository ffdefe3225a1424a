"""Hostile inbox entries (issue 27, findings 3-7): links out of the inbox and devices are refused
naming the entry, never read or echoed; workbooks that would unpack into gigabytes are refused
before the reader sizes them; a broken CSV is named by file, line and limit, never by the run's
internal copy. Bombs are built here as a few kilobytes of XML, never committed."""
import logging
import os
import zipfile
from xml.sax.saxutils import escape

import pytest

from conftest import HAND_SURVEYS, RESIDENT_PHONE, SURVEY_HEADER, survey, write_csv
from gridpay.core.errors import InputError
from gridpay.ingest import sheets
from gridpay.ingest.formats import Source
from gridpay.ingest.staging import input_files
from gridpay.ingest.survey_files import SurveyReading
from gridpay.ingest.survey_stage import stage_surveys

ITEMS = SURVEY_HEADER[7:12]
SECRET = "root:x:0:0:root:/root:/bin/bash"


# ---- finding 3: only regular files inside the inbox are read ----

def _outside(tmp_path):
    target = tmp_path / "elsewhere" / "secret.csv"
    target.parent.mkdir(exist_ok=True)
    target.write_text(SECRET + "\n", encoding="utf-8")
    return target


def _link_survey(inbox, tmp_path):
    (inbox / "surveys" / "2026-09-passwd.csv").symlink_to(_outside(tmp_path))
    return "surveys/2026-09-passwd.csv", "leads outside the inbox"


def _link_grids(inbox, tmp_path):
    (inbox / "grids.csv").unlink()
    (inbox / "grids.csv").symlink_to(_outside(tmp_path))
    return "grids.csv", "leads outside the inbox"


def _link_month_folder(inbox, tmp_path):
    write_csv(tmp_path / "elsewhere" / "more.csv", SURVEY_HEADER, HAND_SURVEYS)
    (inbox / "surveys" / "2026-09").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    return "surveys/2026-09", "leads outside the inbox"


def _link_device(inbox, tmp_path):
    (inbox / "surveys" / "2026-09-zero.csv").symlink_to("/dev/zero")
    return "surveys/2026-09-zero.csv", "leads outside the inbox"


def _pipe(inbox, tmp_path):
    os.mkfifo(inbox / "surveys" / "2026-09-pipe.csv")
    return "surveys/2026-09-pipe.csv", "is a pipe, not a file"


def _dangling(inbox, tmp_path):
    (inbox / "adjustments.csv").unlink()
    (inbox / "adjustments.csv").symlink_to(tmp_path / "gone.csv")
    return "adjustments.csv", "is a link that leads nowhere"


@pytest.mark.parametrize("make", [_link_survey, _link_grids, _link_month_folder, _link_device, _pipe, _dangling])
def test_an_entry_leading_out_of_the_inbox_or_not_a_file_is_refused_by_name(make, make_inbox, tmp_path):
    inbox = make_inbox()
    name, what = make(inbox, tmp_path)
    with pytest.raises(InputError) as refused:
        input_files(inbox, "2026-09")
    assert str(refused.value).startswith(f"{name}: {what}")
    assert SECRET not in str(refused.value)


def test_a_link_that_stays_in_the_inbox_is_read(make_inbox):
    inbox = make_inbox({"real-2026-09.csv": HAND_SURVEYS})
    (inbox / "surveys" / "2026-09.csv").symlink_to("real-2026-09.csv")
    assert [p.name for p in input_files(inbox, "2026-09")][-1] == "2026-09.csv"


def test_a_missing_header_lists_what_identifies_the_columns_not_the_line(make_inbox):
    inbox = make_inbox({})
    line = f"{SECRET},电话{RESIDENT_PHONE}," + ",".join(f"col{i}" for i in range(40))
    (inbox / "surveys" / "2026-09.csv").write_text(line + "\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        stage_surveys([inbox / "surveys" / "2026-09.csv"], SurveyReading({}, ITEMS), b"k", inbox.parent / "work")
    message = str(refused.value)
    assert "required column is missing" in message
    assert SECRET not in message and RESIDENT_PHONE not in message and "col39" not in message
    assert "(42 columns)" in message


# ---- finding 4: workbooks measured before they are read ----

def _xlsx(path, cells, shared=False):
    """A minimal .xlsx: cells {ref: text}, inline or in sharedStrings.xml, written as XML here."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    strings = list(cells.values())
    rows: dict[int, list[str]] = {}
    for i, (ref, text) in enumerate(cells.items()):
        number = int("".join(ch for ch in ref if ch.isdigit()))
        rows.setdefault(number, []).append(f'<c r="{ref}" t="s"><v>{i}</v></c>' if shared else
                                           f'<c r="{ref}" t="inlineStr"><is><t>{escape(text)}</t></is></c>')
    sheet = "".join(f'<row r="{n}">{"".join(c)}</row>' for n, c in sorted(rows.items()))
    parts = {
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{rel[:-len("officeDocument/2006/relationships")]}package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>'
        "</workbook>",
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f"<worksheet {ns}><sheetData>{sheet}</sheetData></worksheet>",
        "xl/sharedStrings.xml": f"<sst {ns}>" + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>",
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            book.writestr(name, text)
    return path


def _survey_cells(extra=None, comment="好"):
    row = survey("R1", "G1", "G1-1-101", ("5", "5", "5", "5", "5"), comment=comment)
    cells = {f"{chr(65 + i)}1": h for i, h in enumerate(SURVEY_HEADER)}
    cells.update({f"{chr(65 + i)}2": v for i, v in enumerate(row) if v})
    return {**cells, **(extra or {})}


@pytest.fixture
def no_read(monkeypatch):
    """The sheet reader is never reached: calamine would abort the process on these files."""
    def refuse(*_):
        raise AssertionError("the workbook was handed to the reader")
    monkeypatch.setattr(sheets.CalamineWorkbook, "from_path", refuse)


@pytest.mark.parametrize("shared", [False, True])
@pytest.mark.parametrize("extra, expected", [
    ({"XFD1048576": "x"}, "cell XFD1048576 is in column 16,384; gridpay reads at most 200 columns"),
    ({"GR1048576": "x"}, "over gridpay's limit of 10,000,000 cells"),
    ({"M3": "长" * 40_000}, "cell M3 holds 40,000 characters, over Excel's limit of 32,767"),
])
def test_a_workbook_bomb_is_refused_before_it_is_read(extra, expected, shared, no_read, tmp_path):
    path = _xlsx(tmp_path / "2026-09.xlsx", _survey_cells(extra), shared)
    assert path.stat().st_size < 200_000
    with pytest.raises(InputError) as refused:
        sheets.sheet_cells(Source("surveys/2026-09.xlsx", path))
    message = str(refused.value)
    if "characters" in expected and not shared:   # an inline text is measured as it streams by
        expected = "cell M3 holds over 32,767 characters, Excel's limit"
    assert message.startswith("surveys/2026-09.xlsx, row ") and expected in message, message


def test_a_workbook_that_unpacks_past_the_limit_is_refused(no_read, monkeypatch, tmp_path):
    monkeypatch.setenv("GRIDPAY_MAX_UNPACKED_BYTES", "5000")
    path = _xlsx(tmp_path / "2026-09.xlsx", _survey_cells({"A3": "x" * 6000}))
    with pytest.raises(InputError, match=r"2026-09.xlsx: unpacks to [\d,]+ bytes, over gridpay's limit of 5,000"):
        sheets.sheet_cells(Source("surveys/2026-09.xlsx", path))


def test_inspect_refuses_a_workbook_bomb_with_one_line(no_read, tmp_path, capsys):
    from gridpay.flows.cli import main
    path = _xlsx(tmp_path / "2026-09.xlsx", _survey_cells({"XFD1048576": "x"}))
    assert main(["inspect", str(path)]) == 2
    assert "cell XFD1048576 is in column 16,384" in capsys.readouterr().err


def test_a_cell_at_excels_limit_is_read_with_a_warning(tmp_path, caplog):
    path = _xlsx(tmp_path / "2026-09.xlsx", _survey_cells(comment="长" * 32_767), shared=True)
    with caplog.at_level(logging.WARNING, logger="gridpay"):
        cells = sheets.sheet_cells(Source("surveys/2026-09.xlsx", path))
    assert len(cells[1][-1]) == 32_767
    assert "2026-09.xlsx, cell M2: holds exactly 32,767 characters" in caplog.text


# ---- findings 5-7: one line naming the inbox file, the line and the limit ----

def _stage(tmp_path, rows, encoding="utf-8", raw=None):
    """Stage `rows` from a file kept where a run keeps its decrypted copies (an internal name), read
    as the inbox's surveys/2026-09.csv."""
    path = tmp_path / "work" / "inputs" / "f4f0b039d1"
    if raw is None:
        write_csv(path, SURVEY_HEADER, rows, encoding)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
    stage_surveys([Source("surveys/2026-09.csv", path)], SurveyReading({}, ITEMS), b"k", tmp_path / "stage")
    return path


def _refusal(tmp_path, **kwargs) -> str:
    with pytest.raises(InputError) as refused:
        _stage(tmp_path, **kwargs)
    message = str(refused.value)
    assert message.startswith("surveys/2026-09.csv: cannot be read as CSV: line ")
    assert "f4f0b039" not in message and str(tmp_path) not in message and RESIDENT_PHONE not in message
    return message


def test_a_negative_year_is_a_bad_date_not_a_crash(tmp_path):
    import duckdb
    rows = HAND_SURVEYS[:2] + [survey("R9", "G1", "G1-9-1", ("5",) * 5, when="-2026-09-10")]
    assert _stage(tmp_path, rows)
    with duckdb.connect(str(tmp_path / "stage" / "stage.duckdb"), read_only=True) as con:
        assert con.execute("select submitted_at, submitted_at_ts from surveys where response_id = 'R9'").fetchall() \
            == [("-2026-09-10", None)]


def test_a_line_over_duckdbs_limit_is_named_with_the_limit(tmp_path):
    rows = HAND_SURVEYS[:3] + [survey("R9", "G1", "G1-9-1", ("5",) * 5, phone=RESIDENT_PHONE, comment="x" * 2_100_000)]
    message = _refusal(tmp_path, rows=rows)
    assert "line 5: is 2,10" in message and "over the 2,000,000 bytes a CSV line may hold" in message


def test_a_cell_over_the_csv_modules_limit_is_named_with_the_limit(tmp_path):
    rows = HAND_SURVEYS[:3] + [survey("R9", "G1", "G1-9-1", ("5",) * 5, comment="x" * 140_000)]
    message = _refusal(tmp_path, rows=rows, encoding="utf-16")       # UTF-16: the sheet reader's csv module
    assert "line 5: a cell is over 131,072 characters" in message


@pytest.mark.parametrize("cell, expected", [
    ('"wechat', "line 4: a quote opens a cell and is never closed (the file ends on line 9)"),
    ('"we"chat"', "line 4: a quote inside a quoted cell is not doubled"),
])
def test_a_stray_quote_is_named_by_inbox_file_and_line(cell, expected, tmp_path):
    lines = [",".join(SURVEY_HEADER)] + [",".join(r) for r in HAND_SURVEYS]
    lines[3] = lines[3].replace(",wechat,", f",{cell},")
    assert cell in lines[3]
    message = _refusal(tmp_path, rows=None, raw=("\n".join(lines) + "\n").encode())
    assert expected in message, message


def test_a_row_with_an_unquoted_delimiter_is_named_by_line(tmp_path):
    lines = [",".join(SURVEY_HEADER)] + [",".join(r) for r in HAND_SURVEYS]
    lines[6] += ",多出,一格"
    message = _refusal(tmp_path, rows=None, raw=("\n".join(lines) + "\n").encode())
    assert "line 7: has 15 cells where the header has 13" in message
