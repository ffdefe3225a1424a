"""What a file named as a workbook that calamine cannot read is, by its bytes, and what HR does about it."""
from __future__ import annotations

import zipfile

from gridpay.ingest.formats import Source


def _encrypted(source: Source) -> bool:
    """Does an OLE file hold an encrypted workbook (Excel's password: an EncryptedPackage stream), not a .xls's?"""
    with open(source.path, "rb") as handle:
        return "EncryptedPackage".encode("utf-16-le") in handle.read(1 << 20)


def not_a_workbook(source: Source) -> str | None:
    """What a file calamine cannot read is, by its first bytes, and what to do: calamine says 'Cannot
    detect file format' of an empty file, an encrypted one, a cut one, a web page and a CSV alike (a
    twenty-second field trial met all five and could not tell them apart)."""
    with open(source.path, "rb") as handle:
        head = handle.read(512)
    kind = source.suffix[1:].upper()
    if not head:
        return ("is empty (0 bytes): a download or copy that did not finish? Download it again, or take it out "
                "of the folder if it is a stray file (a new 工作表 Excel left)")
    if head.startswith(b"\xd0\xcf\x11\xe0") and kind == "XLSX" and not _encrypted(source):   # trial 281's renamed .xls
        return ("is an old Excel workbook (.xls) named .xlsx: rename it to .xls (or open it in Excel and save it as "
                ".xlsx), then run again")
    if head.startswith(b"\xd0\xcf\x11\xe0") and kind == "XLSX":
        return ("is a password-protected workbook: open it in Excel, remove the "
                "password (文件 > 信息 > 保护工作簿 > 用密码进行加密, cleared) and save it as .xlsx, then run again")
    if head.startswith(b"PK") and (members := _zip_members(source)) is not None:
        office = next((word for part, word in (("word/", "Word document"), ("ppt/", "PowerPoint file"))
                       if any(m.startswith(part) for m in members)), None)
        if office:      # trial 157's .docx renamed .xlsx was "damaged: download it again", which gave it again
            return (f"is a {office} named .{kind.lower()}, not a workbook: find the survey download itself (a platform's "
                    f"download is a workbook or a CSV) and put it in its place, then run again")
        shown = ", ".join(members[:3]) + (" ..." if len(members) > 3 else "")
        return (f"is a zip archive of other files ({shown}), not a workbook: unzip it and put the survey file it "
                f"holds in its place, then run again")
    if head.startswith(b"PK"):
        return (f"is a damaged {kind} (its zip is cut short or broken: a download or copy that did not finish?): "
                f"download it again")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta")):
        return (f"is a web page (HTML) named .{kind.lower()}, not a workbook (a platform's \"Excel\" export that is "
                f"HTML, or a page saved from the browser): download the answers again as .xlsx or as CSV, and use that "
                f"file as it came (opened and saved again in Excel, a download's times are rewritten)")
    if b"," in head or b"\t" in head:
        return f"is a text file (CSV) named .{kind.lower()}, not a workbook: rename it .csv and run again"
    return None


def _zip_members(source: Source) -> list[str] | None:
    """The files of a whole zip that holds no workbook (a trial's .xlsx was a zip of readme.txt and data.csv,
    told to be downloaded again); None for a workbook or a cut zip, which downloading again mends."""
    try:
        with zipfile.ZipFile(source.path) as book:
            names = [n for n in book.namelist() if not n.endswith("/")]
    except (zipfile.BadZipFile, OSError):
        return None
    workbook = {"xl/workbook.xml", "xl/workbook.bin", "content.xml"}   # OOXML's workbook (not Word's), ODS
    return None if workbook & set(names) else names
