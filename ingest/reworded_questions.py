"""A question reworded in the middle of the month (survey.reworded_questions, policy 2027.15). A platform edits a
form in place, and its download then holds the old question and the new one as two columns, each answered on the
rows from before or after the edit. Trial 117's reworded 总体 question: read by its old column only, 37 of 74
answers were scored on four items (W1 +29.88), the callback list missed six unhappy residents, exit 0, nothing
said; its two headers both holding 总体 stopped the run, and the advice (a text only one holds) lost the other
half. Under the key: an item's text matching headers never answered on one row reads them as one question; a column
no text matches that answers on the rows where an item is blank stops the run (exit 2) naming both."""
from __future__ import annotations

import logging
from dataclasses import replace
from difflib import SequenceMatcher
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

from gridpay.core.errors import InputError
from gridpay.ingest.form_questions import is_other_question, other_answers_line, refuse_items_of_other_questions
from gridpay.ingest.limits import column_letters
from gridpay.ingest.platform import HeaderMap, answer_text, choice_text, question_text
from gridpay.ingest.sheets import Sheet
from gridpay.transforms.parsing import normalized_likert
from gridpay.transforms.platform_layouts import PlatformLayout

if TYPE_CHECKING:
    from gridpay.ingest.survey_reading import SurveyReading

log = logging.getLogger("gridpay")
LEAST = 2           # answers of an unread column on an item's blank rows before it is the item's other wording
SAMPLE = 200        # an unread column's first filled cells, one of them an answer word, before every row is looked at


def one_question(file: str, sheet: Sheet, header_map: HeaderMap, layout: PlatformLayout) -> Sheet:
    """The sheet with each item's columns (header_map.twins) read as its first: their answers in one cell a row; two
    answered on one row are two questions, and stop the run."""
    rows = sheet.rows
    for name, positions in header_map.twins:
        counts = [0] * len(positions)
        merged = []
        for number, row in rows:
            answered = [k for k, p in enumerate(positions) if _filled(row, p, layout)]
            if len(answered) > 1:
                shown = ", ".join(f"'{sheet.headers[p]}'" for p in positions)
                raise InputError(file, f"the policy's survey.questions.{name} matches {len(positions)} headers: {shown}, "
                                       f"and this row answers two of them, so they are two questions: set it to a "
                                       f"text only its question holds (in your policy, with a new version: "
                                       f"docs/troubleshooting.md)", row=number, column=name)
            row = list(row)
            for k in answered:
                counts[k] += 1
                row[positions[0]] = row[positions[k]]
            merged.append((number, row))
        rows = merged
        log.warning("%s: %s is asked by %d headers, never both on one row (the form edited in the month): %s; read "
                    "as one question", file, name, len(positions), ", ".join(
                        f"'{sheet.headers[p]}' ({n} answers)" for p, n in zip(positions, counts)),
                    extra={"notice": "form_edited"})    # pipeline/run_notices.headed
    return replace(sheet, rows=rows)


def refuse_unread_answers(file: str, sheet: Sheet, header_map: HeaderMap, reading: "SurveyReading",
                          layout: PlatformLayout, rows: set[int]) -> None:
    """Stop (exit 2) on a column no question text matches whose answers (满意, 非常满意 ...) fill the rows of the month
    (`rows`, a cumulative download's other months left out) where an item is blank: the item's question reworded,
    its new column unread (survey.reworded_questions); or, under survey.other_questions, on any row, unless that
    names its question (ingest/form_questions.py)."""
    if not reading.reworded_questions and reading.other_questions is None:
        return
    at = {name: i for i, name in header_map.columns.items()}
    month = [(number, row) for number, row in sheet.rows if number in rows]
    cleaned = reading.other_questions is not None       # 满意(4分) as 满意 (policy 2027.16; it was missed before)
    said = cache(lambda text: _answer_word(text, reading.answer_words, layout, cleaned))     # one look a distinct cell
    seen = cache(lambda text: _answer_word(text, reading.answer_words, layout, True))       # as the items read them
    refuse_items_of_other_questions(file, sheet.headers, header_map, reading, layout)
    twins = {p for _, positions in header_map.twins for p in positions}       # read as their item's (one_question)
    # ... and a door's parts, read before the door (survey.door_parts): trial 279's re-check's 楼栋 answered 三 and 五
    # read as answer words, and the stop told HR the column rated something
    parts = {u for u, h in enumerate(sheet.headers) for text in reading.door_parts or ()
             if text in question_text(h, layout.question_number)}
    for u in (u for u in range(len(sheet.headers)) if u not in header_map.columns and u not in twins | parts):
        filled = (row[u] for _, row in month if u < len(row) and _filled(row, u, layout))
        if not any(seen(text) for text in islice(filled, SAMPLE)):      # an IP's, an age's: one look, not a pass
            continue
        answering = [(number, row) for number, row in month if u < len(row) and row[u] and said(row[u])]
        for item in (i for i in reading.items if i in at and len(answering) >= LEAST and reading.reworded_questions):
            if not any(_filled(row, at[item], layout) for _, row in answering):
                raise InputError(file, _unread_line(sheet.headers, at[item], u, item, len(answering), layout),
                                 row=answering[0][0], column=item)
        other = [number for number, row in month if u < len(row) and row[u] and seen(row[u])]
        if len(other) >= LEAST and not is_other_question(sheet.headers[u], reading, layout):
            line = other_answers_line(sheet.headers, u, header_map, reading, len(other), layout)
            if reading.other_questions is not None:
                raise InputError(file, line, row=other[0])
            # a policy copied before 2027.16 reads on: said (trial 140's re-check published wrong pay, nothing said)
            log.warning("%s, row %d: %s. This policy reads on (survey.other_questions, policy 2027.16, stops on it)",
                        file, other[0], line, extra={"notice": "form_options"})


def _unread_line(headers: list[str], old: int, new: int, item: str, rows: int, layout: PlatformLayout) -> str:
    common = _common_text(headers, headers[old], headers[new], layout)
    return (f"column {column_letters(new + 1)} '{headers[new]}' is not read, but answers {rows} rows (first on this "
            f"row) on each of which {item}, asked by '{headers[old]}', is blank: the question reworded in the month? "
            f"Set survey.questions.{item} to a text both headers hold{common}, or to a list of a text of each (['"
            f"{_short(headers[old], layout)}', '{_short(headers[new], layout)}']), in your policy with a new version: "
            f"they are then read as one question")


def _filled(row: list, i: int, layout: PlatformLayout) -> bool:
    return i < len(row) and bool((answer_text(row[i], layout) or "").strip())


def _answer_word(cell: str, words: dict[str, str], layout: PlatformLayout, cleaned: bool = False) -> bool:
    text = choice_text(answer_text(cell, layout), layout)
    point = normalized_likert(text, words, cleaned=cleaned) if text and not text.strip().isdigit() else None
    return bool(point and point.isdigit())


def _short(header: str, layout: PlatformLayout) -> str:
    return question_text(header, layout.question_number).rstrip("？?")


def _common_text(headers: list[str], old: str, new: str, layout: PlatformLayout) -> str:
    """', e.g. '满意吗'': the longest text both questions hold that no other header holds, if any."""
    a, b = question_text(old, layout.question_number), question_text(new, layout.question_number)
    blocks = sorted(SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks(), key=lambda m: -m.size)
    for block in (m for m in blocks if m.size >= 2):
        text = a[block.a:block.a + block.size].strip()
        if len(text) >= 2 and sum(text in question_text(h, layout.question_number) for h in headers) == 2:
            return f", e.g. '{text}'"
    return ""
