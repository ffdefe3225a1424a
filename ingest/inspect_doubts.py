"""What `gridpay inspect` says of a file that a run would stop on or read in doubt, beside the rows it
shows: phones Excel saved as numbers, fewer rows than a 问卷星 download's name says, dates that read two
ways. A sixty-first trial's inspect showed `respondent_phone=1.71395E+10` as if it were fine; its run then
counted two workers' own answers. The same tests a run makes (ingest/phones.py, ingest/download_counts.py,
transforms/parsing.py), on the file alone."""
from __future__ import annotations

import re

import duckdb
import pandas as pd

from gridpay.core.wording import listed
from gridpay.ingest.download_counts import named_answers
from gridpay.ingest.phones import two_in_frame, unreadable_in_frame
from gridpay.transforms.door_numbers import DOOR_DATE
from gridpay.transforms.form_options import form_word_doubts
from gridpay.transforms.parsing import ambiguous_date_sql, month_first_files_sql, normalized_likert


def _rows(numbers: pd.Series, shown: int = 5) -> str:
    return listed(numbers, shown)


def _n(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _n_rows(numbers: pd.Series) -> str:
    return f"row{'' if len(numbers) == 1 else 's'} {_rows(numbers)}"


def doubt_lines(frame: pd.DataFrame, file_name: str, rows_set_aside: int, rounded: bool = False,
                lone: bool = False) -> list[str]:
    """The lines, each starting 'check:'; none for a clean file."""
    lines = []
    two = two_in_frame(frame)
    excel = unreadable_in_frame(frame, rounded, lone=lone) & ~two
    if excel.any():
        lines.append(f"check: {_n(int(excel.sum()), 'phone')} unreadable ({_n_rows(frame.loc[excel, 'row_number'])}): "
                     f"Excel saved them as numbers (like 1.39E+10, or 15955600000, its last digits lost); a worker's self-rating cannot be recognised on them, "
                     f"and a run stops on them (gate.unreadable_phones): use the platform's download as it came, or type "
                     f"them again from the forms, the column formatted as text")
    if two.any():       # a couple's form (trial 99 was told Excel's line for a sheet a volunteer typed)
        lines.append(f"check: {_n(int(two.sum()), 'phone cell')} hold{'s' if two.sum() == 1 else ''} two numbers "
                     f"({_n_rows(frame.loc[two, 'row_number'])}): "
                     f"a run checks each against workers.csv's phones where the policy has survey.two_phone_cells = "
                     f"\"checked\" (the shipped one's since 2027.12): a worker's makes the answer hers, a self-rating "
                     f"where it rates her grid; otherwise the answer counts with no phone (a policy without the key "
                     f"stops on a worker's)")
    named = named_answers(file_name)
    if named is not None and named > len(frame) + rows_set_aside:
        lines.append(f"check: the file holds {len(frame) + rows_set_aside} answer rows where its name says {named}: "
                     f"rows filtered out or cut off; a run stops on it (gate.short_downloads): download it again (rows "
                     f"taken out on purpose: run with --accept-fewer-answers)")
    lines += _spreadsheet_lines(frame)
    if "submitted_at" in frame.columns:
        with duckdb.connect() as con:        # an in-memory database of its own, closed with the block
            con.register("sheet", frame[["source_file", "submitted_at", "row_number"]])
            both = con.execute(f"select row_number from sheet where {ambiguous_date_sql('submitted_at')} and "
                               f"source_file not in ({month_first_files_sql('submitted_at', 'sheet')}) "
                               f"order by row_number").fetchall()
        if both:
            lines.append(f"check: {len(both)} times read two ways, day/month or month/day (rows "
                         f"{_rows(pd.Series([r[0] for r in both]))}): invalid in a run, as the rest of the file does not "
                         f"show the order; use the platform's download as it came")
    return lines


def _spreadsheet_lines(frame: pd.DataFrame) -> list[str]:
    """Door numbers a spreadsheet made dates and times it saved as day numbers (ingest/excel_times.py): trial 131's
    inspect said nothing of either, and its runs stopped, or lost a home's answer."""
    def text(column: str) -> pd.Series:
        return frame[column].astype("string").str.strip()

    lines = []
    dated = re.compile(DOOR_DATE)
    if "household_id" in frame.columns and (dates := text("household_id").map(
            lambda v: v is not pd.NA and bool(dated.search(v))).astype(bool)).any():
        lines.append(f"check: {_n(int(dates.sum()), 'door number')} made a date ({_n_rows(frame.loc[dates, 'row_number'])}"
                     f"): a spreadsheet's doing (3-2 saved as 3月2日); in a platform's download a run stops on them: "
                     f"use the download as it came; in a sheet you typed they are invalid rows: type them again, the "
                     f"column formatted as text")
    if "submitted_at" in frame.columns and (days := text("submitted_at").str.fullmatch(r"\d{5}\.\d+", na=False)).any():
        lines.append(f"check: {_n(int(days.sum()), 'answer time')} saved as day numbers "
                     f"({_n_rows(frame.loc[days, 'row_number'])}, e.g. {frame.loc[days, 'submitted_at'].iloc[0]}): the "
                     f"file was saved again by a spreadsheet; a run stops where one may be another month's (its "
                     f"rounding holds a month's first moment): use the platform's download as it came")
    return lines


def form_lines(frame: pd.DataFrame, file_name: str, items: tuple[str, ...], answer_words: dict[str, str],
               read_as: tuple[bool, bool], scale: tuple[int, int]) -> list[str]:
    """'check:' lines where a platform download's answer words are read otherwise than its form means them, as the
    run's gate judges them (a sixty-sixth trial's inspect showed a file its run then stopped on as fine); `read_as`:
    the policy's (survey.answer_marks_dropped, survey.answer_text_cleaned). An option renamed in the month (its words
    given one after the other) is said as the run says it, not as a stop (trial 262's 基本满意 until 11-16, 一般 after:
    inspect said a run would stop, and the run published)."""
    at = (pd.to_datetime(frame["submitted_at"], format="mixed", errors="coerce")
          if "submitted_at" in frame.columns else pd.Series(pd.NaT, index=frame.index))
    rows, spans = [], {}
    for item in (i for i in items if i in frame.columns):
        words = frame[item].dropna().map(str.strip)
        for word, n in words.value_counts().items():
            if word:
                rows.append((file_name, item, word, normalized_likert(word, answer_words, *read_as), int(n)))
                given = at[words.index[words == word]].dropna()
                spans[(file_name, item, word)] = (given.min(), given.max()) if len(given) else None
    return [f"check: {doubt}" + ("" if doubt.kind == "renamed" else
                                 ": a run stops on it (gate.form_answers; docs/troubleshooting.md)")
            for doubt in form_word_doubts(rows, *scale, answer_words, read_as[1], spans)]
