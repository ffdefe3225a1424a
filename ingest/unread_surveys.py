"""Survey files under surveys/ that no month reads. A month reads surveys/<YYYY-MM>*.csv|.xls|.xlsx|.parquet
and the files directly in surveys/<YYYY-MM>/ (ingest/formats.py), so a download saved as surveys/问卷星10月.xlsx,
in a folder named surveys/2026年10月/, or in a subfolder surveys/2026-10/纸质/ counted in no month: paper
answers kept in such a folder beside the month's download were published without, exit 0, nothing said."""
from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from gridpay.core.wording import listed
from gridpay.ingest.download_counts import named_answers
from gridpay.ingest.formats import SURVEY_SUFFIXES, Source, survey_named
from gridpay.ingest.sheets import sheet_cells

MONTH_FOLDER = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


def _is_survey(path: Path) -> bool:
    return path.is_file() and survey_named(path)


def _held(folder: Path) -> int:
    """Survey files anywhere below `folder` (hidden folders left out)."""
    return sum(1 for p in folder.rglob("*") if _is_survey(p)
               and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def unread_survey_files(surveys: Path) -> list[str]:
    """'问卷星10月.xlsx', '2026年10月/ (2 survey files)', '2026-10/纸质/ (1 survey file)': what under `surveys`
    holds survey files that no month reads, sorted."""
    if not surveys.is_dir() or surveys.is_symlink():
        return []
    found: list[str] = []
    for entry in sorted(surveys.iterdir()):
        if entry.name.startswith(".") or entry.is_symlink():
            continue
        if entry.is_dir():
            month_named = MONTH_FOLDER.fullmatch(entry.name) is not None
            folders = sorted(p for p in entry.iterdir() if p.is_dir() and not p.name.startswith(".")) \
                if month_named else [entry]
            found += [f"{p.relative_to(surveys).as_posix()}/ ({n} survey file{'s' if n != 1 else ''})"
                      for p in folders if (n := _held(p))]
        elif _is_survey(entry) and MONTH_FOLDER.match(entry.name) is None:
            found.append(entry.name)
        elif entry.suffix.lower() == ".zip" and MONTH_FOLDER.match(entry.name) is None and (held := zipped_surveys(entry)):
            found.append(f"{entry.name} ({held})")         # trial 168's re-check: a download zipped, unsaid
    return found


def loose_survey_files(inbox: Path) -> list[str]:
    """unread_survey_files() outside the month folders ('surveys/问卷星10月.xlsx', a folder not named YYYY-MM), and
    downloads saved in the inbox itself beside the reference files (trial 236's re-check: '问卷星_875_875.xlsx')."""
    inside = [f"surveys/{entry}" for entry in unread_survey_files(inbox / "surveys") if not MONTH_FOLDER.match(entry)]
    beside = sorted(p.name for p in inbox.iterdir() if p.name not in INBOX_TABLES and _is_survey(p)
                    and (named_answers(p.name) is not None or _survey_header(p))) if inbox.is_dir() else []
    return inside + beside


INBOX_TABLES = ("grids.csv", "workers.csv", "assignments.csv", "adjustments.csv", "appeals.csv")


def _survey_header(path: Path) -> bool:
    """A sheet whose header asks of grids and satisfaction (您所在的网格, 您对网格员的服务满意吗) or names the survey
    columns (grid_id, sat_overall): answers, not a reference file HR keeps in Excel beside its CSV."""
    try:
        rows = sheet_cells(Source(path.name, path))[:20]
    except Exception:  # noqa: BLE001 (a file that does not open is no answers to miss; the run reads its own)
        return False
    for row in rows:
        cells = [str(c) for c in row if c]
        if (any("网格" in c for c in cells) and any("满意" in c for c in cells)) or (
                "grid_id" in cells and any(c.startswith("sat_") for c in cells)):
            return True
    return False


def unread_line(surveys: Path, month: str) -> str:
    """The words said of them (empty where there are none)."""
    found = unread_survey_files(surveys)
    if not found:
        return ""
    shown = listed(found, 5)
    return (f"the folder surveys/ holds survey files that no month reads: {shown} (a month reads the files in "
            f"surveys/<YYYY-MM>/ and surveys/<YYYY-MM>*.xlsx|.xls|.csv|.parquet); if one holds answers of {month}, "
            f"move it into surveys/{month}/ (a zip's files unzipped there) and run again")


def month_subfolders(surveys: Path, month: str) -> list[str]:
    """'2026-11/问卷星下载/ (1 survey file)': folders inside the month's own folder holding survey files, which the
    month does not read (a seventy-eighth trial's download unzipped into its own folder there: the month was
    published on 37 of its 56 answers, exit 0, after one warning)."""
    return [entry for entry in unread_survey_files(surveys) if entry.startswith(f"{month}/")]


def month_zips(surveys: Path, month: str) -> list[str]:
    """'2026-11/问卷星数据_20261201.zip (1 survey file)': zip files in the month's own folder holding survey files (or
    that cannot be opened to tell), which the month does not read: 问卷星 delivers a large download zipped, and
    trial 168's, dropped in as it came, left 120 of the month's answers out (six workers' pay 8.36 to 47.77 yuan
    off, exit 0, one line said). A zip of photos of the paper forms is no survey file."""
    folder = surveys / month
    beside = sorted(surveys.glob(f"{month}*")) if surveys.is_dir() else []     # surveys/2026-11问卷星.zip too
    return [f"{path.relative_to(surveys)} ({held})" for path in (sorted(folder.glob("*")) if folder.is_dir() else [])
            + beside if path.is_file() and path.suffix.lower() == ".zip" and (held := zipped_surveys(path, folder))]


def zipped_surveys(path: Path, folder: Path | None = None) -> str:
    """'1 survey file' of a zip holding survey files (', already in the month's folder as X' where `folder` holds each
    with its bytes: trial 248's zip held a copy of the download beside it, and unzipped it came out GBK-named), 'a zip
    gridpay cannot open', or '' (photos, say)."""
    try:
        with zipfile.ZipFile(path) as archive:
            held = [i for i in archive.infolist() if Path(i.filename).suffix.lower() in SURVEY_SUFFIXES]
    except (zipfile.BadZipFile, OSError):
        return "a zip gridpay cannot open"
    there = {(p.stat().st_size, zlib.crc32(p.read_bytes())): p.name for p in (folder.iterdir() if folder and
             folder.is_dir() else ()) if p.is_file() and p.suffix.lower() in SURVEY_SUFFIXES}
    copies = [there[(i.file_size, i.CRC)] for i in held if (i.file_size, i.CRC) in there]
    already = (f", already in the month's folder as {', '.join(copies)}: move the zip out" if held and
               len(copies) == len(held) else "")
    return f"{len(held)} survey file{'s' if len(held) != 1 else ''}{already}" if held else ""


def _table_text(path: Path) -> bool:
    """Does a text file hold a table: a header of three columns or more, tab- or comma-separated, and a row under it
    (a sheet Excel or WPS saved as 'Unicode 文本', UTF-16 with tabs; or as text of another encoding)?"""
    head = path.read_bytes()[:8192]
    utf16 = head[:2] in (b"\xff\xfe", b"\xfe\xff")
    head = head if utf16 or len(head) < 8192 else head[:head.rfind(b"\n") + 1]     # no character cut in two
    for encoding in (("utf-16",) if utf16 else ("utf-8", "gbk")):
        try:
            lines = [line for line in head.decode(encoding, errors="strict" if encoding != "utf-16" else "ignore")
                     .splitlines() if line.strip()]
        except UnicodeDecodeError:
            continue
        return len(lines) >= 2 and any(len(lines[0].split(sep)) >= 3 for sep in ("\t", ","))
    return False


def sheets_saved_as_text(surveys: Path, month: str) -> list[str]:
    """The files of the month's folder gridpay does not read that are a sheet of answers by their content (a table), or
    a platform's download by their name (问卷星's 298765431_2_..._74_74.txt): trial 211's download saved as 'Unicode
    文本' was said in one line, and the month published on the paper forms alone, every worker at neutral, exit 0."""
    folder = surveys / month
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.suffix.lower() not in SURVEY_SUFFIXES
                  and p.suffix.lower() != ".zip" and not p.name.startswith((".", "~$"))
                  and (named_answers(p.stem + ".csv") is not None or _table_text(p)))
