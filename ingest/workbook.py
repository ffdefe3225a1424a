"""An .xlsx workbook's real size, measured before the sheet reader (calamine) opens it: the
unpacked size of its members (from the zip's directory), the extent of each sheet's cells
that hold a value (calamine sizes its grid by the farthest one: a single cell at XFD1048576 asks
for 512 GiB and aborts the process), and the length of every text. A quick pass counts bytes with
regular expressions; only a sheet it finds suspect is walked again exactly, streamed through
expat, counting, never building a tree or a string (a 300-million-character cell costs nothing).
A limit passed stops the run with one line naming the file, the cell and the limit."""
from __future__ import annotations

import logging
import posixpath
import re
import zipfile
import zlib
from xml.parsers import expat

from gridpay.core.errors import InputError
from gridpay.ingest.limits import Limits, column_letters, column_number

log = logging.getLogger("gridpay")
_REF = re.compile(r"([A-Z]{1,3})(\d+)$")
_CHUNK = 1 << 20
_NAMED_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"')


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _stream(book: zipfile.ZipFile, member: str, parser) -> None:
    with book.open(member) as handle:
        while chunk := handle.read(_CHUNK):
            parser.Parse(chunk, False)
    parser.Parse(b"", True)


def _targets(book: zipfile.ZipFile) -> tuple[list[str], str | None]:
    """(the sheets' members in the workbook's order, shared strings' member) as the workbook's
    relationships name them: every sheet is read for the answers another sheet may hold."""
    names = set(book.namelist())
    if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
        return [], None
    ids, rels = [], {}

    def start(name, attrs):
        if _local(name) == "sheet":
            ids.append(next((v for k, v in attrs.items() if _local(k) == "id"), None))
        elif _local(name) == "Relationship":
            rels[attrs.get("Id")] = (attrs.get("Type", ""), attrs.get("Target", ""))
    for member in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
        parser = expat.ParserCreate()
        parser.StartElementHandler = start
        _stream(book, member, parser)

    def member(target: str) -> str:
        return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
    sheets = [m for i in ids if i in rels and (m := member(rels[i][1])) in names]
    strings = next((member(t) for kind, t in rels.values() if kind.endswith("/sharedStrings")), None)
    return sheets, (strings if strings in names else None)


class _Texts:
    """Counts the characters of the text elements (<v>, <t> outside phonetic runs) it is inside."""

    def __init__(self):
        self.depth_phonetic = 0
        self.counting = False
        self.length = 0

    def start(self, tag: str) -> None:
        if tag == "rPh":
            self.depth_phonetic += 1
        elif tag in ("t", "v") and not self.depth_phonetic:
            self.counting = True

    def end(self, tag: str) -> None:
        if tag == "rPh":
            self.depth_phonetic -= 1
        elif tag in ("t", "v"):
            self.counting = False

    def data(self, text: str) -> None:
        if self.counting:
            self.length += len(text)


def _long_strings(book: zipfile.ZipFile, member: str | None, most: int) -> dict[int, int]:
    """Shared string index -> length, for the strings of `most` characters or more."""
    long: dict[int, int] = {}
    if member is None:
        return long
    texts, index = _Texts(), [-1]

    def start(name, attrs):
        tag = _local(name)
        if tag == "si":
            index[0] += 1
            texts.length = 0
        texts.start(tag)

    def end(name):
        tag = _local(name)
        texts.end(tag)
        if tag == "si" and texts.length >= most:
            long[index[0]] = texts.length
    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler, parser.CharacterDataHandler = start, end, texts.data
    _stream(book, member, parser)
    return long


class _Sheet:
    """Walks the sheet's cells: the row and column of each (from its reference, or the one after
    the last), whether it holds a value, and its text's length."""

    def __init__(self, file: str, limits: Limits, long_strings: dict[int, int]):
        self.file, self.limits, self.long_strings = file, limits, long_strings
        self.row = self.column = self.rows = self.columns = 0
        self.cell_type, self.valued, self.index = None, False, ""
        self.texts = _Texts()
        self.at_limit: list[str] = []      # cells of exactly Excel's length limit: perhaps cut when saved

    def start(self, name, attrs):
        tag = _local(name)
        if tag == "row":
            self.row = int(attrs["r"]) if attrs.get("r", "").isdigit() else self.row + 1
            self.column = 0
        elif tag == "c":
            match = _REF.match(attrs.get("r", ""))
            self.column = column_number(match.group(1)) if match else self.column + 1
            if match:
                self.row = int(match.group(2))
            self.cell_type, self.valued, self.index, self.texts.length = attrs.get("t"), False, "", 0
        elif tag in ("v", "is"):
            self.valued = True
        self.texts.start(tag)

    def data(self, text: str) -> None:
        self.texts.data(text)
        if self.cell_type == "s" and self.texts.counting and len(self.index) < 12:
            self.index += text
        if self.texts.length > self.limits.cell_chars:
            self._over(f"holds over {self.limits.cell_chars:,} characters, Excel's limit for a cell")

    def end(self, name):
        tag = _local(name)
        self.texts.end(tag)
        if tag != "c" or not self.valued:
            return
        self.rows, self.columns = max(self.rows, self.row), max(self.columns, self.column)
        lim = self.limits
        if self.column > lim.sheet_columns:
            self._over(f"is in column {self.column:,}; gridpay reads at most {lim.sheet_columns:,} columns "
                       "(GRIDPAY_MAX_SHEET_COLUMNS)")
        if self.row > lim.sheet_rows:
            self._over(f"is in row {self.row:,}; gridpay reads at most {lim.sheet_rows:,} rows (GRIDPAY_MAX_SHEET_ROWS)")
        if self.rows * self.columns > lim.sheet_cells:
            self._over(f"makes the sheet {self.rows:,} rows by {self.columns:,} columns, over gridpay's limit of "
                       f"{lim.sheet_cells:,} cells (GRIDPAY_MAX_SHEET_CELLS)")
        length = self.long_strings.get(int(self.index)) if self.index.strip().isdigit() else None
        if length is not None and length > lim.cell_chars:
            self._over(f"holds {length:,} characters, over Excel's limit of {lim.cell_chars:,} for a cell")
        if max(length or 0, self.texts.length) == lim.cell_chars:
            self.at_limit.append(f"{column_letters(self.column)}{self.row}")

    def _over(self, what: str) -> None:
        raise InputError(self.file, f"cell {column_letters(self.column)}{self.row} {what}; the workbook is "
                                    "refused unread", row=self.row)


class _Quick:
    """A fast pass over a member's bytes (C-speed byte counts and regular expressions, ~1 s for a
    sheet of a million cells): the farthest cell, and whether anything calls for the exact pass
    (expat, ~6x slower): a text run that may pass the length limit, a cell that does not name its
    place first (<c r="B2" ...>, as Excel, openpyxl and the platforms write them) or a prefixed tag.
    Empty cells (<c r="B2" s="1"/>, which calamine skips) count here: the exact pass tells them apart."""

    def __init__(self, long_run: int):
        self.long_text = re.compile(rb">[^<]{%d}" % long_run)
        self.carry, self.rows, self.columns, self.exact_needed = b"", 0, 0, False

    def feed(self, chunk: bytes) -> None:
        body = self.carry + chunk
        cut = body.rfind(b"<")
        body, self.carry = (body[:cut], body[cut:]) if cut > 0 else (b"", body)
        if (len(self.carry) > 4 * _CHUNK or body.count(b"<c ") + body.count(b"<c>") != body.count(b'<c r="')
                or b":c " in body or b":c>" in body or self.long_text.search(body)):
            self.exact_needed = True
        elif refs := _NAMED_CELL.findall(body):
            self.columns = max(self.columns, max(column_number(c.decode()) for c in {c for c, _ in refs}))
            self.rows = max(self.rows, max(map(int, {r for _, r in refs})))


def _quick(book: zipfile.ZipFile, member: str, scan: _Quick) -> _Quick:
    with book.open(member) as handle:
        while not scan.exact_needed and (chunk := handle.read(_CHUNK)):
            scan.feed(chunk)
    return scan


def check_workbook(file: str, path, limits: Limits) -> None:
    """Refuse (InputError) an .xlsx workbook with a sheet bigger than `limits` allow, before
    it is read; warn of cells exactly at Excel's length limit (Excel cuts longer text when saving).
    A file that is not a zip is left for the reader to refuse."""
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        return
    try:
        _check(file, book, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, expat.ExpatError):
        return                  # a damaged zip or XML: calamine says what it cannot read
    finally:
        book.close()


def _check(file: str, book: zipfile.ZipFile, limits: Limits) -> None:
    """The checks of check_workbook, on the open zip."""
    unpacked = sum(m.file_size for m in book.infolist())
    if unpacked > limits.unpacked_bytes:
        raise InputError(file, f"unpacks to {unpacked:,} bytes, over gridpay's limit of {limits.unpacked_bytes:,} "
                               "(GRIDPAY_MAX_UNPACKED_BYTES); the workbook is refused unread")
    sheet_members, strings = _targets(book)
    if not sheet_members:
        return
    long = _long_strings(book, strings, limits.cell_chars) if strings and _quick(
        book, strings, _Quick(limits.cell_chars)).exact_needed else {}
    for member in sheet_members:
        _check_sheet(file, book, member, limits, long)


def _check_sheet(file: str, book: zipfile.ZipFile, sheet_member: str, limits: Limits, long: dict[int, int]) -> None:
    """One sheet's extent and texts: a quick pass, and the exact one where it finds something suspect."""
    quick = _quick(book, sheet_member, _Quick(limits.cell_chars))
    if not (long or quick.exact_needed or quick.columns > limits.sheet_columns or quick.rows > limits.sheet_rows
            or quick.rows * quick.columns > limits.sheet_cells):
        return
    sheet = _Sheet(file, limits, long)
    parser = expat.ParserCreate()
    parser.StartElementHandler, parser.EndElementHandler = sheet.start, sheet.end
    parser.CharacterDataHandler = sheet.data
    _stream(book, sheet_member, parser)
    for cell in sheet.at_limit[:3]:
        log.warning("%s, cell %s: holds exactly %s characters, Excel's limit for a cell: the text may have been "
                    "cut when the file was saved", file, cell, f"{limits.cell_chars:,}")
