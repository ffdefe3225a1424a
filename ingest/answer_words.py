"""The words a platform download's answers are, by file and item, with the point each is read as. A download's
answers are its form's options, so a word gridpay cannot read, or two words read as one point, is how the form
is built, not a resident's typing: a sixty-fifth trial's form reworded 非常不满意 as 极不满意 (the unhappiest
residents' answers invalid, 11% of the month, published) and another's options 满意/比较满意/一般/不太满意/不满意
read 满意 and 比较满意 both as 4 (every worker's pay lowered, exit 0). expectations/form_options.py judges them."""
from __future__ import annotations

import logging
import re

import duckdb
import pandas as pd

from gridpay.ingest.duckdb_reader import quoted
from gridpay.ingest.survey_files import SurveyRead
from gridpay.ingest.survey_values import FAST_TIMESTAMP


_PLATFORM_FILES = ("create table if not exists platform_files (source_file varchar, layout varchar, phone_asked boolean, "
                   "duration_read boolean, unread_duration varchar, skipped_questions varchar)")
# a header the platform numbers: 问卷星's '4、您的手机号码', a matrix's '6(服务态度)'
_NUMBERED = re.compile(r"^\s*(\d{1,3})\s*[、.．(（]")
# a header that names the time an answer took, whichever platform's words (问卷星 所用时间, 腾讯问卷 答题时长, 金数据 填写时长)
_DURATION_WORDS = ("时长", "用时", "所用时间", "耗时")
log = logging.getLogger("gridpay")


def note_platform_file(con: duckdb.DuckDBPyConnection, file_name: str, read: SurveyRead) -> None:
    """Table `platform_files` (source_file, layout, phone_asked, duration_read, unread_duration) in the stage (every
    stage has it: store_answer_words makes it where no file was staged): the survey files read as a platform's
    download, whether a question of it was read as the respondent's phone, whether a column of it as the answers'
    durations, and, where none was, a header of it that names one, read as nothing."""
    con.execute(_PLATFORM_FILES)
    if read.layout is None:
        return
    unread = next((h for h, name in read.header_map if not name and any(w in str(h) for w in _DURATION_WORDS)), None)
    numbers = sorted({int(m[1]) for h, _ in read.header_map if (m := _NUMBERED.match(str(h)))})
    skipped = [str(n) for n in range(numbers[0], numbers[-1] + 1) if n not in numbers] if numbers else []
    con.execute("insert into platform_files values (?, ?, ?, ?, ?, ?)",
                [file_name, read.layout, "respondent_phone" in read.frame.columns, "duration_s" in read.frame.columns,
                 None if "duration_s" in read.frame.columns else unread, ", ".join(skipped) or None])


def typed_durations(read: SurveyRead, file_name: str, unread: bool) -> pd.DataFrame:
    """A sheet typed by hand (no platform's download) with a column of the time each answer took: its frame without
    that column where `unread` (survey.typed_durations_unread, policy 2027.18), said either way. A paper form has no
    timer: a hundred-and-fiftieth trial's volunteer typed 20 seconds on four unhappy forms of one grid, set aside as
    speeders (+220.50 for its worker), and 1500 on every other, raising the month's median until 8 online answers
    were speeders, exit 0, nothing said."""
    frame = read.frame
    if read.layout is not None or "duration_s" not in frame.columns:
        return frame
    typed = int(sum(not pd.isna(v) and str(v).strip() != "" for v in frame["duration_s"]))
    if not typed:
        return frame
    header = next((h for h, name in read.header_map if name == "duration_s"), "duration_s")
    if unread:
        log.warning("%s: its column '%s' (%d answers) is not read as the time each answer took: a sheet typed by hand "
                    "has no platform's timer, and the speeder rule would set aside whichever answers its typist timed "
                    "short (survey.typed_durations_unread); its answers count as answers without a duration", file_name,
                    header, typed, extra={"notice": "answer_doubts"})
        return frame.drop(columns="duration_s")
    log.warning("%s: %d answers' durations are its column '%s', typed by hand, not a platform's timer: the speeder rule "
                "reads them, so whoever typed them chose which answers it sets aside; survey.typed_durations_unread = "
                "true (policy 2027.18) leaves them unread: add it to your policy with a new version", file_name, typed,
                header, extra={"notice": "answer_doubts"})
    return frame


def store_answer_words(con: duckdb.DuckDBPyConnection, items: tuple[str, ...]) -> None:
    """Table `answer_words` (source_file, item, word, point, rows, first_at, last_at): each answer text of the platform
    downloads' item columns (survey_text) as typed, trimmed, the point map_answer reads it as (null: a blank), and
    the first and last time it was given (a form's option renamed in the month: one word until, the other after);
    `typed_answer_words` the same of the other survey files (sheets typed by hand: a paper form's options as typed)."""
    con.execute(_PLATFORM_FILES)
    for table, which in (("answer_words", "in"), ("typed_answer_words", "not in")):
        words = " union all ".join(
            f"select source_file, '{item}' as item, {quoted(item)} as raw, submitted_at as at from survey_text "
            f"where source_file {which} (select source_file from platform_files)" for item in items) or \
            "select null::varchar as source_file, null::varchar as item, null::varchar as raw, null::varchar as at"
        con.execute(f"""
            create or replace table {table} as
            select w.source_file, w.item, trim(w.raw) as word, a.value::varchar as point, count(*)::integer as rows,
                   min(coalesce(try_strptime(w.at, '{FAST_TIMESTAMP}'), t.value::timestamp)) as first_at,
                   max(coalesce(try_strptime(w.at, '{FAST_TIMESTAMP}'), t.value::timestamp)) as last_at
            from ({words}) w left join map_answer a on a.raw = w.raw left join map_timestamp t on t.raw = w.at
            where coalesce(trim(w.raw), '') <> '' group by w.source_file, w.item, trim(w.raw), a.value""")
