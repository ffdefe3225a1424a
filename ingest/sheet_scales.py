"""A typed sheet's own legend for its numbers (survey.sheet_scales, policy 2027.15). A volunteer typing paper forms
as numbers writes under them what the numbers mean; trial 117's wrote 说明：1=非常满意，2=满意 ... 5=非常不满意, the
reverse of gridpay's 1 to 5, and the note was set aside as a note row: her grid's eight answers were read upside
down and its worker paid at the floor (1400.00 for 1457.58), exit 0, nothing said."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from gridpay.core.errors import InputError
from gridpay.ingest.sheets import Sheet
from gridpay.transforms.parsing import normalized_likert

if TYPE_CHECKING:
    from gridpay.ingest.survey_files import SurveyReading

_WORD = "非常不满意|很不满意|不太满意|比较满意|基本满意|非常满意|很满意|不满意|满意|一般"
_NUMBER_FIRST = re.compile(rf"(\d{{1,2}})\s*分?\s*(?:[=＝:：为是→]|代表|表示)\s*({_WORD})")
_SCALE = re.compile(r"(\d{1,3})分制|满分(\d{1,3})|(?<!\d)[0-1][-~～—至到](\d{1,3})分(?![队钟])")
_RANGE = re.compile(r"(?<!\d)(\d{1,2})[-~～—至到](\d{1,3})分(?![队钟])")
_OPTION = re.compile(r"(非常|比较|基本|很|不太|不)满意(?![度吗程情率])|(?<![对的])满意(?![度吗程情率])|一般(?!情况)")
_KEYS = ("response_id", "grid_id", "household_id")
# what a tick sheet's volunteer does instead (ingest/unlike_columns.py says it too)
TICKS = ("gridpay reads one answer a question: type each question's ticked option as its word (非常满意, 满意, 基本满意, "
         "不满意, 非常不满意) in one column headed as the question, and run again; delete no column, each holds answers")
_WORD_FIRST = re.compile(rf"({_WORD})\s*(?:[=＝:：为是→]|记为|计)\s*(\d{{1,2}})")
# ... and its points after it with no sign between, 非常满意1分, 非常满意记1分 (trial 306's re-check: read neither above
# the header nor under the answers, W104 1460.00 for 1559.79, exit 0)
_WORD_POINTS = re.compile(rf"({_WORD})\s*(?:记|得)?\s*(\d{{1,2}})\s*分")


def legend_pairs(note: str, points_after: bool = False) -> list[tuple[str, str]]:
    """(number, word) of each '1=非常满意' (or '非常满意=5', '1代表非常满意') a note holds; with `points_after`
    (survey.title_legends_checked, 2027.36) '非常满意1分' too."""
    found = [*_NUMBER_FIRST.findall(note), *((n, w) for w, n in _WORD_FIRST.findall(note))]
    return list(dict.fromkeys(found + [(n, w) for w, n in _WORD_POINTS.findall(note)] if points_after else found))


def refuse_other_scales(file: str, sheet: Sheet, names: list[str], reading: "SurveyReading") -> None:
    """Stop (exit 2) on a sheet whose title or header gives it another scale than the policy's 1 to its top (None:
    not checked), whose legend gives a number another meaning than gridpay reads it with, or whose item column is
    headed by an option (a tick sheet's: trial 123's 环境卫生 非常满意 column, its ticks typed 1, read as 非常不满意)."""
    top, words = reading.sheet_scale, reading.answer_words
    for i, name in enumerate(names if top is not None else ()):
        if name in reading.items and (option := named_option(sheet, i, names)):
            raise InputError(file, f"column '{sheet.headers[i]}' is read as {name} but is headed by an option ({option}): "
                                   f"a column of a sheet with a column per option, ticked (✓, √, 1)? Its ticks would be "
                                   f"read as points. {TICKS}", column=name)
    for said in (t for t in [*sheet.titles, *sheet.headers] if top is not None and t):
        if (n := _scale_of(str(said))) is not None and n != top:
            raise InputError(file, f"'{said}' says the sheet's answers are on a 1-{n} scale, the policy's on 1 to {top}: "
                                   f"its answers would be read on the policy's (4 of {n} as 4 of {top}). Retype them as "
                                   f"the paper forms' words or on the policy's scale, and run again; docs/"
                                   f"troubleshooting.md says how a 1-{n} answer is put on 1 to {top}")
    refuse_legend_otherwise(file, sheet, words, top is not None, reading.title_legends)
    refuse_header_scales(file, [*sheet.titles, *(h for h, n in zip(sheet.headers, names) if n in reading.items)], reading)


def refuse_header_scales(file: str, texts: list, reading: "SurveyReading") -> None:
    """Stop (exit 2) on a question's header or a sheet's title stating another scale than the policy's scale_min to
    scale_max (survey.header_scales, policy 2027.26): trial 203's re-check, told only "1-10", set a 1-10 policy for a
    form whose questions said 打分（0-10分）, and every answer was read a point higher, exit 0 (陈静 1440.00 for 1532.16)."""
    low, high = reading.header_scale or (None, None)
    # a policy mapping the form's numbers to its points ([survey.option_codes]: 0-10 onto 1-5) reads them so
    for said in (str(t) for t in texts if reading.header_scale is not None and not reading.option_codes and t):
        start, top = _range_of(said) or (low, high)
        if top != high or start not in (None, low):
            raise InputError(file, f"'{said}' says its answers are on {'' if start is None else f'{start} to '}{top}, "
                                   f"the policy's scale is {low} to {high}: they would be read as points of the "
                                   f"policy's scale. Set survey.scale_min = {low if start is None else start} and "
                                   f"survey.scale_max = {top} in the policy (a new version; each answer word its point "
                                   f"on that scale: docs/troubleshooting.md, a form that scores in numbers), and run again")

def named_option(sheet: Sheet, i: int, names: list[str]) -> str | None:
    """The option column i's header names, or the row under the header names where it heads the options alone (its
    id, grid and door cells blank: trial 123's 环境卫生 over 非常满意, 满意 ... in the row below)."""
    if found := option_in(sheet.headers[i]):
        return found
    number, row = sheet.rows[0] if sheet.rows else (0, [])
    blank = all(not row[j] or str(row[j]) == sheet.headers[j]       # a merged header's cell, filled in again
                for j, n in enumerate(names) if n in _KEYS and j < len(row))
    return option_in(str(row[i])) if blank and i < len(row) and row[i] else None


def option_in(header: str) -> str | None:
    """The answer option a header names (环境卫生-非常满意, 总体（一般）), not a question's 满意度 or 满意吗."""
    found = _OPTION.search(header.replace(" ", ""))
    return found.group(0) if found else None


def _scale_of(text: str) -> int | None:
    """10 of '满意度调查（10分制）', '满分10分', '总体(1-10分)'; None where the text gives no scale."""
    found = _SCALE.search(text.replace(" ", ""))
    return int(next(g for g in found.groups() if g)) if found else None


def _range_of(text: str) -> tuple[int | None, int] | None:
    """(0, 10) of '打分（0-10分）', (None, 10) of '10分制' or '满分10分'; None where the text states no scale."""
    if found := _RANGE.search(text.replace(" ", "")):
        return int(found[1]), int(found[2])
    return (None, top) if (top := _scale_of(text)) is not None else None


def refuse_legend_otherwise(file: str, sheet: Sheet, words: dict[str, str], checked: bool = True,
                            titles: bool = False) -> None:
    """Stop (exit 2) on a note, or a row, whose legend gives a number another meaning than gridpay reads it with
    (trial 120's legend typed as a row of its own, 1代表非常满意, or one meaning a cell, was an invalid answer); with
    `titles` (survey.title_legends_checked, 2027.36) a row above the header too."""
    rows = ((number, "，".join(str(c) for c in row if c)) for number, row in sheet.rows if checked)
    # ... above the header too: trial 306's 说明：1=非常满意 ... 5=非常不满意 on row 2 (or in the title) was read as 5 = top
    above = [(number, text) for number, text in enumerate(sheet.titles, start=1) if checked and titles]
    legends = [(number, text) for number, text in (*above, *rows) if "满意" in text and legend_pairs(text, titles)]
    for number, note in [*sheet.notes, *legends] if checked else ():
        for typed, word in legend_pairs(note, titles):
            point = normalized_likert(word, words)
            if point is not None and point != str(int(typed)):
                raise InputError(file, f"the note '{note}' says {int(typed)} means {word}, which gridpay reads as "
                                       f"{point}: the sheet's numbers are typed on another scale than the policy's "
                                       f"({word} is {point}), so its answers would be read otherwise than the "
                                       f"residents gave them. Retype the answers as the paper forms' words (非常满意, "
                                       f"满意 ...) or as the policy's points, and delete the note (or write it as "
                                       f"gridpay reads: 5=非常满意 ... 1=非常不满意): it stops the run while it "
                                       f"stands; run again", row=number)
