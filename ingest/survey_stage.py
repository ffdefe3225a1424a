"""Stage the month's survey files in a DuckDB file in the run's work folder (`stage.duckdb`).

UTF-8 CSV and Parquet are read by DuckDB itself, in parallel and without building Python rows;
phone numbers are hashed (HMAC-SHA256, in SQL) and comments masked in the same statement that
reads the file, so neither reaches the stage file in clear. GBK/GB18030 is first copied as UTF-8.
A file DuckDB cannot read exactly as pandas would (UTF-16, blank lines that shift row numbers,
ragged rows, Excel) takes the pandas path of flows/ingest.py, which also gives the file/row/column
errors for broken files.
Every distinct cell text is then normalised once in Python (transforms/parsing.py) and joined
back, so both paths give the same table."""
from __future__ import annotations

import codecs
import hashlib
import itertools
from pathlib import Path

import duckdb
import pandas as pd

from gridpay.core.errors import InputError
from gridpay.ingest.formats import REQUIRED, canonical_columns, read_table, sniffed_delimiter, with_hashed_phone
from gridpay.core.settings import duckdb_memory_limit
from gridpay.transforms.parsing import normalized_cell, normalized_integer, normalized_likert, parsed_timestamp
from gridpay.transforms.privacy import masked_comment, phone_hash

STAGE_DB = "stage.duckdb"
TEXT_COLUMNS = ("response_id", "grid_id", "household_id", "submitted_at", "respondent_phone", "channel",
                "duration_s", "comment")
# Characters pandas' str.strip() removes that people type around cells (ideographic and no-break spaces).
_TRIM = " \t\r\n\v\f\u3000\u00a0"
_TRIM_LIST = ", ".join(f"'{c}'" for c in _TRIM)
_FAST_TIMESTAMP = "%Y-%m-%d %H:%M:%S"


def stage_connection(workdir: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(workdir / STAGE_DB))
    # spill to the work folder rather than grow: a 10M-row month must fit a small machine
    con.execute(f"set memory_limit = '{duckdb_memory_limit()}'")
    con.execute("set temp_directory = ?", [str(workdir / "duckdb-tmp")])
    return con


def _hmac_pads(key: bytes) -> tuple[bytes, bytes]:
    block = (key if len(key) <= 64 else hashlib.sha256(key).digest()).ljust(64, b"\0")
    return bytes(b ^ 0x5C for b in block), bytes(b ^ 0x36 for b in block)


def _register_udfs(con: duckdb.DuckDBPyConnection, key: bytes) -> None:
    con.create_function("gp_phone_hash_py", lambda v: phone_hash(v, key), ["VARCHAR"], "VARCHAR",
                        null_handling="special", side_effects=False)
    con.create_function("gp_masked_comment", masked_comment, ["VARCHAR"], "VARCHAR",
                        null_handling="special", side_effects=False)


def _phone_hash_sql(col: str) -> str:
    """gridpay.transforms.privacy.phone_hash in SQL for ASCII input (HMAC = H(okey || H(ikey || m)));
    anything else, such as full-width digits, goes to the Python function itself."""
    digits = f"regexp_replace({col}, '[^0-9]', '', 'g')"
    phone = (f"nullif(case when {digits} like '0086%' and length({digits}) = 15 then {digits}[5:] "
             f"when {digits} like '86%' and length({digits}) = 13 then {digits}[3:] else {digits} end, '')")
    return (f"case when {col} is null then null "
            f"when regexp_full_match({col}, '[\\x00-\\x7F]*') then "
            f"lower(sha256($okey || unhex(sha256($ikey || ({phone})::blob)))) "
            f"else gp_phone_hash_py({col}) end")


def _has_blank_line(path: Path) -> bool:
    tail = b""
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 24):
            window = tail + chunk
            if b"\n\n" in window or b"\n\r\n" in window:
                return True
            tail = window[-2:]
    return False


def _utf8_copy(path: Path, workdir: Path) -> Path | None:
    """A UTF-8 copy of a GB18030/GBK file (DuckDB reads only UTF-8 and UTF-16), or None if the
    bytes are not GB18030 either."""
    target = workdir / f"utf8-{path.name}"
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
        return f"read_parquet({sql_text(path)})"
    delim = delimiter.replace("\t", "\\t")
    return (f"read_csv({sql_text(path)}, header = true, all_varchar = true, delim = E'{delim}', quote = '\"', "
            f"escape = '\"', skip = 0, comment = '', auto_detect = true)")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _load_with_duckdb(con, table: str, path: Path, source_name: str, delimiter: str | None,
                      aliases: dict[str, str], items: tuple[str, ...], key: bytes) -> None:
    source = _source_sql(path, delimiter)
    raw_columns = [r[0] for r in con.execute(f"describe select * from {source}").fetchall()]
    names = canonical_columns(raw_columns, aliases)
    missing = [c for c in REQUIRED["surveys"] if c not in names]
    if missing:
        raise InputError(source_name, f"required column is missing (have: {', '.join(names)})", column=missing[0])
    trimmed = []
    for i, raw in enumerate(raw_columns):
        text = f"{_quoted(raw)}::varchar"
        # trim only cells that need it: trimming every cell of a 10M-row month doubled the read
        edges = f"({text})[1] in ({_TRIM_LIST}) or ({text})[-1] in ({_TRIM_LIST})"
        trimmed.append(f"nullif(case when {edges} then trim({text}, '{_TRIM}') else {text} end, '') as c{i}")
    cell = {}
    for i, name in enumerate(names):
        cell.setdefault(name, f"c{i}")                 # a repeated header: the first column counts
    exprs = []
    for name in (*TEXT_COLUMNS, *items):
        value = cell.get(name, "null::varchar")
        if name == "respondent_phone":
            exprs.append(f"{_phone_hash_sql(value)} as respondent_phone_hash")
        elif name == "comment":
            # only a text with a digit can hold a number to mask
            exprs.append(f"case when regexp_matches({value}, '\\p{{Nd}}') then gp_masked_comment({value}) "
                         f"else {value} end as comment")
        else:
            exprs.append(f"{value} as {_quoted(name)}")
    every_cell_blank = " and ".join(f"c{i} is null" for i in range(len(raw_columns))) or "true"
    # cells are trimmed once in the inner query; hashing, masking and the blank test read them
    con.execute(f"create table {table} as select {', '.join(exprs)}, ({every_cell_blank}) as is_blank_row "
                f"from (select {', '.join(trimmed)} from {source})", dict(zip(("okey", "ikey"), _hmac_pads(key))))


def _load_with_pandas(con, table: str, path: Path, aliases: dict[str, str], items: tuple[str, ...],
                      key: bytes) -> None:
    frame = with_hashed_phone(read_table(path, "surveys", aliases), "respondent_phone", key)
    if "comment" in frame.columns:
        frame["comment"] = frame["comment"].map(masked_comment, na_action="ignore").astype("string")
    out = pd.DataFrame({"row_number": frame["row_number"].astype("int64")})
    for name in (*TEXT_COLUMNS, *items):
        name = "respondent_phone_hash" if name == "respondent_phone" else name
        out[name] = frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="string")
    out["is_blank_row"] = False                     # read_table has dropped blank rows already
    con.register("staged_frame", out)
    con.execute(f"create table {table} as select * from staged_frame")
    con.unregister("staged_frame")


def _duckdb_readable(path: Path, workdir: Path) -> tuple[Path, str | None] | None:
    """(file DuckDB should read, CSV delimiter or None for Parquet), or None for the pandas path."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return path, None
    if suffix != ".csv":
        return None
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if not head.strip() or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _has_blank_line(path):
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:               # not just a character cut at the 64 KiB edge
            copy = _utf8_copy(path, workdir)
            return None if copy is None else (copy, sniffed_delimiter(head.decode("gb18030", "ignore")))
    return path, sniffed_delimiter(head.decode("utf-8", "ignore").lstrip("\ufeff"))


def load_survey_files(con, files: list[Path], aliases: dict[str, str], items: tuple[str, ...], key: bytes,
                      workdir: Path) -> list[str]:
    """One table per file (`survey_file_<i>`) of trimmed text, phone hashed, comment masked."""
    _register_udfs(con, key)
    tables = []
    for i, path in enumerate(files):
        table = f"survey_file_{i}"
        readable = _duckdb_readable(path, workdir)
        try:
            if readable is None:
                raise LookupError
            _load_with_duckdb(con, table, readable[0], path.name, readable[1], aliases, items, key)
        except InputError:
            raise
        except (LookupError, duckdb.Error):
            con.execute(f"drop table if exists {table}")
            _load_with_pandas(con, table, path, aliases, items, key)
        tables.append(table)
    return tables


def _mapping(con, name: str, values_sql: str, fn) -> None:
    """Table `name`(raw, value): fn applied once per distinct raw text."""
    distinct = [r[0] for r in con.execute(f"select distinct v from ({values_sql}) where v is not null").fetchall()]
    frame = pd.DataFrame({"raw": pd.Series(distinct, dtype="string"),
                          "value": pd.Series([fn(v) for v in distinct], dtype="object")})
    con.register("mapping_frame", frame)
    con.execute(f"create or replace table {name} as select * from mapping_frame")
    con.unregister("mapping_frame")


def _timestamp_or_none(value: str):
    ts = parsed_timestamp(value)
    return None if ts is None else ts.to_pydatetime()


def stage_surveys(files: list[Path], aliases: dict[str, str], items: tuple[str, ...], key: bytes,
                  workdir: Path) -> int:
    """Build table `surveys` in the stage file: one row per non-blank survey row, `row_id` rising in
    file then row order, cells normalised as validation expects them. Returns the row count."""
    workdir.mkdir(parents=True, exist_ok=True)
    with stage_connection(workdir) as con:
        tables = load_survey_files(con, files, aliases, items, key, workdir)
        names = [c if c != "respondent_phone" else "respondent_phone_hash" for c in (*TEXT_COLUMNS, *items)]
        columns = ", ".join(_quoted(c) for c in names)
        # row_id: the file's offset plus the row's position in it, in file then row order; a blank
        # row leaves a gap. No renumbering: a window over a 10M-row month is a sort of all of it.
        offsets = list(itertools.accumulate((con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables),
                                            initial=0))
        parts = [f"select {offset} + rowid as row_id, {sql_text(f.name)} as source_file, "
                 f"{'row_number' if _has_column(con, t, 'row_number') else 'rowid + 2'} as row_number, {columns} "
                 f"from {t} where not is_blank_row" for t, f, offset in zip(tables, files, offsets)]
        empty = ("select 0 as row_id, ''::varchar as source_file, 0::bigint as row_number, "
                 + ", ".join(f"null::varchar as {_quoted(c)}" for c in names) + " where false")
        # a view: the per-file tables are read twice more (distinct texts, the final table), not copied
        con.execute(f"create view survey_text as {' union all '.join(parts) or empty}")
        answers = " union all ".join(f"select {_quoted(i)} as v from survey_text" for i in items) or "select null as v"
        _mapping(con, "map_answer", answers, normalized_likert)
        _mapping(con, "map_duration", "select duration_s as v from survey_text", normalized_integer)
        _mapping(con, "map_channel", "select channel as v from survey_text",
                 lambda v: (normalized_cell(v) or "").lower() or None)
        _mapping(con, "map_timestamp", f"select submitted_at as v from survey_text "
                 f"where try_strptime(submitted_at, '{_FAST_TIMESTAMP}') is null", _timestamp_or_none)
        item_cols = "".join(f", a{n}.value::varchar as {_quoted(i)}" for n, i in enumerate(items))
        item_joins = "".join(f" left join map_answer a{n} on a{n}.raw = s.{_quoted(i)}" for n, i in enumerate(items))
        con.execute(f"""
            create table surveys as
            select s.row_id::integer as row_id,
                   s.source_file, s.row_number::integer as row_number, s.response_id, s.grid_id, s.household_id,
                   s.respondent_phone_hash, s.submitted_at,
                   coalesce(try_strptime(s.submitted_at, '{_FAST_TIMESTAMP}'), ts.value::timestamp) as submitted_at_ts,
                   ch.value::varchar as channel, du.value::varchar as duration_s, s.comment{item_cols}
            from survey_text s
            left join map_timestamp ts on ts.raw = s.submitted_at
            left join map_channel ch on ch.raw = s.channel
            left join map_duration du on du.raw = s.duration_s{item_joins}""")
        con.execute("drop view survey_text")
        for t in tables:
            con.execute(f"drop table {t}")
        return con.execute("select count(*) from surveys").fetchone()[0]


def _has_column(con, table: str, column: str) -> bool:
    return column in {r[0] for r in con.execute(f"describe {table}").fetchall()}
