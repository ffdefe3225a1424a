"""Stage the month's survey files in a DuckDB file in the run's work folder (`stage.duckdb`). A canonical CSV or
Parquet file is read by DuckDB itself (ingest/duckdb_reader.py, the fast path for a city's month); workbooks, downloads
and typed sheets by the sheet reader (ingest/survey_files.py). Both hash phones and mask comments before a row is
stored. Every distinct cell text is then normalised once in Python (transforms/parsing.py) and joined back: Likert
words, full-width digits, dates as people type them, door numbers, and grids answered by their name."""
from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd

from gridpay.core.settings import duckdb_memory_limit
from gridpay.core.layout import STAGE_DB
from gridpay.core.progress import progress
from gridpay.ingest.answer_words import note_platform_file, store_answer_words, typed_durations
from gridpay.ingest.duckdb_reader import duckdb_readable, load_with_duckdb, quoted, sql_text
from gridpay.ingest.named_workers import note_worker_names
from gridpay.ingest.formats import TEXT_COLUMNS, Source, as_source, with_hashed_phone
from gridpay.ingest.late_answers import store_aside_ids
from gridpay.ingest.phones import hide_typed_numbers, readable_phones, store_unreadable_phones, unreadable_phones
from gridpay.ingest.survey_files import SurveyReading, read_survey_file
from gridpay.ingest.survey_ids import file_id_prefix
from gridpay.ingest.survey_values import (FAST_TIMESTAMP, canonical_household, door_rules, compound_tables, duration_sql,
                                          foreign_compound_joins, not_foreign_compound, value_mappings)
from gridpay.ingest.shared_grid_names import file_grid_tables
from gridpay.transforms.privacy import every_phone_masked, phone_hash

GRID = "coalesce(fg.value, gr.value)"     # a grid name two grids share: the file's community's (map_file_grid)
_HELD: set[str] = set()                   # stage files whose DuckDB instance a step holds open (held_stage)


@contextmanager
def held_stage(workdir: Path) -> Iterator[None]:
    """Keep the stage file's DuckDB instance open while a step makes many short connections to it. Opening a file
    that no connection in the process holds builds a database instance (~20 ms with DuckDB 2.0: validating a small
    month opened it a dozen times); while one stays open, a later connection with the same configuration shares its
    instance (GX's too: expectations/runner.py connects with DuckDB's defaults, as this does)."""
    path = str(workdir / STAGE_DB)
    if path in _HELD:
        yield
        return
    held = duckdb.connect(path)
    try:
        _HELD.add(path)
        yield
    finally:
        _HELD.discard(path)
        held.close()


def stage_connection(workdir: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(workdir / STAGE_DB))
    # spill to the work folder rather than grow: a 10M-row month must fit a small machine
    con.execute(f"set memory_limit = '{duckdb_memory_limit()}'")
    # a scratch file, read back once or twice and deleted with the run: DuckDB's choosing a compression
    # for each column as it writes took half the time of writing a 10M-row month's surveys table
    con.execute("set force_compression = 'uncompressed'")
    spill = str(workdir / "duckdb-tmp")
    # the instance may be shared (held_stage) and have spilled already: DuckDB refuses to move it then
    if con.execute("select current_setting('temp_directory')").fetchone()[0] != spill:
        con.execute("set temp_directory = ?", [spill])
    return con


def _register_udfs(con: duckdb.DuckDBPyConnection, key: bytes, every_phone: bool = False, pairs: bool = False) -> None:
    con.create_function("gp_phone_hash_py", lambda v: phone_hash(v, key, pairs), ["VARCHAR"], "VARCHAR",
                        null_handling="special", side_effects=False)
    con.create_function("gp_masked_comment", every_phone_masked(every_phone), ["VARCHAR"], "VARCHAR",
                        null_handling="special", side_effects=False)


def _load_frame(con, table: str, frame: pd.DataFrame, reading: SurveyReading, key: bytes) -> None:
    r = reading
    frame, unreadable, two = readable_phones(frame, r.rounded_phones_unread, r.landline_mobiles, r.lone_rounded_phones)
    frame = with_hashed_phone(frame, "respondent_phone", key, reading.landline_mobiles)
    if "comment" in frame.columns:
        frame["comment"] = frame["comment"].map(every_phone_masked(reading.comment_phones_all),
                                                na_action="ignore").astype("string")
    out = pd.DataFrame({"file_row": range(len(frame)), "row_number": frame["row_number"].astype("int64")})
    for name in (*TEXT_COLUMNS, *reading.items):
        name = "respondent_phone_hash" if name == "respondent_phone" else name
        out[name] = frame[name] if name in frame.columns else pd.Series(pd.NA, index=frame.index, dtype="string")
    out["is_blank_row"] = False                     # the sheet reader leaves blank rows out
    out["phone_unreadable"], out["phone_two"] = unreadable, two
    con.register("staged_frame", out)
    con.execute(f"create temp table {table} as select * from staged_frame")
    con.unregister("staged_frame")


def load_survey_files(con, files: list[Source], reading: SurveyReading, key: bytes, workdir: Path,
                      month: str | None, grid_ids: list[str]) -> tuple[list[str], list[str], Counter, dict, list]:
    """A temp table per file (`survey_file_<i>`); the text each row should have in the stage file, as SQL
    over its table (`_finished_rows`); what was set aside (other months, totals) and the rows of Excel-number
    phones, by file; (file, month, response_id, submitted_at) of the rows of other months set aside."""
    _register_udfs(con, key, reading.comment_phones_all, reading.landline_mobiles)
    tables, finished, set_aside, phones, aside_ids = [], [], Counter(), defaultdict(list), []
    note_worker_names(con, None, reading.worker_names)      # a sheet's 姓名 that is a worker's (ingest/named_workers.py)
    with progress("reading survey files", len(files)) as advance:
        for i, source in enumerate(files):
            table = f"survey_file_{i}"
            prefix = file_id_prefix(source.file_name, reading)
            readable = duckdb_readable(source, workdir, i, reading.aliases)
            try:
                if readable is not None:
                    aside = load_with_duckdb(con, table, readable[0], source.file_name, readable[1], reading, key)
                    set_aside.update({(source.file_name, what): n for what, n in aside.items() if n})
                else:
                    read = read_survey_file(source, month, reading, grid_ids)
                    note_platform_file(con, source.file_name, read)
                    note_worker_names(con, read.frame, reading.worker_names)
                    _load_frame(con, table, typed_durations(read, source.file_name, reading.typed_durations_unread),
                                reading, key)
                    set_aside.update({(source.file_name, what): n for what, n in read.set_aside.items()})
                    aside_ids += [(source.file_name, month_of, prefix + rid, at) for month_of, rid, at in read.aside_ids]
            finally:
                if readable is not None and readable[0] != source.path:
                    readable[0].unlink(missing_ok=True)       # the transcoded copy: phones in clear
            tables.append(table)
            places, by_duckdb = _row_places(con, table), readable is not None     # the table's columns, read once
            finished.append(_finished_rows(table, places, source.file_name, reading.items, by_duckdb, prefix))
            phones[source.file_name] += unreadable_phones(con, table, by_duckdb, places[1], reading.landline_mobiles)
            advance()
    return tables, finished, set_aside, phones, aside_ids


def _finished_rows(table: str, places: tuple[str, str], file_name: str, items: tuple[str, ...], by_duckdb: bool,
                   prefix: str = "") -> str:
    """SELECT of a file's table with each row's place in the file (file_row), its row number, and, for a
    file the DuckDB reader read, phone numbers it left to Python hashed and comments masked (the sheet
    reader does both)."""
    phone = "coalesce(respondent_phone_hash, gp_phone_hash_py(phone_py))" if by_duckdb else "respondent_phone_hash"
    # only a text with a digit can hold a number to mask
    comment = ("case when regexp_matches(comment, '\\p{Nd}') then gp_masked_comment(comment) else comment end"
               if by_duckdb else "comment")
    rid = f"{sql_text(prefix)} || response_id" if prefix else "response_id"     # survey.file_id_prefixes
    texts = ", ".join(f"{phone} as respondent_phone_hash" if c == "respondent_phone" else
                      f"{comment} as comment" if c == "comment" else f"{rid} as response_id" if c == "response_id"
                      else quoted(c) for c in (*TEXT_COLUMNS, *items))
    return (f"select {places[0]} as file_row, {sql_text(file_name)} as source_file, "
            f"{places[1]} as row_number, {texts} from {table} where not is_blank_row")


def stage_surveys(files: list[Source | Path], reading: SurveyReading, key: bytes, workdir: Path,
                  month: str | None = None, grids: dict[str, str] | None = None,
                  compounds: dict[str, tuple[str, ...]] | None = None, other_names: dict[str, str] | None = None,
                  communities: dict[str, str] | None = None) -> int:
    """Build table `surveys` in the stage file: one row per non-blank survey row, `row_id` rising in file then
    row order, cells normalised as validation expects them; and table `set_aside` (file, what, rows). `grids`:
    grid_id -> grid_name in grids.csv order (an answer that is a grid's name becomes its id); `compounds`: grid_id
    -> the compounds grids.csv lists for it; `other_names`: their other names (grid_aliases.compound_other_names);
    `communities`: grid_id -> its community (a shared grid name is its file's community's). Returns the row count."""
    workdir.mkdir(parents=True, exist_ok=True)
    files, items, grids = [as_source(f) for f in files], reading.items, grids or {}
    reading = replace(reading, communities=tuple(sorted(set((communities or {}).values()))))   # for codes exports
    with stage_connection(workdir) as con:
        tables, finished, set_aside, phones, aside_ids = load_survey_files(con, files, reading, key, workdir, month, [*grids])
        store_aside_ids(con, aside_ids)
        con.execute("create or replace table set_aside (source_file varchar, what varchar, rows_set_aside integer)")
        for (file, what), rows in sorted(set_aside.items()):
            con.execute("insert into set_aside values (?, ?, ?)", [file, what, rows])
        store_unreadable_phones(con, phones)
        _survey_text_view(con, tables, finished, items)
        compound_tables(con, reading, compounds or {})
        value_mappings(con, reading, grids, month, other_names)
        store_answer_words(con, items)          # a platform form's options, as read (expectations/form_options.py)
        file_grid_tables(con, reading, grids, communities or {})      # 第一网格 in two communities
        item_cols = "".join(f", a{n}.value::varchar as {quoted(i)}" for n, i in enumerate(items))
        item_joins = "".join(f" left join map_answer a{n} on a{n}.raw = s.{quoted(i)}" for n, i in enumerate(items))
        con.execute(f"""
            create table surveys as
            select s.row_id::integer as row_id,
                   s.source_file, s.row_number::integer as row_number, s.response_id,
                   {GRID}::varchar as grid_id,
                   {_household(reading, GRID)} as household_id,
                   s.respondent_phone_hash, s.submitted_at,
                   coalesce(try_strptime(s.submitted_at, '{FAST_TIMESTAMP}'), ts.value::timestamp) as submitted_at_ts,
                   ch.value::varchar as channel, {duration_sql(reading)} as duration_s, s.comment{item_cols},
                   {"coalesce(cp.value, gd.compound)" if reading.compound else "null"}::varchar as compound
            from survey_text s
            left join map_grid gr on gr.raw = s.grid_id
            left join map_file_grid fg on fg.source_file = s.source_file and fg.raw = s.grid_id
            left join map_household hh on hh.raw = s.household_id
            left join map_compound cp on cp.raw = s.compound
            left join one_compound_grid oc on oc.grid_id = {GRID}{foreign_compound_joins(reading, GRID)}
            left join map_door_compound dc on dc.compound = coalesce(s.compound, oc.compound)
                                           and dc.door = s.household_id
            left join map_grid_door gd on gd.grid_id = {GRID} and gd.door = s.household_id and cp.value is null
            left join map_timestamp ts on ts.raw = s.submitted_at
            left join map_channel ch on ch.raw = s.channel
            left join map_duration du on du.raw = s.duration_s{item_joins}""")
        if reading.door_numbers_hidden:     # a phone or an ID typed as the door (output format 22: trial 157)
            hide_typed_numbers(con, key, reading.door_numbers_hidden)
        con.execute("drop view survey_text")
        for t in tables:
            con.execute(f"drop table {t}")        # temp: phone numbers typed unusually are still in clear
        return con.execute("select count(*) from surveys").fetchone()[0]


def _household(reading: SurveyReading, grid: str) -> str:
    """A row's household: its door number, normalised, and where the policy says so (survey.household_compound)
    and the row names its compound, the compound before it ('锦绣花园 7栋1单元101'): door numbers repeat from
    compound to compound (a door number holds no space once normalised). In a grid of one compound (table
    one_compound_grid) the door number alone: a compound typed two ways, or left blank, is not two homes;
    but not one naming a compound grids.csv lists for another grid only (table any_listed_compound)."""
    kept = canonical_household("s.household_id", *door_rules(reading))
    # the compound typed into the door number too (桂花苑3栋201): the door number after it
    door = f"coalesce(dc.value, case when {kept} then s.household_id else hh.value::varchar end)"
    if not reading.compound:
        return door
    # ... or, in an answer naming none, a compound grids.csv lists for its grid (table map_grid_door)
    door = f"coalesce(gd.value, {door})"
    # a null compound or door makes the concatenation null: then the door number as it is
    return (f"case when {grid} in (select grid_id from one_compound_grid) and {not_foreign_compound(reading)} then {door} "
            f"else coalesce(coalesce(cp.value, gd.compound) || ' ' || ({door}), {door}) end")


def _survey_text_view(con, tables: list[str], finished: list[str], items: tuple[str, ...]) -> None:
    """View `survey_text`: every file's rows as text, `row_id` the file's offset plus the row's place in it (file_row),
    in file then row order; a blank row leaves a gap. No renumbering: a window over a 10M-row month is a sort of all
    of it. A view: the per-file temp tables are read twice more (distinct texts, the final table), not copied."""
    names = [c if c != "respondent_phone" else "respondent_phone_hash" for c in (*TEXT_COLUMNS, *items)]
    offsets = list(itertools.accumulate((con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in tables),
                                        initial=0))
    parts = [f"select {offset} + file_row as row_id, * exclude (file_row) from ({rows})"
             for rows, offset in zip(finished, offsets)]
    empty = ("select 0 as row_id, ''::varchar as source_file, 0::bigint as row_number, "
             + ", ".join(f"null::varchar as {quoted(c)}" for c in names) + " where false")
    con.execute(f"create temp view survey_text as {' union all '.join(parts) or empty}")


def _row_places(con, table: str) -> tuple[str, str]:
    """SQL of a row's place in its file (0 up; rowid where the reader kept the order but could not say it) and number."""
    columns = {r[0] for r in con.execute(f"describe {table}").fetchall()}
    place = "file_row" if "file_row" in columns else "rowid"
    return place, "row_number" if "row_number" in columns else f"{place} + 2"


def staged_counts(workdir: Path) -> tuple[int, dict[str, int]]:
    """(survey rows staged for the month, rows set aside by kind: 'rows of 2026-09', 'totals rows')."""
    with stage_connection(workdir) as con:
        rows = con.execute("select count(*) from surveys").fetchone()[0]
        aside = dict(con.execute("select what, sum(rows_set_aside)::integer from set_aside group by what "
                                 "order by what").fetchall())
    return rows, aside
