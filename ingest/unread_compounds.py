"""A column answering the compound (小区) that no rule reads as the compound (survey.unread_compounds_refused, policy
2027.30). Trial 232 reworded its 问卷星 compound question (2、您住在哪个小区？): the policy's survey.questions.compound
text no longer in its header, the column was not used, and `inspect` said only "(not used)". Its answers naming 锦江苑,
a compound grids.csv lists for the grid split off, were no longer told from their old grid's; one grid left the
pooled window, and all six workers' pay moved (W03 1600.00 for 1695.40), exit 0. Where the policy reads a home's
compound and grids.csv lists compounds, such a column stops the run (exit 2) naming it and the key to set."""
from __future__ import annotations

from typing import TYPE_CHECKING

from gridpay.core.errors import InputError
from gridpay.ingest.formats import TEXT_COLUMNS
from gridpay.ingest.platform import answer_text
from gridpay.ingest.sheets import Sheet

if TYPE_CHECKING:
    from gridpay.ingest.survey_reading import SurveyReading

LEAST = 3       # a column's cells naming a listed compound, and at least half its filled cells, before it stops
UNREAD_COMPOUNDS = "no column is read as the compound (小区)"     # the stop's words (inspect says it, and reads on)


def refuse_unread_compounds(file: str, sheet: Sheet, names: list[str], reading: SurveyReading, question: bool) -> None:
    """Stop on a column no rule reads whose cells mostly name compounds grids.csv lists, where no column is read as
    the compound; `names`: each header's column ("" or its own name: not read); `question`: a platform download's,
    whose questions the policy finds by their text."""
    if not (reading.unread_compounds_refused and reading.compound and reading.listed_compounds) or "compound" in names:
        return
    from gridpay.ingest.survey_values import compound_name
    listed = {compound_name(c, reading.compound_suffix_dropped) for c in reading.listed_compounds}
    read = {*TEXT_COLUMNS, *reading.items}
    for i, (header, name) in enumerate(zip(sheet.headers, names)):
        if name in read or any(part in str(header) for part in reading.door_parts):
            continue
        cells = [c for _, row in sheet.rows if i < len(row) and (c := answer_text(row[i]))]     # (空) is blank
        named = [c for c in cells if compound_name(c, reading.compound_suffix_dropped) in listed]
        if len(named) >= LEAST and 2 * len(named) >= len(cells):
            fix = ("set the policy's survey.questions.compound to a text this header holds and no other (the download "
                   "stays as it came)" if question else "head the column 小区, or name its header in the policy's "
                   "[survey.aliases] (\"" + str(header).strip() + "\" = \"compound\")")
            shown, column = ", ".join(dict.fromkeys(named)), str(header).strip()
            raise InputError(file, f"the column '{column}' names compounds grids.csv lists ({shown[:60]}) on "
                             f"{len(named)} of its {len(cells)} answers, but {UNREAD_COMPOUNDS}: "
                             f"one door number in two compounds would be one home, and an answer naming another grid's "
                             f"compound would not be told apart; {fix}, and run again", column=column)
