"""A form's questions as the colleague who made it asked them (policy 2027.16).

Trial 140's 腾讯问卷 form asked the door as three questions (楼栋, 单元, 门牌号) and added one on the community as a
whole. The door was read from 门牌号 alone (homes of other buildings made one household, 14 answers set aside as
repeats), and the new question, holding 总体, was read as sat_overall while the worker's own 整体评价 went unread:
wrong pay twice, exit 0. Under survey.door_parts the door's parts are read before the room; under
survey.other_questions a column of answers no text reads stops the run unless its question is named there.
"""
from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from gridpay.core.errors import InputError
from gridpay.ingest.limits import column_letters
from gridpay.ingest.platform import HeaderMap, answer_text, choice_text, question_text
from gridpay.ingest.sheets import Sheet
from gridpay.transforms.folding import folded
from gridpay.transforms.platform_layouts import PlatformLayout

if TYPE_CHECKING:
    from gridpay.ingest.survey_reading import SurveyReading

log = logging.getLogger("gridpay")
ROOM_ALONE = re.compile(r"^\d{1,5}[室号房]?$")      # 501, 1702室: a room without its building


def _cell(row: list, i: int, layout: PlatformLayout) -> str:
    value = choice_text(answer_text(row[i], layout), layout) if i < len(row) else None
    return folded(value).strip() if value else ""


def _part(value: str, text: str) -> str:
    """'12' asked by 楼栋号 -> '12栋'; by 单元号 -> '1单元'; '12栋', '2单元' as typed."""
    return value + ("单元" if "单元" in text else "栋") if value.isdigit() else value


def _part_columns(file: str, sheet: Sheet, header_map: HeaderMap, texts: tuple[str, ...],
                  layout: PlatformLayout) -> list[tuple[str, int]]:
    parts = []
    for text in texts:
        found = [i for i, h in enumerate(sheet.headers)
                 if i not in header_map.columns and text in question_text(h, layout.question_number)]
        if len(found) > 1:
            shown = ", ".join(f"'{sheet.headers[i]}'" for i in found)
            raise InputError(file, f"the policy's survey.door_parts text '{text}' matches {len(found)} headers: {shown}; "
                                   f"set it to a text only one of them holds (in your policy, with a new version)",
                             column="household_id")
        parts += [(text, found[0])] if found else []
    return parts


def door_from_parts(file: str, sheet: Sheet, header_map: HeaderMap, reading: "SurveyReading",
                    layout: PlatformLayout) -> Sheet:
    """Each row's door with the answers to survey.door_parts' questions before it where the door is a room alone
    (楼栋 12栋, 单元 1, 门牌号 501 -> 12栋1单元501); a door typed whole (12栋1单元501, 12-1-501) as typed."""
    door = next((i for i, name in header_map.columns.items() if name == "household_id"), None)
    parts = _part_columns(file, sheet, header_map, reading.door_parts, layout) if reading.door_parts else []
    if door is None or not parts:
        return sheet
    rows, joined = [], []
    for number, row in sheet.rows:
        room = _cell(row, door, layout)
        before = "".join(_part(v, text) for text, i in parts if (v := _cell(row, i, layout)))
        if before and ROOM_ALONE.match(room):
            row = list(row)
            row[door] = before + room
            joined.append(row[door])
        rows.append((number, row))
    if joined:
        log.info("%s: the door number is read from %s and '%s' (survey.door_parts) where it is a room alone: %d "
                 "answers, e.g. %s", file, ", ".join(f"'{sheet.headers[i]}'" for _, i in parts), sheet.headers[door],
                 len(joined), joined[0])
    return replace(sheet, rows=rows)


def is_other_question(header: str, reading: "SurveyReading", layout: PlatformLayout) -> bool:
    """Whether survey.other_questions names the column's question (one on no worker: the community as a whole)."""
    asked = question_text(header, layout.question_number)
    return any(text in asked for text in reading.other_questions or ())


def other_answers_line(headers: list[str], unread: int, header_map: HeaderMap, reading: "SurveyReading", rows: int,
                       layout: PlatformLayout) -> str:
    read = "; ".join(f"{name} from {column_letters(i + 1)} '{headers[i]}'" for i, name in
                     sorted(header_map.columns.items()) if name in reading.items)
    return (f"column {column_letters(unread + 1)} '{headers[unread]}' holds answers (满意, 非常满意 ...) on {rows} "
            f"rows (first on this row) and is read as no item, while the items are read from: {read}. If it rates the "
            f"worker, set that item's survey.questions text to a text its header holds; if it rates something else (the "
            f"community as a whole, the street), add a text of its header to survey.other_questions (either in your "
            f"policy, with a new version) and run again")
