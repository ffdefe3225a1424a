"""A typed sheet's row whose name cell (姓名, a resident's name beside the answers) holds an answer: the row's cells are
a column to the left of their headers. Trial 174's volunteer split each line of a WeChat group relay (群接龙) into
columns by its spaces; `10. 7-2-101 非常满意 满意 ...` had no name, so 非常满意 went under 姓名, each item took the next
item's answer and 总体 none: read so, it counted (W3 and W5 paid 2.20 and 2.73 off, exit 0, unsaid). The sheet is
refused (exit 2) naming the row, as its other shapes a run cannot read right are (ingest/sheet_scales.py); checked
where `survey.sheet_scales` is (policy 2027.15), as they are."""
from __future__ import annotations

from gridpay.core.errors import InputError
from gridpay.ingest.sheets import Sheet
from gridpay.transforms.parsing import LIKERT_WORDS, normalized_cell

SHOWN = 5


def refuse_shifted_names(file: str, sheet: Sheet, names: list[str], words: dict[str, str], checked: bool) -> None:
    if not checked or "name" not in names:
        return
    at = names.index("name")
    answers = set(LIKERT_WORDS) | {w for w, point in words.items() if point}
    shifted = [(number, cells[at]) for number, cells in sheet.rows
               if at < len(cells) and (typed := normalized_cell(cells[at])) is not None
               and typed.replace(" ", "") in answers]
    if shifted:
        number, typed = shifted[0]
        rows = ", ".join(str(n) for n, _ in shifted[:SHOWN]) + (" ..." if len(shifted) > SHOWN else "")
        raise InputError(file, f"name '{typed}' is an answer, not a name: the row's cells are a column to the left of "
                               f"their headers (a name left out when a line was split into columns?), so each item "
                               f"would be read from the next one's answer; put each cell under its header "
                               f"(row{'s' if len(shifted) > 1 else ''} {rows})",
                         row=number, column=sheet.headers[at] or "name")
