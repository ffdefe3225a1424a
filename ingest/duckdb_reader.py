"""The fast reader: a canonical survey CSV (UTF-8, or GBK/GB18030 copied as UTF-8 first) or a
Parquet file, read by DuckDB itself in parallel, without building Python rows. Phone numbers are
hashed (HMAC-SHA256, in SQL) and comments masked in the statement that reads the file, so neither
reaches the stage file in clear. Which files come here is decided by their format alone
(`duckdb_readable`); a file DuckDB then cannot parse is refused naming it, never re-read another way
(an out-of-memory on a 10M-row file must surface, not turn into a slow second read)."""
from __future__ import annotations

import codecs
import csv
import io
import mmap
import re
from pathlib import Path

import duckdb

from gridpay.core.errors import InputError
from gridpay.ingest.csv_check import csv_problem
from gridpay.ingest.formats import (NOTE_WORDS, REQUIRED, TEXT_COLUMNS, TOTAL_WORDS, Source, canonical_columns, sheet_without_item,
                                    say_unread_phone, unread_phone_header, sniffed_delimiter)
from gridpay.ingest.text_encodings import utf8_until
from gridpay.ingest.limits import garbled_note, headers_shown, missing_note
from gridpay.ingest.pasted_headers import header_texts, moved_column, pasted_header_error
from gridpay.transforms.privacy import excel_number_sql, hmac_pads, phone_hash_sql, two_mobiles_sql

# Characters pandas' str.strip() removes that people type around cells (ideographic and no-break spaces).
_TRIM = " \t\r\n\v\f\u3000\u00a0"


_BLANK_LINE = re.compile(rb"\n\r?\n")


def _has_blank_line(path: Path) -> bool:
    # one regex pass over the mapped file: twice as fast as two substring tests per 16 MiB chunk
    if path.stat().st_size == 0:
        return False
    with path.open("rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return _BLANK_LINE.search(data) is not None


def _utf8_copy(path: Path, workdir: Path, index: int) -> Path | None:
    """A UTF-8 copy of a GB18030/GBK file (DuckDB reads only UTF-8 and UTF-16), or None if the
    bytes are not GB18030 either. It holds phone numbers in clear: the caller deletes it as soon
    as the file is staged, and a run that is killed first leaves it in its work folder, which the
    next run and `gridpay doctor` remove."""
    target = workdir / f"utf8-{index}.csv"
    decoder = codecs.getincrementaldecoder("gb18030")()
    try:
        with path.open("rb") as src, target.open("w", encoding="utf-8", newline="") as dst:
            while chunk := src.read(1 << 24):
                dst.write(decoder.decode(chunk))
            dst.write(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        target.unlink(missing_ok=True)
        return None
    return target


def sql_text(value: object) -> str:
    """A SQL string literal (file names come from the inbox and may hold a quote)."""
    return "'" + str(value).replace("'", "''") + "'"


def _source_sql(path: Path, delimiter: str | None) -> str:
    if delimiter is None:
        return f"read_parquet({sql_text(path)}, file_row_number = true)"
    delim = delimiter.replace("\t", "\\t")
    return (f"read_csv({sql_text(path)}, header = true, all_varchar = true, delim = E'{delim}', quote = '\"', "
            f"escape = '\"', skip = 0, comment = '', auto_detect = true)")


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# Columns whose texts the stage normalises once per distinct text in Python (survey_values.py),
# which trims them: trimming them here too would only cost time.
MAPPED = ("grid_id", "household_id", "channel", "duration_s")
_WS = r"[ \t\r\n\v\f\x{3000}\x{a0}]"


def _trimmed(cell: str) -> str:
    # one RE2 test, then trim only the cells that need it (trimming every cell of a 10M-row month
    # doubled the read; testing each cell's first and last character by index cost as much)
    return (f"nullif(case when regexp_matches({cell}, '^{_WS}|{_WS}$') then trim({cell}, '{_TRIM}') "
            f"else {cell} end, '')")


def load_with_duckdb(con, table: str, path: Path, source_name: str, delimiter: str | None, reading,
                     key: bytes) -> dict[str, int]:
    """Temp table `table`: the file's rows in file order (rowid; Parquet also says `file_row`), in one
    scan with SQL only: the mapped columns and items as typed, the others trimmed, ASCII phone
    numbers hashed. What SQL cannot do is left for survey_stage's view to finish in Python, row by
    row: `phone_py` holds a number typed with other characters (full-width digits) until it is hashed,
    and `comment` a comment not yet masked. Both live only in this connection's temp storage,
    never in the stage file. One scan with no Python function keeps the file's order: DuckDB does
    not keep the order of a CREATE TABLE whose query calls one (at 1M rows, rowids came out in chunks
    out of order, so row numbers named the wrong rows). `reading`: the policy's SurveyReading. Returns
    the rows set aside by kind: totals rows (合计, 平均, ... in the first cell; survey.csv_totals_rows_set_aside)
    and note rows (备注：... alone in its row; survey.note_rows_set_aside); before the policy set them aside,
    each was an invalid answer."""
    aliases, items = reading.aliases, reading.items
    source = _source_sql(path, delimiter)
    try:
        raw_columns = [r[0] for r in con.execute(f"describe select * from {source}").fetchall()
                       if r[0] != "file_row_number"]
    except (duckdb.InvalidInputException, duckdb.ConversionException) as exc:
        raise _unreadable(source_name, path, delimiter, exc) from None
    names = canonical_columns(raw_columns, aliases)
    say_unread_phone(source_name, unread_phone_header(raw_columns, names, "respondent_phone"), "respondent_phone")
    missing = [c for c in REQUIRED["surveys"] if c not in names]
    if missing:
        raise InputError(source_name, f"required column is missing (have: {headers_shown(names)})"
                                      f"{missing_note(missing, aliases)}{garbled_note(names)}", column=missing[0])
    if reading.items_required and (absent := [i for i in items if i not in names]):
        raise InputError(source_name, sheet_without_item(absent[0], items, raw_columns, names), column=absent[0])
    cell = {}
    for raw, name in zip(raw_columns, names):
        cell.setdefault(name, f"{quoted(raw)}::varchar")   # a repeated header: the first column counts
    exprs = ["file_row_number as file_row"] if delimiter is None else []
    for name in (*TEXT_COLUMNS, *items):
        value = cell.get(name, "null::varchar")
        if name == "respondent_phone":
            pairs = reading.landline_mobiles
            exprs += [f"{phone_hash_sql(value, 'gp_phone_digits', 'gp_phone_ascii', pairs)} as respondent_phone_hash",
                      f"case when not gp_phone_ascii then {value} end as phone_py",
                      f"coalesce({excel_number_sql(value, pairs)}, false) as phone_unreadable",
                      f"coalesce({two_mobiles_sql(value, pairs)}, false) as phone_two"]
        elif name in MAPPED or name in items:
            exprs.append(f"{value} as {quoted(name)}")
        else:
            exprs.append(f"{_trimmed(value)} as {quoted(name)}")
    exprs += _rows_set_aside(raw_columns, reading)
    phone = cell.get("respondent_phone", "null::varchar")
    # the phone's digits and ASCII test once a row, for the hash's several uses of them
    source = (f"(select *, regexp_replace({phone}, '[^0-9]', '', 'g') as gp_phone_digits, "
              f"regexp_full_match({phone}, '[\\x00-\\x7F]*') as gp_phone_ascii from {source})")
    try:
        con.execute(f"create temp table {table} as select {', '.join(exprs)} from {source}",
                    dict(zip(("okey", "ikey"), hmac_pads(key))))
    except (duckdb.InvalidInputException, duckdb.ConversionException) as exc:
        raise _unreadable(source_name, path, delimiter, exc) from None
    totals, notes = con.execute(f"select count(*) filter (where is_totals_row), count(*) filter (where is_note_row) "
                                f"from {table}").fetchone()
    _pasted_header(con, table, source, header_texts(raw_columns), source_name, delimiter)
    return {"totals rows": totals, "note rows": notes}


def _pasted_header(con, table: str, source: str, texts: list[str], source_name: str, delimiter: str | None) -> None:
    """Stops a file holding its header again in another column order (ingest/pasted_headers.py); the file is
    scanned again only where a row's id is a header's text."""
    # a row whose id is a header's text: the header again, maybe moved (a scan of one column of the table; an
    # expression of the file's scan made DuckDB give the rows out of the file's order)
    places = [p for (p,) in con.execute(f"select {'file_row' if delimiter is None else 'rowid'} from {table} where "
                                        "list_contains($texts, trim(response_id)) order by 1", {"texts": texts}).fetchall()]
    if not places:
        return
    place = "file_row_number" if delimiter is None else "row_number() over () - 1"
    rows = con.execute(f"select * from (select {place} as gp_place, * from {source}) where gp_place in "
                       f"({', '.join(map(str, places))}) order by gp_place").fetchall()
    for row in rows:
        cells = [c for name, c in zip(con.description[1:], row[1:]) if name[0] != "file_row_number"]
        if (moved := moved_column(texts, cells)) is not None:
            raise pasted_header_error(source_name, row[0] + 2, moved)


def _rows_set_aside(raw_columns: list[str], reading) -> list[str]:
    """is_blank_row (left out), is_totals_row and is_note_row (left out and counted), as the sheet reader
    sets them aside: a totals row's first filled cell 合计, 平均, ...; a note, its row's only filled cell
    备注：..., 填表人：... (each where the policy sets them aside)."""
    every_cell = ", ".join(f"{quoted(r)}::varchar" for r in raw_columns)
    blank = f"regexp_full_match(concat({every_cell}), '{_WS}*')"
    filled = ", ".join(f"nullif(trim({quoted(r)}::varchar), '')" for r in raw_columns)
    first = f"replace(coalesce({filled}), ' ', '')"
    totals = f"regexp_matches({first}, '^({'|'.join(TOTAL_WORDS)})')" if reading.csv_totals_rows_set_aside else "false"
    one = " + ".join(f"(nullif(trim({quoted(r)}::varchar), '') is not null)::int" for r in raw_columns)
    note = (f"({one}) = 1 and regexp_matches({first}, '^({'|'.join(NOTE_WORDS)})')" if reading.note_rows_set_aside
            else "false")
    return [f"{blank} or coalesce({totals}, false) or coalesce({note}, false) as is_blank_row",
            f"coalesce({totals}, false) as is_totals_row", f"coalesce({note}, false) as is_note_row"]


def _unreadable(source_name: str, path: Path, delimiter: str | None, exc: Exception) -> InputError:
    """The file, the line and what is wrong there (ingest/csv_check.py); else DuckDB's first line,
    naming the inbox file rather than the run's decrypted copy. Never DuckDB's further lines: they
    quote the file's text."""
    problem = csv_problem(path, delimiter) if delimiter is not None else None
    said = problem or str(exc).splitlines()[0].replace(f'"{path}"', source_name).replace(str(path), source_name)
    return InputError(source_name, f"cannot be read as {'CSV' if delimiter is not None else 'Parquet'}: {said}")


def duckdb_readable(source: Source, workdir: Path, index: int,
                    aliases: dict[str, str]) -> tuple[Path, str | None] | None:
    """(file DuckDB should read, CSV delimiter or None for Parquet), or None when the file is for the
    sheet reader (ingest/survey_files.py): Excel, UTF-16, blank lines (whose row numbers DuckDB
    would not keep), or a first line that is not the canonical header (a platform download, a
    title row above the header)."""
    suffix, path = source.suffix, source.path
    if suffix == ".parquet":
        return path, None
    if suffix != ".csv":
        return None
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if not head.strip() or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _has_blank_line(path):
        return None
    if b"\r" in head and b"\n" not in head:     # old Mac line ends: the sheet reader's (a seventy-eighth trial's
        return None                            # "unexpected error ... new-line character seen in unquoted field")
    try:
        text = head.decode("utf-8")
        gbk = False
    except UnicodeDecodeError as exc:
        gbk = exc.start < len(head) - 4              # not just a character cut at the 64 KiB edge
        if gbk and utf8_until(head, exc.start):     # half UTF-8, half GBK: the sheet reader names the line
            return None
        text = head.decode("gb18030" if gbk else "utf-8", "ignore")
    text = text.lstrip("\ufeff")
    delimiter = sniffed_delimiter(text)
    first = next(csv.reader(io.StringIO(text), delimiter=delimiter), [])
    names = canonical_columns(first, aliases)
    # a typed sheet's 姓名: the sheet reader checks it (ingest/shifted_rows.py) and notes a worker's (named_workers.py)
    if not all(c in names for c in REQUIRED["surveys"]) or "name" in names:
        return None
    if gbk:
        copy = _utf8_copy(path, workdir, index)
        return None if copy is None else (copy, delimiter)
    return path, delimiter
