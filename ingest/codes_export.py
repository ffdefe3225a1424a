"""A 问卷星 codes export (按序号): answers as the form's option numbers. The answers are read as the policy's
[survey.option_codes] says, the grid question's numbers in grids.csv's order (the order `gridpay
questionnaire` lists them in). In a month of several communities a community's own form lists its own grids
only, so an export whose name names no community is refused (trial 42: renamed 新建 Microsoft Excel
工作表.xlsx, 天井湖's answers were paid to 五松's grids, 811.57 yuan, exit 0); one named for a community whose
answers read as another's grids stops the month at the gate (gate.other_community_rows)."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.ingest.formats import Source
from gridpay.ingest.platform import coded_answer
from gridpay.transforms.grid_names import community_in_name

if TYPE_CHECKING:      # ingest/survey_files.py imports this module
    from gridpay.ingest.survey_files import SurveyReading

log = logging.getLogger("gridpay")


def decode_codes_export(frame: pd.DataFrame, source: Source, reading: SurveyReading, grid_ids: list[str]) -> None:
    if not reading.option_codes:
        raise InputError(source.file_name, "is a codes export (按序号: answers are option numbers, and which number "
                                           "means 非常满意 depends on the form); download the text export (按文本), "
                                           "or declare [survey.option_codes] in the policy (a form listing 非常满意 "
                                           "first: \"1\" = \"5\", \"2\" = \"4\", \"3\" = \"3\", \"4\" = \"2\", "
                                           "\"5\" = \"1\"; a question the form scores in numbers, 1-5 stars or 1-10: "
                                           "each number as itself, \"5\" = \"5\")",
                         column=next(i for i in reading.items if i in frame.columns))
    for item in reading.items:
        if item in frame.columns:
            frame[item] = frame[item].map(lambda v: coded_answer(v, reading.option_codes),
                                          na_action="ignore").astype("string")
    if moved := [f"{code} as {point}" for code, point in reading.option_codes.items() if code != point]:
        _say_turned_round(frame, source, reading, moved)
    by_number = {str(n): grid for n, grid in enumerate(grid_ids, start=1)}
    numbered = frame["grid_id"].dropna().map(lambda v: v.strip() in by_number and v.strip() not in grid_ids)
    if reading.grid_numbers_refused and numbered.any():
        raise InputError(source.file_name, "is a codes export (按序号) whose grid question is option numbers, and which "
                                           "grid a number means is the form's order of options, which the file does "
                                           "not say (a forty-eighth trial's form, its grids reordered, paid G1's "
                                           "answers to G4's worker, 691.74 yuan): download the text export (按文本)",
                         column="grid_id", row=_first_row(frame, numbered))
    if reading.grid_names_by_file and len(reading.communities) > 1 and not community_in_name(
            source.file_name, set(reading.communities)):     # a community's own form lists its own grids only
        raise InputError(source.file_name, "is a codes export (按序号) in a month of several communities, and its name "
                                           "names none of them, so which grid an option number means is a guess (a "
                                           "forty-second trial's renamed export paid 天井湖's answers to 五松's grids): "
                                           "download the text export (按文本), or keep the name the platform gave it",
                         column="grid_id")
    if numbered.any():    # trial 286: grids.csv sorted anew read G03's answers as G04's, unsaid
        log.info("%s: its grid question's option numbers are read in grids.csv's order (survey.grid_numbers_refused "
                 "off): %s; if the form lists its grids otherwise, download the text export (按文本)", source.file_name,
                 ", ".join(f"{n} as {grid}" for n, grid in by_number.items()))
    frame["grid_id"] = frame["grid_id"].map(lambda v: by_number.get(v.strip(), v), na_action="ignore").astype("string")


def _say_turned_round(frame: pd.DataFrame, source: Source, reading: SurveyReading, moved: list[str]) -> None:
    """A table that turns the numbers round reads a 按分数 download (each option's score, 5 = 非常满意) reversed, and
    the two look alike (trial 286: every worker but one paid the floor, exit 0). Said on every run, with the share of
    answers it reads as unhappy; a warning, on the scorecard too, where they outnumber the happy ones."""
    points = [int(p) for p in reading.option_codes.values() if p.isdigit()]
    asked = [frame[i] for i in reading.items if i in frame.columns]
    read = pd.to_numeric(pd.concat(asked), errors="coerce").dropna() if asked and points else pd.Series(dtype=float)
    low, high = ((read <= min(points) + 1).mean(), (read >= max(points) - 1).mean()) if len(read) else (0.0, 0.0)
    line = (f"{source.file_name}: read as a codes export (按序号) by the policy's [survey.option_codes]: option "
            f"{', '.join(moved)}; so read, {low:.0%} of its answers are 不满意 or worse and {high:.0%} 满意 or better. "
            "A 按分数 download (each option's score) read so is reversed: in 问卷星's download dialog the kind is "
            "named (按选项序号, 按选项文本, 按选项分数); if this file is not 按选项序号, put that download (or the "
            "按选项文本 one) here and run again")
    if low > high:
        log.warning(line, extra={"notice": "form_options"})
    else:
        log.info(line)


def _first_row(frame: pd.DataFrame, numbered: pd.Series) -> int | None:
    first = numbered[numbered].index[0]
    return int(frame.at[first, "row_number"]) if "row_number" in frame.columns else None


def is_codes_export(frame: pd.DataFrame, items: tuple[str, ...], with_words: bool = False) -> bool:
    """Every answer a number; or, `with_words` (survey.codes_export_words), most of them numbers and every grid
    answer one: a text export names the grid chosen, so a grid question answered in option numbers is a codes
    export whatever a few answers say (trial 282: one 不了解 among 1-5 codes hid it, and the grid numbers'
    stop, its aliases added, read 1 = 非常满意 as 1 point, every grid's score reversed, exit 0)."""
    asked = [frame[i] for i in items if i in frame.columns]
    if not asked:            # no item's question found (a policy without survey.items_required)
        return False
    answers = pd.concat(asked).dropna()
    answers = answers[~answers.isin(["(空)", "（空）"])]
    numbers = answers.str.fullmatch(r"\s*\d+\s*")
    if not len(answers) or numbers.all():
        return bool(len(answers))
    grids = frame["grid_id"].dropna() if "grid_id" in frame.columns else pd.Series(dtype="string")
    return with_words and numbers.mean() > 0.5 and len(grids) > 0 and bool(grids.str.fullmatch(r"\s*\d{1,2}\s*").all())
