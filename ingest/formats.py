"""Read inbox files (CSV in UTF-8/GB18030/UTF-16, Excel, Parquet) into all-text DataFrames.

Every frame gets `source_file` and `row_number` (the spreadsheet row: the header is row 1), and
phone numbers are replaced by their keyed hash here, before anything else sees them.
"""
from __future__ import annotations

import csv
import io
import logging
import re
from pathlib import Path, PurePosixPath
from typing import NamedTuple

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.ingest.text_encodings import decoded_bytes
from gridpay.ingest.inbox import inbox_file, inbox_folder, refuse_undecodable_name
from gridpay.ingest.limits import garbled_note, headers_shown, merged_header, missing_item, missing_note, ticked_headers, two_row_header
from gridpay.transforms.privacy import phone_hash

SURVEY_SUFFIXES = (".csv", ".xls", ".xlsx", ".parquet")
# the survey columns a stage table holds, in this order, besides the policy's items
TEXT_COLUMNS = ("response_id", "grid_id", "household_id", "submitted_at", "respondent_phone", "channel",
                "duration_s", "comment", "compound")
# a totals row's first cell: set aside, never an answer
TOTAL_WORDS = ("合计", "总计", "小计", "平均", "平均值", "均值")
# a note typed under a sheet, its row's only filled cell (survey.note_rows_set_aside): set aside
NOTE_WORDS = ("备注", "注:", "注：", "说明", "填表人", "制表人", "录入人", "审核人", "填报人", "统计人")
REQUIRED = {
    "grids": ("grid_id", "grid_name", "community", "households"),
    "workers": ("worker_id", "name", "perf_pay_target"),
    "assignments": ("worker_id", "grid_id", "start_date"),
    "surveys": ("response_id", "grid_id", "household_id", "submitted_at"),
    "adjustments": ("worker_id", "month", "amount", "reason", "approved_by"),
    "appeals": ("appeal_id", "month", "worker_id", "response_id", "category", "statement", "filed_on"),
    "verification": ("response_id", "result", "called_by", "called_on"),
}
# optional columns of the optional tables, present (blank) whether the file has them or not
OPTIONAL = {"appeals": ("decision", "decided_by", "decided_on", "decision_note", "resident_grid"),
            "verification": ("note",)}


class Source(NamedTuple):
    """A file to read: `name` is its path inside the inbox (what messages and `source_file` say,
    and what its format is told by), `path` where its bytes are (the archived copy in a run).
    `shown` names it otherwise: the bare file name an audit re-run of a month recorded before
    inbox paths uses (core/steps.py), or a file `gridpay inspect` reads from anywhere."""
    name: str
    path: Path
    shown: str = ""

    @property
    def file_name(self) -> str:
        """What source_file and messages say: its path in the inbox (surveys/2026-09/2026-09.csv is not 2026-09.csv)."""
        return self.shown or self.name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()


def as_source(file: Source | Path) -> Source:
    return file if isinstance(file, Source) else Source(file.name, file)


def decoded_text(file: Source | Path) -> str:
    """The file's text; UTF-8 (BOM or not), UTF-16 with BOM, else GB18030 (ingest/text_encodings.py)."""
    source = as_source(file)
    return decoded_bytes(source.file_name, source.path.read_bytes())


def sniffed_delimiter(text: str) -> str:
    head = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(head, delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def _raw_frame(source: Source) -> pd.DataFrame:
    """A reference table (grids, workers, assignments, adjustments: CSV by the contract) as text.
    Survey files are read by their own readers (ingest/duckdb_reader.py, ingest/sheets.py)."""
    text = decoded_text(source)
    if not text.strip():
        raise InputError(source.file_name, "is empty (no header row)")
    sep = sniffed_delimiter(text)
    try:
        # bytes, not a StringIO: pandas reads a text buffer in small re-encoded pieces (minutes for 200 MB)
        frame = pd.read_csv(io.BytesIO(text.encode("utf-8")), encoding="utf-8", sep=sep, dtype=str,
                            keep_default_na=False, skip_blank_lines=False)
    except (pd.errors.ParserError, ValueError) as exc:
        raise InputError(source.file_name, _csv_problem(str(exc).splitlines()[0])) from exc
    if not isinstance(frame.index, pd.RangeIndex):
        # the first row one cell wider than the header: pandas takes its first cell as the row's index and no
        # error is raised (a sixty-eighth trial's adjustment of 1,200 unquoted: "month '1' is not YYYY-MM")
        header, *rows = csv.reader(io.StringIO(text), delimiter=sep)
        line, cells = next(((n, len(r)) for n, r in enumerate(rows, start=2) if len(r) > len(header)),
                           (2, len(header) + 1))
        raise InputError(source.file_name, _csv_problem(f"Expected {len(header)} fields in line {line}, saw {cells}"))
    return frame


_PHONE_WORDS = ("手机", "电话", "phone", "mobile")


def unread_phone_header(headers: list[str], names: list[str], phone: str) -> str | None:
    """A header that reads like a phone number's (联系手机, 居民电话, 手机号码（选填）) where no column is read as
    `phone`: a thirty-seventh trial's sheet headed so lost its phones without a word, and a worker's rating
    of their own grid counted (+16.20 to W2)."""
    if phone in names:
        return None
    return next((str(h).strip() for h, n in zip(headers, names)
                 if n != phone and any(w in str(h).lower() for w in _PHONE_WORDS)), None)


def say_unread_phone(file: str, header: str | None, phone: str, question: bool = False) -> None:
    """The warning; `question`: a platform download's, whose questions the policy finds by their text."""
    if header is not None:
        alias = ("[survey.aliases]" if phone == "respondent_phone" else "[aliases]")
        fix = ("set the policy's survey.questions.respondent_phone to a text the header holds (the download stays as "
               "it came)" if question else f"name the header in the policy's {alias} (\"{header}\" = \"{phone}\") or "
               f"rename it")
        logging.getLogger("gridpay").warning(
            "%s: the column '%s' reads like a phone, but no column of the file is read as %s: a worker's rating of "
            "their own grid cannot be recognised through it; %s, and run again", file, header, phone, fix)


def canonical_columns(columns: list[str], aliases: dict[str, str]) -> list[str]:
    out = []
    for col in columns:
        name = str(col).replace("\ufeff", "").strip()
        out.append(aliases.get(name, name.lower()))
    return out


_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def _csv_problem(said: str) -> str:
    """pandas' parser error as HR reads it: a row with more cells than the header is most often a cell
    with a comma typed outside quotes (a twenty-second trial's target ￥1,550.00 read 'Error tokenizing
    data. C error: Expected 4 fields in line 7, saw 5')."""
    if found := _FIELDS.search(said):
        header, line, cells = found.groups()
        return (f"line {line} has {cells} cells where the header has {header}: a cell holding a comma (an amount "
                f"typed 1,550.00, a name, a note) is split in two unless it is in quotes, as Excel writes it: type "
                f"the amount without its comma (1550.00), or save the file from Excel as 'CSV UTF-8'")
    return f"cannot be read as CSV: {said}"


def sheet_without_item(item: str, items: tuple[str, ...], headers: list[str], names: list[str]) -> str:
    """missing_item() for a sheet HR typed (canonical headers): `names`, each header's column as
    canonical_columns() reads it; a header that is none of the survey columns is unclaimed."""
    taken = {*TEXT_COLUMNS, *items}
    unclaimed = [str(h) for h, n in zip(headers, names) if n not in taken and str(h).strip()]
    if merged := merged_header(unclaimed):      # 满意度评价 merged over the items, their own headers in the row below
        return missing_item(item, items, unclaimed, two_row_header(merged))
    example = unclaimed[0] if unclaimed else "总体评价"
    return missing_item(item, items, unclaimed, ticked_headers(unclaimed) or      # 环境卫生(非常满意): a tick column
                        f"Head its column {item}, or give its header in the policy's [survey.aliases] "
                        f"(\"{example}\" = \"{item}\"); if the form does not ask it, add a column {item} with "
                        f"its cells blank")


def read_table(file: Source | Path, kind: str, aliases: dict[str, str]) -> pd.DataFrame:
    """A text-only frame with canonical column names; blank cells are NA; blank lines dropped."""
    source = as_source(file)
    frame = _raw_frame(source)
    headers = [str(c).replace("\ufeff", "").strip() for c in frame.columns]
    frame.columns = canonical_columns(list(frame.columns), aliases)
    frame.attrs["headers"] = headers          # as typed: the lines on a header left unread name it so
    missing = [c for c in REQUIRED[kind] if c not in frame.columns]
    if missing:
        # a title typed above the headers (凤凰社区2026年11月网格员名册, merged across): trial 200's clerk was given the columns
        below = canonical_columns([str(v) for v in frame.iloc[0].tolist()], aliases) if len(frame) else []
        title = (f"; row 1 holds a title ('{headers[0]}'), and the headers are in row 2: delete row 1 (and any row "
                 f"above the headers) and save the file again" if set(REQUIRED[kind]) <= set(below) else "")
        raise InputError(source.file_name, f"required column is missing (have: {headers_shown(list(frame.columns))})"
                                           f"{title}{missing_note(missing, aliases, '[aliases]')}"
                                           f"{garbled_note(list(frame.columns))}", column=missing[0])
    frame = frame.astype("string")
    for col in frame.columns:
        frame[col] = frame[col].str.strip().replace("", pd.NA)
    frame.insert(0, "row_number", range(2, len(frame) + 2))
    frame.insert(0, "source_file", source.file_name)
    blank = frame.drop(columns=["source_file", "row_number"]).isna().all(axis=1)
    return frame[~blank].reset_index(drop=True)


def with_hashed_phone(frame: pd.DataFrame, column: str, key: bytes, landlines: bool = False) -> pd.DataFrame:
    """Replace `column` by `<column>_hash`; the clear number does not survive this function."""
    out = frame.copy()
    values = out.pop(column) if column in out.columns else pd.Series(pd.NA, index=out.index)
    hashed = {v: phone_hash(v, key, landlines) for v in values.dropna().unique()}
    out[f"{column}_hash"] = values.map(hashed).astype("string")
    return out


def survey_named(path: Path) -> bool:
    """A survey file's name: Excel's lock files (~$name.xlsx) and hidden files are not surveys."""
    return path.suffix.lower() in SURVEY_SUFFIXES and not path.name.startswith(("~$", "."))


def _survey_file(inbox: Path, path: Path) -> bool:
    # a survey file that is a link out of the inbox, a device or a folder is refused (ingest/inbox.py), never skipped
    return survey_named(path) and bool(inbox_file(inbox, path))


def month_survey_files(inbox: Path, month: str) -> list[Path]:
    """surveys/<month>*.csv|.xls|.xlsx|.parquet, then every such file in surveys/<month>/ whatever
    its name (platform downloads are named by the platform)."""
    folder = inbox / "surveys"
    if not inbox_folder(inbox, folder):
        return []
    named = sorted(p for p in folder.iterdir() if p.name.startswith(month) and _survey_file(inbox, p))
    entries = sorted((folder / month).iterdir()) if inbox_folder(inbox, folder / month) else []
    refuse_undecodable_name(*(e.relative_to(inbox).as_posix() for e in entries))    # one not read is named too
    in_folder = [p for p in entries if _survey_file(inbox, p)]
    return named + in_folder
