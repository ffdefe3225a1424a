"""Platform downloads (text or codes exports, often cumulative over the year) and sheets typed from paper forms (title
rows, merged grid cells, totals rows), each read as the canonical all-text frame, what was set aside counted."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.core.month import Month
from gridpay.ingest.formats import (REQUIRED, Source, canonical_columns, say_unread_phone, sheet_without_item,
                                    unread_phone_header)
from gridpay.ingest.limits import garbled_note, headers_shown, merged_header, missing_item, missing_note, two_row_header
from gridpay.ingest.codes_export import decode_codes_export, is_codes_export
from gridpay.ingest.platform import (CHOICE_COLUMNS, answer_text, channel_of, choice_text, duration_seconds,
                                     local_time_text, map_platform_headers, recognised_layout)
from gridpay.ingest.sheets import Sheet, read_sheet, sheet_cells
from gridpay.ingest.survey_ids import file_grid, unnamed_by_file_grids
from gridpay.ingest.form_questions import door_from_parts
from gridpay.ingest.survey_reading import SurveyReading, survey_reading  # noqa: F401  (readers import them here)
from gridpay.ingest.reworded_questions import one_question, refuse_unread_answers
from gridpay.ingest.shifted_rows import refuse_shifted_names
from gridpay.ingest.sheet_scales import refuse_header_scales, refuse_other_scales
from gridpay.ingest.unlike_columns import refuse_unlike_columns
from gridpay.ingest.unread_compounds import refuse_unread_compounds
from gridpay.transforms.parsing import parsed_timestamp
from gridpay.transforms.platform_layouts import WJX, PlatformLayout


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
        missing = [c for c in REQUIRED["surveys"] if c not in names]
        raise InputError(source.file_name, f"required column is missing (have: {headers_shown(names)})"
                                           f"{missing_note(missing, reading.aliases)}{garbled_note(names)}",
                         column=missing[0])
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
        refuse_shifted_names(source.file_name, sheet, names, reading.answer_words, reading.sheet_scale is not None)
        refuse_unread_compounds(source.file_name, sheet, names, reading, question=False)
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
    grid = file_grid(source.file_name, reading)       # a form per grid: its download asks no grid
    required = [c for c in REQUIRED["surveys"] if not (grid and c == "grid_id")]
    try:
        header_map = map_platform_headers(source.file_name, sheet.headers, reading.questions, required, layout,
                                          reading.phone_questions, reading.items if reading.reworded_questions else ())
    except InputError as error:     # trial 265's typo in a [survey.file_grids] key read "no header matches grid_id"
        if grid is None and reading.file_grids and error.column == "grid_id":
            raise InputError(source.file_name, unnamed_by_file_grids(source.file_name, reading.file_grids, error),
                             column="grid_id") from None
        raise
    items = {i for _, positions in header_map.twins for i in positions} | {   # every header asking an item: a form
        i for i, name in header_map.columns.items() if name in reading.items}  # edited in the month asks it twice
    refuse_header_scales(source.file_name, [sheet.headers[i] for i in sorted(items)], reading)     # 打分（0-10分）
    if reading.reworded_questions:      # a question reworded in the month: its two columns read as one
        sheet = one_question(source.file_name, sheet, header_map, layout)
    sheet = door_from_parts(source.file_name, sheet, header_map, reading, layout)    # 楼栋, 单元, 门牌号 asked apart
    names = [header_map.columns.get(i, "") for i in range(len(sheet.headers))]
    say_unread_phone(source.file_name, unread_phone_header(sheet.headers, names, "respondent_phone"), "respondent_phone",
                     question=True)
    refuse_unread_compounds(source.file_name, sheet, names, reading, question=True)
    if reading.items_required and (absent := [i for i in reading.items if i not in header_map.columns.values()]):
        unclaimed = [h for i, h in enumerate(sheet.headers) if i not in header_map.columns]
        text = reading.questions.get(absent[0], "")
        # trial 147's 腾讯问卷 matrix question over two header rows was told to take the item out of the policy
        raise InputError(source.file_name, missing_item(
            absent[0], reading.items, unclaimed, two_row_header(merged) if (merged := merged_header(unclaimed)) else
            f"The policy finds it by the text survey.questions.{absent[0]} = '{text}', which no header holds: if "
            f"the form words the question otherwise, set that key to a text its header holds (the download "
            f"stays as it came); if the form does not ask it, take it out of the policy's survey.items"),
            column=absent[0])
    frame = _frame(sheet, header_map.columns, source)
    if grid and "grid_id" not in frame.columns:
        frame["grid_id"] = pd.Series(grid, index=frame.index, dtype="string")
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
    if is_codes_export(frame, reading.items, reading.codes_export_words):
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
