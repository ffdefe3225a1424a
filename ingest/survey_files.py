"""Platform downloads (text or codes exports, often cumulative over the year) and sheets typed from paper forms (title
rows, merged grid cells, totals rows), each read as the canonical all-text frame, what was set aside counted."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.core.month import Month
from gridpay.transforms.zone import DEFAULT_TIMEZONE
from gridpay.ingest.formats import (REQUIRED, Source, canonical_columns, say_unread_phone, sheet_without_item,
                                    unread_phone_header)
from gridpay.ingest.limits import garbled_note, headers_shown, missing_item
from gridpay.ingest.codes_export import decode_codes_export, is_codes_export
from gridpay.ingest.platform import (CHOICE_COLUMNS, answer_text, channel_of, choice_text, duration_seconds,
                                     local_time_text, map_platform_headers, recognised_layout)
from gridpay.ingest.sheets import Sheet, read_sheet, sheet_cells
from gridpay.ingest.reworded_questions import one_question, refuse_unread_answers
from gridpay.ingest.sheet_scales import refuse_other_scales
from gridpay.ingest.unlike_columns import refuse_unlike_columns
from gridpay.transforms.parsing import parsed_timestamp
from gridpay.transforms.platform_layouts import WJX, PlatformLayout


@dataclass(frozen=True)
class SurveyReading:
    """What the policy says about reading survey files."""
    aliases: dict[str, str]
    items: tuple[str, ...]
    questions: dict[str, str | tuple] = field(default_factory=dict)      # canonical column -> text(s) of its question
    sources: dict[str, str] = field(default_factory=dict)        # platform 来源 -> channel
    option_codes: dict[str, str] = field(default_factory=dict)   # codes export: option number -> 1-5
    platforms: tuple[PlatformLayout, ...] = (WJX,)               # platform layouts, in the policy's order
    timezone: str = DEFAULT_TIMEZONE                             # survey times are local times here
    door_dashes: bool = False                                    # '3-2-301' is 3栋2单元301 (policy)
    compound: bool = False                                       # the compound (小区) is part of the household
    channel_words: dict[str, str] = field(default_factory=dict)  # a channel typed in words (纸质) -> channel
    door_variants: bool = False                                  # 七栋一单元101, 7#1-101 are 7栋1单元101 (policy)
    answer_words: dict[str, str] = field(default_factory=dict)   # an answer in words (比较满意) -> its point
    phone_questions: tuple[str, ...] = ()                         # a download's phone question worded otherwise
    one_compound_grids: bool = False                             # a one-compound grid's homes: door number alone
    compound_suffix_dropped: bool = False                        # 丽都家园小区 is the compound 丽都家园 (policy)
    yearless_dates: bool = False                                 # 10月3日 is a day of the run's month (policy)
    compound_in_door: bool = False                               # 桂花苑3栋201 in 桂花苑 is 3栋201 (policy)
    written_times: bool = False                                  # 9号, 14时30分, 下午3:20 as on paper (policy)
    door_suffixes: bool = False                                  # 5栋1单元1201号, 6幢2-502 (policy)
    door_rooms: bool = False                                     # 5号楼302室, 5-302, 二零一 (policy)
    door_floors: bool = False                                    # 3栋2单元12楼01, 3-2-12-01 (policy)
    door_houses: bool = False                                    # 七弄五号三零一, 7弄5-301, 12弄21号 (policy)
    door_numerals: bool = False                                    # 叁组拾伍号 as 三组十五号 (policy)
    door_streets: bool = False                                   # 梧桐路18, 梧桐路第18号 as 梧桐路18号 (policy)
    comment_phones_all: bool = False                             # a comment's landlines masked too (policy)
    duplicate_columns_refused: bool = False                      # two headers read as one column, unlike (policy)
    reworded_questions: bool = False                             # an item's question asked two ways (policy)
    sheet_scale: int | None = None                               # the top a sheet's legend, title are checked on
    answer_marks_dropped: bool = False                           # 非常满意。 as 非常满意 (policy)
    answer_text_cleaned: bool = False                            # 不满意〖原因〗 as 不满意 (policy)
    channel_words_within: bool = False                           # 入户调查 as visit (policy)
    dotted_dates: bool = False                                   # 10.14 as 10月14日 (policy)
    grid_compound_in_door: bool = False                          # 李家村3组17 in 李家村's grid is 3组17 (policy)
    listed_compound_in_door: bool = False                        # 王庄3组9 in a grid of 王庄 and more (policy)
    clock_durations: bool = False                                # a duration written 00:02:05 (policy)
    items_required: bool = False                                 # a file without an item stops (policy)
    csv_totals_rows_set_aside: bool = False                      # a CSV's 合计 row set aside (policy)
    note_rows_set_aside: bool = False                            # a note typed under the answers (policy)
    file_id_prefixes: tuple[tuple[str, str], ...] = ()           # (text in a file's name, prefix of its ids)
    grid_names_by_file: bool = False                             # 第一网格 of two communities: the file's (policy)
    grid_numbers_refused: bool = False                           # a codes export's grid numbers: refused (policy)
    other_grid_compound_homes: bool = False                      # one-compound grid, another grid's compound named: kept
    door_after_listed_name: bool = False                         # 刘家湾村4组13 typed in 刘家湾: 4组13 (policy)
    other_months_near: bool = False                              # 10/3 18:42 (year 1) is no other month's (policy)
    communities: tuple[str, ...] = ()                            # grids.csv's communities (the stage gives them)
    csv_rows_complete: bool = False                              # a CSV row short of cells is refused (policy)

    @property
    def reads_foreign_compounds(self) -> bool:    # survey.other_grid_compound_homes, where compounds are read
        return self.compound and self.other_grid_compound_homes


def survey_reading(policy) -> SurveyReading:
    # a survey file's own headers (手机号 is the resident's phone there, a worker's in workers.csv)
    return SurveyReading(
        aliases=policy.aliases | policy.survey_aliases, items=policy.items, questions=policy.question_texts,
        sources=policy.sources, option_codes=policy.option_codes, platforms=policy.platforms, timezone=policy.timezone,
        door_dashes=policy.door_number_dashes, compound=policy.household_compound, channel_words=policy.channel_words,
        door_variants=policy.door_number_variants, answer_words=policy.answer_words,
        one_compound_grids=policy.one_compound_grids, compound_suffix_dropped=policy.compound_suffix_dropped,
        yearless_dates=policy.yearless_dates, compound_in_door=policy.compound_in_door_number,
        written_times=policy.written_times, door_suffixes=policy.door_number_suffixes,
        door_rooms=policy.door_number_rooms, door_floors=policy.door_number_floors,
        door_houses=policy.door_number_houses, door_numerals=policy.door_number_numerals,
        door_streets=policy.door_number_streets, answer_marks_dropped=policy.answer_marks_dropped,
        answer_text_cleaned=policy.answer_text_cleaned, channel_words_within=policy.channel_words_within,
        dotted_dates=policy.dotted_dates, grid_compound_in_door=policy.grid_compound_in_door_number,
        listed_compound_in_door=policy.listed_compound_in_door_number, clock_durations=policy.clock_durations,
        items_required=policy.items_required, csv_totals_rows_set_aside=policy.csv_totals_rows_set_aside,
        note_rows_set_aside=policy.note_rows_set_aside, file_id_prefixes=policy.file_id_prefixes,
        grid_names_by_file=policy.grid_names_by_file, grid_numbers_refused=policy.grid_numbers_refused,
        other_grid_compound_homes=policy.other_grid_compound_homes, other_months_near=policy.other_months_near,
        csv_rows_complete=policy.csv_rows_complete, door_after_listed_name=policy.door_after_listed_name,
        phone_questions=policy.phone_questions, comment_phones_all=policy.comment_phones_all,
        duplicate_columns_refused=policy.duplicate_columns_refused, reworded_questions=policy.reworded_questions,
        sheet_scale=policy.scale_max if policy.sheet_scales_checked else None)


@dataclass
class SurveyRead:
    frame: pd.DataFrame
    shape: str                                  # canonical | platform text export | platform codes export
    layout: str | None = None                   # the platform layout that read it (None: canonical)
    header_map: list[tuple[str, str]] = field(default_factory=list)  # (header in the file, canonical column or "")
    set_aside: Counter = field(default_factory=Counter)   # "rows of 2026-09" / "totals rows" -> rows
    aside_ids: list[tuple[str, str, str]] = field(default_factory=list)  # (month, id, time) of other months' rows


def _is_canonical(headers: list[str], aliases: dict[str, str]) -> bool:
    names = canonical_columns(headers, aliases)
    return all(c in names for c in REQUIRED["surveys"])


def _canonical_header(reading: SurveyReading):
    return lambda headers: (_is_canonical(headers, reading.aliases)
                            or recognised_layout(headers, reading.platforms) is not None)


def _layout_of(headers: list[str], reading: SurveyReading) -> PlatformLayout | None:
    """The platform layout of a download; None for a canonical sheet. Under a policy that declares
    its platforms, a sheet whose headers name every required column (by name or the policy's
    aliases) is canonical even if it also has a platform's id and time columns (a typed sheet's 序号
    and 提交时间 are 金数据's). A policy without [survey.platforms] reads files as gridpay did then."""
    layout = recognised_layout(headers, reading.platforms)
    if layout is not None and reading.platforms != (WJX,) and _is_canonical(headers, reading.aliases):
        return None
    return layout


def _frame(sheet: Sheet, columns: dict[int, str], source: Source) -> pd.DataFrame:
    data = {name: [row[i] for _, row in sheet.rows] for i, name in sorted(columns.items())}
    frame = pd.DataFrame(data, dtype="string") if sheet.rows else pd.DataFrame(
        {name: pd.Series(dtype="string") for name in columns.values()})
    frame.insert(0, "row_number", [number for number, _ in sheet.rows])
    frame.insert(0, "source_file", source.file_name)
    return frame


def read_survey_file(source: Source, month: str | None, reading: SurveyReading, grid_ids: list[str]) -> SurveyRead:
    """The file's survey rows with canonical columns. `grid_ids` in grids.csv order: a codes export answers the grid
    question with the option's number, and gridpay's questionnaire lists the grids in that order."""
    sheet = read_sheet(source, _canonical_header(reading), reading.note_rows_set_aside, reading.csv_rows_complete)
    if sheet is None:
        # the row that names most columns is the header HR meant (a paper sheet's title row is above it)
        rows = [canonical_columns([c or "" for c in row], reading.aliases)
                for row, _ in zip((r for r in sheet_cells(source) if any(r)), range(20))]
        names = max(rows, key=lambda row: sum(1 for n in row if n), default=[])
        missing = next(c for c in REQUIRED["surveys"] if c not in names)
        raise InputError(source.file_name, f"required column is missing (have: {headers_shown(names)})"
                                           f"{garbled_note(names)}",
                         column=missing)
    layout = _layout_of(sheet.headers, reading)
    if layout is None:
        names = canonical_columns(sheet.headers, reading.aliases)
        say_unread_phone(source.file_name, unread_phone_header(sheet.headers, names, "respondent_phone"),
                         "respondent_phone")
        if reading.items_required and (absent := [i for i in reading.items if i not in names]):
            raise InputError(source.file_name, sheet_without_item(absent[0], reading.items, sheet.headers, names),
                             column=absent[0])
        columns = {i: name for name, i in {n: i for i, n in reversed(list(enumerate(names))) if n}.items()}  # 1st
        refuse_unlike_columns(source.file_name, sheet, names, reading.duplicate_columns_refused, reading.items)
        refuse_other_scales(source.file_name, sheet, names, reading)
        read = SurveyRead(_frame(sheet, columns, source), "canonical", None, list(zip(sheet.headers, names)))
    else:
        read = _platform_read(source, sheet, layout, reading, grid_ids, month)
    if sheet.totals_rows:
        read.set_aside["totals rows"] += len(sheet.totals_rows)
    if sheet.note_rows:
        read.set_aside["note rows"] += len(sheet.note_rows)
    return read


def _platform_read(source: Source, sheet: Sheet, layout: PlatformLayout, reading: SurveyReading,
                   grid_ids: list[str], month: str | None) -> SurveyRead:
    header_map = map_platform_headers(source.file_name, sheet.headers, reading.questions, REQUIRED["surveys"], layout,
                                      reading.phone_questions, reading.items if reading.reworded_questions else ())
    if reading.reworded_questions:      # a question reworded in the month: its two columns read as one
        sheet = one_question(source.file_name, sheet, header_map, layout)
    names = [header_map.columns.get(i, "") for i in range(len(sheet.headers))]
    say_unread_phone(source.file_name, unread_phone_header(sheet.headers, names, "respondent_phone"), "respondent_phone",
                     question=True)
    if reading.items_required and (absent := [i for i in reading.items if i not in header_map.columns.values()]):
        unclaimed = [h for i, h in enumerate(sheet.headers) if i not in header_map.columns]
        text = reading.questions.get(absent[0], "")
        raise InputError(source.file_name, missing_item(
            absent[0], reading.items, unclaimed,
            f"The policy finds it by the text survey.questions.{absent[0]} = '{text}', which no header holds: if "
            f"the form words the question otherwise, set that key to a text its header holds (the download "
            f"stays as it came); if the form does not ask it, take it out of the policy's survey.items"),
            column=absent[0])
    frame = _frame(sheet, header_map.columns, source)
    read = SurveyRead(frame, "platform text export", layout.name, header_map.describe())

    def each(column: str, fn) -> None:
        if column in frame.columns:
            frame[column] = frame[column].map(fn, na_action="ignore").astype("string")

    each("submitted_at", lambda v: local_time_text(v, layout, reading.timezone))
    if layout.id_prefix:
        each("response_id", lambda v: layout.id_prefix + v)
    if month is not None:       # the month's rows first: a year's cumulative download is ten times the month
        frame = read.frame = _this_month(frame, month, read, reading.timezone, reading.other_months_near)
    refuse_unread_answers(source.file_name, sheet, header_map, reading, layout, set(frame["row_number"]))   # ... or a stop
    for column in (*reading.items, "grid_id", "household_id", "compound", "comment", "respondent_phone"):
        each(column, lambda v: answer_text(v, layout))
    for column in (*reading.items, *CHOICE_COLUMNS):
        each(column, lambda v: choice_text(v, layout))
    each("duration_s", duration_seconds)
    each("channel", lambda v: channel_of(v, reading.sources))
    if is_codes_export(frame, reading.items):
        decode_codes_export(frame, source, reading, grid_ids)
        read.shape = "platform codes export"
    return read


def _this_month(frame: pd.DataFrame, month: str, read: SurveyRead, timezone: str, near: bool = False) -> pd.DataFrame:
    """A cumulative download holds every month answered so far: rows dated in another month (in
    the policy's time zone) are set aside and counted (neither quarantined nor counted by the gate),
    and the ids of other months' kept (ingest/late_answers.py: an answer its month never read).
    With `near` (survey.other_months_near) only months from three years before to one after: a time
    typed without its year (10/3 18:42 reads as year 1) or with two digits (26/10/3 as 2003) is no
    other month's answer, and stays for the rules to read or refuse (a forty-first trial's was set aside
    as 0001-10's, the home's older answer counted instead, exit 0)."""
    months = frame["submitted_at"].map(lambda v: month_of(v, timezone), na_action="ignore")
    if near:
        first, last = Month.parse(month).first_of(37), Month.parse(month).plus(12)
        months = months.where(months.isna() | ((months >= str(first)) & (months <= str(last))))
    other = months.notna() & (months != month)
    for other_month, rows in months[other].value_counts().sort_index().items():
        read.set_aside[f"rows of {other_month}"] += int(rows)
    if "response_id" in frame.columns:
        kept = other & frame["response_id"].notna()
        read.aside_ids += list(zip(months[kept], frame.loc[kept, "response_id"],
                                 frame.loc[kept, "submitted_at"]))
    return frame[~other].reset_index(drop=True)


def month_of(value: str, timezone: str) -> str | None:
    """The month (YYYY-MM) of a time as a platform gives it, in `timezone`; None when it is not a time."""
    ts = parsed_timestamp(value, timezone)
    return None if ts is None else str(Month(ts.year, ts.month))
