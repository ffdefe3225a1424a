"""A typed sheet's own legend for its numbers (survey.sheet_scales, policy 2027.15). A volunteer typing paper forms
as numbers writes under them what the numbers mean; trial 117's wrote 说明：1=非常满意，2=满意 ... 5=非常不满意, the
reverse of gridpay's 1 to 5, and the note was set aside as a note row: her grid's eight answers were read upside
down and its worker paid at the floor (1400.00 for 1457.58), exit 0, nothing said."""
from __future__ import annotations

import re

from gridpay.core.errors import InputError
from gridpay.ingest.sheets import Sheet
from gridpay.transforms.parsing import normalized_likert

_WORD = "非常不满意|很不满意|不太满意|比较满意|基本满意|非常满意|很满意|不满意|满意|一般"
_NUMBER_FIRST = re.compile(rf"(\d{{1,2}})\s*分?\s*(?:[=＝:：为是→]|代表|表示)\s*({_WORD})")
_SCALE = re.compile(r"(\d{1,3})分制|满分(\d{1,3})|(?<!\d)[0-1][-~～—至到](\d{1,3})分(?![队钟])")
_WORD_FIRST = re.compile(rf"({_WORD})\s*(?:[=＝:：为是→]|记为|计)\s*(\d{{1,2}})")


def legend_pairs(note: str) -> list[tuple[str, str]]:
    """(number, word) of each '1=非常满意' (or '非常满意=5', '1代表非常满意') a note holds."""
    return [*_NUMBER_FIRST.findall(note), *((n, w) for w, n in _WORD_FIRST.findall(note))]


def refuse_other_scales(file: str, sheet: Sheet, words: dict[str, str], top: int | None) -> None:
    """Stop (exit 2) on a sheet whose title or header gives it another scale than the policy's 1 to `top` (None:
    not checked), or whose legend gives a number another meaning than gridpay reads it with."""
    for said in (t for t in [*sheet.titles, *sheet.headers] if top is not None and t):
        if (n := _scale_of(str(said))) is not None and n != top:
            raise InputError(file, f"'{said}' says the sheet's answers are on a 1-{n} scale, the policy's on 1 to {top}: "
                                   f"its answers would be read on the policy's (4 of {n} as 4 of {top}). Retype them as "
                                   f"the paper forms' words or on the policy's scale, and run again; docs/"
                                   f"troubleshooting.md says how a 1-{n} answer is put on 1 to {top}")
    refuse_legend_otherwise(file, sheet, words, top is not None)


def _scale_of(text: str) -> int | None:
    """10 of '满意度调查（10分制）', '满分10分', '总体(1-10分)'; None where the text gives no scale."""
    found = _SCALE.search(text.replace(" ", ""))
    return int(next(g for g in found.groups() if g)) if found else None


def refuse_legend_otherwise(file: str, sheet: Sheet, words: dict[str, str], checked: bool = True) -> None:
    """Stop (exit 2) on a note, or a row, whose legend gives a number another meaning than gridpay reads it with
    (trial 120's legend typed as a row of its own, 1代表非常满意, or one meaning a cell, was an invalid answer)."""
    rows = ((number, "，".join(str(c) for c in row if c)) for number, row in sheet.rows if checked)
    legends = [(number, text) for number, text in rows if "满意" in text and legend_pairs(text)]
    for number, note in [*sheet.notes, *legends] if checked else ():
        for typed, word in legend_pairs(note):
            point = normalized_likert(word, words)
            if point is not None and point != str(int(typed)):
                raise InputError(file, f"the note '{note}' says {int(typed)} means {word}, which gridpay reads as "
                                       f"{point}: the sheet's numbers are typed on another scale than the policy's "
                                       f"({word} is {point}), so its answers would be read otherwise than the "
                                       f"residents gave them. Retype the answers as the paper forms' words (非常满意, "
                                       f"满意 ...) or as the policy's points, and run again", row=number)
