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
_WORD_FIRST = re.compile(rf"({_WORD})\s*(?:[=＝:：为是→]|记为|计)\s*(\d{{1,2}})")


def legend_pairs(note: str) -> list[tuple[str, str]]:
    """(number, word) of each '1=非常满意' (or '非常满意=5', '1代表非常满意') a note holds."""
    return [*_NUMBER_FIRST.findall(note), *((n, w) for w, n in _WORD_FIRST.findall(note))]


def refuse_legend_otherwise(file: str, sheet: Sheet, words: dict[str, str], checked: bool = True) -> None:
    """Stop (exit 2) on a note whose legend gives a number another meaning than gridpay reads it with."""
    for number, note in sheet.notes if checked else ():
        for typed, word in legend_pairs(note):
            point = normalized_likert(word, words)
            if point is not None and point != str(int(typed)):
                raise InputError(file, f"the note '{note}' says {int(typed)} means {word}, which gridpay reads as "
                                       f"{point}: the sheet's numbers are typed on another scale than the policy's "
                                       f"({word} is {point}), so its answers would be read otherwise than the "
                                       f"residents gave them. Retype the answers as the paper forms' words (非常满意, "
                                       f"满意 ...) or as the policy's points, and run again", row=number)
