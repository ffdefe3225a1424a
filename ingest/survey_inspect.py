"""What `gridpay inspect` prints of a survey file before a run: the shape found, how each header maps,
rows per month as the run would count them, grid answers grids.csv lacks, the first rows as read
(phone numbers masked). Nothing is stored."""
from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.ingest.formats import TEXT_COLUMNS, Source
from gridpay.ingest.inspect_doubts import doubt_lines, form_lines
from gridpay.ingest.survey_ids import file_id_prefix, named_entry
from gridpay.ingest.survey_files import SurveyReading, month_of, read_survey_file
from gridpay.ingest.survey_values import door_rules
from gridpay.ingest.unknown_grid_answers import says_not_known
from gridpay.transforms.grid_names import closest_grids
from gridpay.transforms.door_numbers import normalized_household
from gridpay.ingest.unread_compounds import UNREAD_COMPOUNDS
from gridpay.transforms.folding import dots_dropped, unseen_dropped
from gridpay.transforms.parsing import normalized_cell, normalized_likert, written_time
from gridpay.transforms.privacy import masked_comment, masked_numbers
from gridpay.transforms.typed_numbers import masked_any_way, person_number

_YEARLESS_HINT = re.compile(r"^\s*\d{1,2}\s*(?:月|/)\s*\d{1,2}")     # 10月27日, 10/27: no year


def _inspected_month(value: str, reading: SurveyReading) -> str | None:
    """The month `gridpay inspect` counts a row in: as the run reads its time (survey.written_times);
    a date with no year (10月27日) is the month the file is run for, which inspect cannot know."""
    typed = (written_time(value) or value) if reading.written_times else value
    month = month_of(typed, reading.timezone)
    if reading.yearless_dates and (month is None or month.startswith("0001")) and _YEARLESS_HINT.search(str(typed)):
        return "(no year: the month it is run for)"
    return month


def _unused(header: str, reading: SurveyReading) -> str:
    """A header no column is read from: a part of the door the policy joins to it (楼栋, 单元) says so (a trial's
    clerk read '楼栋号 -> (not used)' as homes of other buildings counted as one)."""
    part = next((text for text in reading.door_parts or () if text in header), None)
    return f"household_id (joined before the door number: survey.door_parts '{part}')" if part else "(not used)"


def unknown_grid_lines(frame: pd.DataFrame, grids: dict[str, str], aliases: dict[str, str] | None = None,
                       unseen_too: bool = True, dots_too: bool = False) -> list[str]:
    """inspect's warning: the file's grid answers that are no grid of grids.csv (by id, name or one of
    its `aliases`, as a run reads them), with the closest grids; a run stops on such a grid."""
    if not grids or "grid_id" not in frame.columns:
        return []
    known = {normalized_cell(g) for pair in grids.items() for g in pair if g} | set(aliases or {})
    # without invisible characters where the policy reads an answer's grid so (survey.grid_invisible_dropped: trial 223)
    cell = (lambda v: unseen_dropped(normalized_cell(v) or "") or None) if unseen_too else normalized_cell
    values = frame["grid_id"].map(cell, na_action="ignore").dropna()
    if dots_too:        # ... and without a name's dots (survey.grid_dots_dropped: trial 233)
        known |= {dots_dropped(name) for name in known}
        values = values.map(dots_dropped)
    unknown = values[~values.isin(known)].value_counts()
    # a grid answer is no address: masked as one, 3号网格 read *号网格 (trial 141); 不清楚 and the form's 其他 name no
    # grid, as a run reads them (ingest/unknown_grid_answers.py: trial 172's inspect called 其他〖...〗 a grid name)
    return [f"names no grid (set aside as such): '{masked_numbers(value)}' on {n} rows" if says_not_known(value, True)
            else f"not in grids.csv: '{masked_numbers(value)}' on {n} rows" + (
                f"; did you mean {' or '.join(repr(c) for c in closest)}?" if (closest := closest_grids(value, grids))
                else "") for value, n in unknown.items()]


def inspect_lines(source: Source, reading: SurveyReading, grid_ids: list[str], shown: int = 5,
                  grids: dict[str, str] | None = None, aliases: dict[str, str] | None = None,
                  spanning: tuple[str, ...] = (), form_scale: tuple[int, int] | None = None) -> list[str]:
    """What `gridpay inspect` prints: the shape found, how each header maps, rows per month, the grid
    answers grids.csv lacks, and the first rows as gridpay reads them (phones masked); with `form_scale` (the
    policy's scale, where it stops on gate.form_answers), a download's answer words read otherwise than meant."""
    try:
        read, stop = read_survey_file(source, None, reading, grid_ids), None
    except InputError as problem:    # a file without an item, a compound column unread: shown as it reads, the stop said
        if problem.column in reading.items:
            relaxed = replace(reading, items_required=False)
        elif UNREAD_COMPOUNDS in problem.message:
            relaxed = replace(reading, unread_compounds_refused=False)
        else:
            raise
        read, stop = read_survey_file(source, None, relaxed, grid_ids), problem
    frame = read.frame
    months = frame["submitted_at"].map(lambda v: _inspected_month(v, reading), na_action="ignore").fillna("(no date)")
    lines = [f"file: {source.name}", f"format: {source.suffix[1:]}, {read.shape}"]
    if read.layout is not None:
        lines.append(f"platform layout: {read.layout}")
    lines += _form_grid_line(source, reading, read) + _phone_id_line(read)
    lines.append(f"times: local time in {reading.timezone} (the policy's survey.timezone)")
    lines.append("columns:")
    used = {*TEXT_COLUMNS, *reading.items}      # a sheet's own column (序号) is kept under its name, and not read
    lines += [f"  {header} -> {name if name in used else _unused(header, reading)}" for header, name in read.header_map]
    lines.append(f"rows: {len(frame)}" + "".join(f"\n  {m}: {n} rows" for m, n in sorted(months.value_counts().items())))
    for what, n in sorted(read.set_aside.items()):
        lines.append(f"set aside: {n} {what}")
    lines += unknown_grid_lines(frame, grids or {}, aliases, reading.grid_invisible_dropped, reading.grid_dots_dropped)
    lines += doubt_lines(frame, source.name, sum(n for what, n in read.set_aside.items() if what.startswith("rows of ")),
                         reading.rounded_phones_unread, reading.lone_rounded_phones)
    if form_scale is not None and read.layout is not None:
        lines += form_lines(frame, source.name, reading.items, reading.answer_words,
                            (reading.answer_marks_dropped, reading.answer_text_cleaned), form_scale)
    if stop is not None:
        lines.append(f"a run stops on this file: {stop.message}")
    if spanning and not (reading.compound and "compound" in frame.columns):
        lines.append(f"compounds: grids.csv gives {', '.join(spanning)} more than one compound, and no column of this "
                     f"file is read as the compound (a 小区 column, or the question the policy's "
                     f"survey.questions.compound names, with survey.household_compound = true): homes with one "
                     f"door number in two compounds will count as one")
    lines.append(f"first {min(shown, len(frame))} rows as gridpay reads them (phone numbers masked):")
    prefix = file_id_prefix(source.file_name, reading)     # F1, as the outputs and appeals.csv name it (trial 85)
    for _, row in frame.head(shown).iterrows():
        # every cell masked as an output is (a phone under a header no rule reads showed in clear)
        cells = {k: masked_numbers(v) for k, v in row.items() if isinstance(v, str)}
        if prefix and cells.get("response_id"):
            cells["response_id"] = prefix + cells["response_id"]
        for private in ("respondent_phone", "comment"):
            if cells.get(private):
                cells[private] = masked_comment(cells[private], True)
        if cells.get("household_id"):
            cells["household_id"] = masked_any_way(normalized_household(cells["household_id"], *door_rules(reading)))
        for item in reading.items:
            if cells.get(item):
                cells[item] = normalized_likert(cells[item], reading.answer_words, reading.answer_marks_dropped,
                                                 reading.answer_text_cleaned)
        lines.append("  " + ", ".join(f"{k}={v}" for k, v in cells.items() if k != "source_file"))
    return lines


def _form_grid_line(source: Source, reading: SurveyReading, read) -> list[str]:
    """The [survey.file_grids] entry giving a download of a form that asks no grid its grid: trial 161's copied form,
    titled 第一网格…(副本), showed grid_id=XH01 and no word on why."""
    asks_grid = "grid_id" in {name for _, name in read.header_map}        # a form asking the grid keeps its answers
    entry = named_entry(source.file_name, reading.file_grids, "survey.file_grids") if read.layout else None
    if not entry or asks_grid:
        return []
    return [f"grid: {entry[1]} for every answer, by the policy's [survey.file_grids] \"{entry[0]}\" = \"{entry[1]}\" "
            f"(a text of this file's name; a form copied from another grid's that kept its title reads as that grid's: "
            f"check this is {entry[1]}'s own form)"]


def _phone_id_line(read) -> list[str]:
    """A typed sheet's response ids that are phones: a run stops on them (ingest/phones.py refuse_phone_ids); trial
    162's clerk, checking with inspect first, was not told."""
    if read.layout is not None or "response_id" not in read.frame.columns:
        return []
    shown = [s for rid in read.frame["response_id"].dropna() if (s := person_number(str(rid)))]
    return [f"a run stops on this file: response id '{shown[0]}' is a phone or ID number"
            f"{f' (and {len(shown) - 1} more)' if len(shown) > 1 else ''}: number the forms P1, P2, ... in the sheet "
            f"(a phone goes in the phone column)"] if shown else []
