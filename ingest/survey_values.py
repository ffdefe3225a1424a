"""The normal form of each distinct text of a month's survey rows, as a table per column (answer,
duration, channel, grid, household, time): computed once per distinct text, since a city's month
repeats its few thousand texts millions of times, and joined back by stage_surveys."""
from __future__ import annotations

import re

import pandas as pd

from gridpay.ingest.survey_files import SurveyReading
from gridpay.ingest.duckdb_reader import quoted
from gridpay.transforms.grid_names import bare_compound
from gridpay.transforms.door_numbers import FORMAL_NUMERALS, normalized_household
from gridpay.transforms.folding import dots_dropped, unseen_dropped
from gridpay.transforms.parsing import (clock_seconds, normalized_cell, normalized_integer, normalized_likert,
                                        parsed_timestamp, written_time, yearless_timestamp)

# 壹贰叁...佰 and 百: read as 一二三... and hundreds as digits (survey.door_number_numerals)
FORMAL = "".join(chr(c) for c in FORMAL_NUMERALS) + "百"
FAST_TIMESTAMP = "%Y-%m-%d %H:%M:%S"      # the platforms' own form, parsed by DuckDB without Python
_OPTION_LETTER = re.compile(r"^[A-Za-z][.、:)]")      # after NFKC: '．' is '.', '：' ':', '）' ')'


def value_mappings(con, reading: SurveyReading, grids: dict[str, str], month: str | None = None,
                   other_names: dict[str, str] | None = None) -> None:
    """A table per column (map_answer, map_grid, ...) from each distinct text to its normal form,
    computed once per distinct text: a city's month repeats its few thousand texts millions of times.
    `month`: the run's, whose year a date typed without one takes (policy survey.yearless_dates);
    `other_names`: a compound's other names in grids.csv (湖滨二期 -> 湖滨花园二期), read as the compound."""
    others = other_names or {}
    answers = " union all ".join(f"select {quoted(i)} as v from survey_text" for i in reading.items) or "select null as v"
    _mapping(con, "map_answer", answers, lambda v: normalized_likert(v, reading.answer_words, reading.answer_marks_dropped,
                                                                     reading.answer_text_cleaned))
    _mapping(con, "map_duration", "select duration_s as v from survey_text",
             (lambda v: clock_seconds(v) or normalized_integer(v)) if reading.clock_durations else normalized_integer)
    _mapping(con, "map_channel", "select channel as v from survey_text", lambda v: channel_name(v, reading.channel_words, reading.channel_words_within))
    by_name = {folded(name): gid for gid, name in grids.items()} | {folded(gid): gid for gid in grids}
    if reading.grid_dots_dropped:
        by_name = {dots_dropped(name): gid for name, gid in by_name.items()} | by_name
    _mapping(con, "map_grid", "select grid_id as v from survey_text",       # a blank cell is no grid
             lambda v: grid_named(folded(v), by_name, reading.grid_invisible_dropped, reading.grid_dots_dropped))
    _mapping(con, "map_household", "select household_id as v from survey_text "
             f"where not {canonical_household('household_id', *door_rules(reading))}",
             lambda v: normalized_household(v, *door_rules(reading)))
    _mapping(con, "map_compound", "select compound as v from survey_text",
             lambda v: (name := compound_name(v, reading.compound_suffix_dropped)) and others.get(name, name))
    from gridpay.ingest.compound_doors import door_tables    # it reads the compound and grid maps above
    door_tables(con, reading, others)
    _mapping(con, "map_timestamp", f"select submitted_at as v from survey_text "
             f"where try_strptime(submitted_at, '{FAST_TIMESTAMP}') is null",
             lambda v: _timestamp_or_none(v, reading.timezone, month if reading.yearless_dates else None,
                                          reading.written_times, reading.dotted_dates))


def grid_named(name: str, by_name: dict[str, str], unseen_dropped_too: bool = True, dots_too: bool = False
               ) -> str | None:
    """The grid id a cell names, or the cell as typed (validation judges it; an alias is applied to it later), with
    `unseen_dropped_too` (survey.grid_invisible_dropped) without its invisible characters; blank is none. Trial 223's
    resident typed 银杏小区三网格 and a zero-width space into the platform's form, which HR may not edit, and was told
    to delete the character from the download. With `dots_too` (survey.grid_dots_dropped) without a name's dots.
    """
    if not name:
        return None
    bare = unseen_dropped(name) if unseen_dropped_too else name
    bare = dots_dropped(bare) if dots_too else bare
    return by_name.get(name) or by_name.get(bare, bare) or None


def channel_name(text: str, words: dict[str, str], within: bool = False) -> str | None:
    """A channel as the rules know it: 'WeChat' as wechat, and a channel typed in words the policy's
    survey.channel_words names (纸质 -> paper); with `within` (survey.channel_words_within) also a text
    holding such words of one channel only (入户调查, 纸质版: a thirty-third trial's volunteer's words
    made two residents' answers invalid); any other text as typed, lower-cased (validation judges it)."""
    typed = normalized_cell(text) or ""
    if typed in words or not within:
        return words.get(typed, typed.lower()) or None
    meant = {channel for word, channel in words.items() if word and word in typed}
    return meant.pop() if len(meant) == 1 else typed.lower() or None


def compound_name(text: str, suffix_dropped: bool = False) -> str | None:
    """A compound (小区) as one text however it was typed: NFKC, no spaces (锦绣 花园), without a
    single-choice option's letter a platform left on it ('A.锦绣花园'); with `suffix_dropped`
    (survey.compound_suffix_dropped) without a trailing 小区 or 社区 (丽都家园小区 is 丽都家园);
    blank is none."""
    name = _OPTION_LETTER.sub("", "".join(folded(text).split()))
    return (bare_compound(name) if suffix_dropped else name) or None


def door_rules(reading: SurveyReading) -> tuple[bool, ...]:
    """The policy's door-number rules, as normalized_household() and canonical_household() take them."""
    return (reading.door_dashes, reading.door_variants, reading.door_suffixes, reading.door_rooms, reading.door_floors,
            reading.door_houses, reading.door_numerals, reading.door_streets, reading.door_look_alikes,
            reading.door_basements, reading.door_room_parts, reading.door_separators, reading.door_yards,
            reading.door_spaced_places, reading.door_gates)


def duration_sql(reading: SurveyReading) -> str:
    """The staged duration (map_duration du, map_channel ch): none for a paper answer under
    survey.typed_durations_unread, whatever file it is in (a paper form has no timer; trial 150's re-check typed
    20 seconds on paper answers in a CSV headed as the contract's own, duration_s)."""
    return ("case when ch.value = 'paper' then null else du.value end::varchar" if reading.typed_durations_unread
            else "du.value::varchar")


def compound_tables(con, reading: SurveyReading, compounds: dict[str, tuple[str, ...]]) -> None:
    """Table one_compound_grid (grid_id, compound): the grids grids.csv lists with one compound, where
    the policy reads their homes so (survey.one_compound_grids); their compound where it also reads a
    door number starting with it in an answer naming none (survey.grid_compound_in_door_number).
    Table listed_compound (grid_id, compound): each compound of a grid grids.csv lists with several,
    where the policy reads a door number starting with one of them in an answer naming none as that
    compound's home (survey.listed_compound_in_door_number)."""
    rows = [(g, c[0] if reading.grid_compound_in_door else None) for g, c in compounds.items() if len(c) == 1]
    con.execute("create or replace temp table one_compound_grid (grid_id varchar, compound varchar)")
    if rows and reading.one_compound_grids:
        con.executemany("insert into one_compound_grid values (?, ?)", rows)
    # every listed compound as answers name it, with its grid: in a grid of one compound, an answer naming
    # another grid's compound keeps it in its household (survey.other_grid_compound_homes; a forty-ninth trial's
    # 南门小区 home, answering on 西岭's form, was read as 西岭小区's home of its door and pushed out its answer)
    anywhere = [(g, compound_name(name, reading.compound_suffix_dropped)) for g, names in compounds.items()
                for name in names]
    con.execute("create or replace temp table any_listed_compound (grid_id varchar, compound varchar)")
    if anywhere and (reading.reads_foreign_compounds or reading.door_after_listed_name):
        con.executemany("insert into any_listed_compound values (?, ?)", anywhere)
    listed = [(g, name) for g, names in compounds.items() if len(names) > 1 for name in names]
    con.execute("create or replace temp table listed_compound (grid_id varchar, compound varchar)")
    if listed and reading.listed_compound_in_door and reading.compound:
        con.executemany("insert into listed_compound values (?, ?)", listed)


def foreign_compound_joins(reading: SurveyReading, grid: str) -> str:
    """The stage's joins that find another grid's compound (any_listed_compound); none where not read (memory)."""
    if not reading.reads_foreign_compounds:
        return ""
    return ("\n            left join (select distinct compound from any_listed_compound) anyc on anyc.compound = cp.value"
            f"\n            left join any_listed_compound ownc on ownc.grid_id = {grid} and ownc.compound = cp.value")


def not_foreign_compound(reading: SurveyReading) -> str:
    return "not (anyc.compound is not null and ownc.compound is null)" if reading.reads_foreign_compounds else "true"



def _mapping(con, name: str, values_sql: str, fn) -> None:
    """Table `name`(raw, value): fn applied once per distinct raw text."""
    distinct = [r[0] for r in con.execute(f"select distinct v from ({values_sql}) where v is not null").fetchall()]
    frame = pd.DataFrame({"raw": pd.Series(distinct, dtype="string"),
                          "value": pd.Series([fn(v) for v in distinct], dtype="object")})
    con.register("mapping_frame", frame)
    con.execute(f"create or replace temp table {name} as select raw::varchar as raw, value::varchar as value "
                f"from mapping_frame")
    con.unregister("mapping_frame")


def canonical_household(col: str, dashes: bool = False, variants: bool = False, suffixes: bool = False,
                        rooms: bool = False, floors: bool = False, houses: bool = False, numerals: bool = False,
                        streets: bool = False, look_alikes: bool = False, basements: bool = False,
                        room_parts: bool = False, separators: bool = False, yards: bool = False,
                        spaced_places: bool = False, gates: bool = False) -> str:
    """SQL test of household ids that normalized_household() returns as typed: ASCII letters, digits,
    - and _, and CJK ideographs (all unchanged by NFKC), no space, no 幢/号 (read as 栋 before a 单元),
    no 室 at the end. DuckDB keeps those (a city's month has ~10M distinct ids, nearly all typed as
    the platform exports them); Python normalises the rest, once each. With `variants` also none of
    7栋1-101, 7座, 七栋 / 一单元, 07栋01单元0101 (ids like G0001-01-1-101 still stay in DuckDB)."""
    test = (fr"regexp_full_match({col}, '[0-9A-Za-z_\-\x{{4e00}}-\x{{9fff}}]+') "
            fr"and not contains({col}, '幢') and not contains({col}, '号') and not ends_with({col}, '室')")
    if dashes or variants:
        test += fr" and not regexp_full_match({col}, '[0-9]{{1,3}}-[0-9]{{1,2}}-[0-9]{{1,4}}')"
    if suffixes:      # 1栋1单元201户 (a 号 is never kept, above)
        test += f" and not ends_with({col}, '户')"
    if rooms:         # 5-302, 5座302, 05栋302, 宿舍楼2栋0302, 10栋1单元二零一
        test += (fr" and not regexp_full_match({col}, '[0-9]{{1,3}}-[0-9]{{1,5}}') "
                 fr"and not regexp_matches({col}, '[0-9]座[0-9]{{1,5}}$') "
                 fr"and not (regexp_matches({col}, '[0-9]栋[0-9]{{1,5}}$') "
                 fr"and regexp_matches({col}, '(^|[^0-9])0[0-9]')) "
                 fr"and not regexp_matches({col}, '[栋元][零〇一二三四五六七八九]{{2,5}}$') "
                 fr"and not regexp_matches({col}, '[组队社]')")       # 3组9号, 六组二十一
    if floors:        # 3栋2单元12楼01, 3-2-12-01, 3栋2单元12-01, 12栋2门1503, A座三零一 (幢, 号楼: never kept)
        test += (fr" and not regexp_matches({col}, '[0-9][楼层][0-9]') "
                 fr"and not regexp_matches({col}, '[0-9]门[0-9]') "
                 fr"and not regexp_full_match({col}, '[A-Za-z][座栋幢]?[1-9][0-9]{{2,3}}') "
                 fr"and not regexp_matches({col}, '单元[0-9]{{1,3}}-[0-9]{{1,2}}$') "
                 fr"and not regexp_full_match({col}, '[0-9]{{1,3}}-[0-9]{{1,2}}-[0-9]{{1,3}}-[0-9]{{1,2}}') "
                 fr"and not regexp_matches({col}, '座[零〇一二三四五六七八九]{{2,5}}$')")
    if houses:        # 7弄5-301, 12号附1, 3队9, 12号院3户, 门面15, A-1203 (a 号 is never kept, above): in Python
        test += (fr" and not regexp_matches({col}, '[弄之附队社院户组]|门面|商铺|铺面|门市|店面') "
                 fr"and not regexp_matches({col}, '^[A-Za-z]-')")
    if numerals:      # 叁组拾伍号, 一百零二号
        test += fr" and not regexp_matches({col}, '[{FORMAL}]')"
    if streets:       # 梧桐路18, 梧桐路第18 (with 号 or #, or a space: never kept, above)
        test += fr" and not regexp_matches({col}, '[路街巷道]第?[0-9]{{1,4}}$')"
    if look_alikes:   # 4O1, 10l (characters no one sees are never kept, above)
        test += fr" and not regexp_matches({col}, '[0-9栋幢元][OoIl]|[OoIl][0-9栋幢单]') and not contains({col}, '丨')"
    if basements:     # 5栋-1层, 5栋负一层, 5栋负1楼, 地下1层, 6-1-负1层
        test += fr" and not regexp_matches({col}, '-[0-9]{{1,2}}[层楼]|负|地下')"
    if room_parts:    # 401-2, 3-2-602-1, 6-1-401之1, 1-1-地下室6号, 地下室5号, B2-08
        test += (fr" and not regexp_matches({col}, '(单元|^)[0-9]{{3,4}}-[0-9]{{1,2}}$|^[0-9]{{1,3}}-[0-9]{{1,2}}-[^0-9]"
                 fr"|^[0-9]{{1,3}}-[0-9]{{1,2}}-[0-9]{{3,4}}-|[栋幢座元](地下室|[Bb][0-9]-)[0-9]|[之附]')")
        # ... and 5栋-一层, which the basement rule reads 5栋负1层 and policy 2027.19 kept as typed (kept so there)
        test += fr" and not regexp_matches({col}, '-[一二三][层楼]')"
    if yards:         # 槐树胡同15, 12院东屋, 底商5 (a 号 is never kept, above)
        test += fr" and not regexp_matches({col}, '胡同|院|[东西南北正倒耳][屋房厢座]|底商|底铺')"
    if gates:         # 5栋1门三零二, 5栋一门302 (号楼, 幢: never kept, above)
        test += fr" and not regexp_matches({col}, '门[零〇一二三四五六七八九]|[一二三四五六七八九十]门[0-9零〇一二三四五六七八九]')"
    if variants:      # each variant has a 栋, 座 or 单元: ids without one are tested by contains() alone
        test += (fr" and (not (contains({col}, '栋') or contains({col}, '座') or contains({col}, '单元')) or ("
                 fr"not contains({col}, '-') "
                 fr"and not regexp_matches({col}, '[0-9]座|[零〇一二两三四五六七八九十](栋|座|单元)') "
                 fr"and not (regexp_full_match({col}, '[0-9]+栋[0-9]+单元[0-9]+') "
                 fr"and regexp_matches({col}, '(^|[^0-9])0[0-9]'))))")
    return f"({test})"


# a day typed month.day (survey.dotted_dates): 10.14, 10.5; not 10.1, 10.2, 10.3, which Excel also shows for
# 10.10, 10.20, 10.30 (a number cell drops the zero): such a day stays invalid rather than guessed
_DOTTED_DAY = re.compile(r"^(1[0-2]|0?[1-9])\.((?:[12][0-9]|3[01]|0[1-9])|[4-9])$")


def _timestamp_or_none(value: str, timezone: str, month: str | None = None, written: bool = False,
                       dotted: bool = False):
    """The local time a cell says; under the policy, also one written as on paper, 9号 / 14时30分 /
    下午3:20 (survey.written_times), or whose date has no year, in the run's `month` (survey.yearless_dates),
    and a day typed month.day, 10.14 (survey.dotted_dates)."""
    value = (written_time(value) or value) if written else value
    if dotted and month is not None and value and (day := _DOTTED_DAY.match(value.strip())):   # 10.14 is 10月14日
        value = f"{day[1]}月{day[2]}日"
    ts = parsed_timestamp(value, timezone)
    if ts is not None and ts.year == 1 and month is not None:     # '11/9' read with no year: year 1
        ts = ts.replace(year=int(month[:4])) if ts.month == int(month[5:]) else None
    elif ts is None and month is not None:
        ts = yearless_timestamp(value, month)
    return None if ts is None else ts.to_pydatetime()


def folded(text: str) -> str:
    return normalized_cell(text) or ""
