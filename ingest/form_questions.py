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
from gridpay.transforms.spaced_doors import SPACED_DIGITS

if TYPE_CHECKING:
    from gridpay.ingest.survey_reading import SurveyReading

log = logging.getLogger("gridpay")
ROOM_ALONE = re.compile(r"^\d{1,5}[室号房]?$")      # 501, 1702室: a room without its building
UNIT_ROOM = re.compile(r"^(\d{1,3})(?:单元|-)(\d{1,5})[室号房]?$")      # 1单元501, 1-501: without its building
NAMES_BUILDING = re.compile(r"栋|幢|号楼|#|^\d+-\d+-\d+")
# survey.door_parts_typed (policy 2027.23): a unit and room as residents type them, 1单元 302, 1 302, 1/302, 1单元3楼02
UNIT_ROOM_TYPED = re.compile(r"^(\d{1,3})(?:单元|[-/.,、。])(\d{1,5})[室号房]?$")
UNIT_FIRST = re.compile(r"^\d{1,3}单元.")
# survey.door_parts_rooms (policy 2027.33): a room read out in numerals (二零一) or by its floor and flat (6楼01, 6层01室)
# under the building and unit asked apart: the door rules read it after them (3栋1单元二零一 is 3栋1单元201, 4栋2单元6楼01
# 4栋2单元601); trial 279's were read as typed without their building, one home counted twice, exit 0
ROOM_WORDS = re.compile(r"^(?:[零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖]{2,5}|\d{1,3}[楼层]\d{1,4})[室号房户]?$")
NUMERALS = re.compile(r"^[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾]{1,3}$")     # ... and 三 / 一 asked as building / unit
SHIPPED_PARTS = ("楼栋", "单元")       # what a policy without survey.door_parts is told a form asks


def _cell(row: list, i: int, layout: PlatformLayout) -> str:
    value = choice_text(answer_text(row[i], layout), layout) if i < len(row) else None
    return folded(value).strip() if value else ""


def _part(value: str, text: str, numerals: bool = False) -> str:
    """'12' asked by 楼栋号 -> '12栋'; by 单元号 -> '1单元'; '12栋', '2单元' as typed; with `numerals`
    (survey.door_parts_rooms) '三' too -> '三栋' (its re-check's 三 / 一 / 二零一 read as the home 三一二零一)."""
    named = value.isdigit() or numerals and NUMERALS.match(value)
    return value + ("单元" if "单元" in text else "栋") if named else value


def _part_columns(file: str, sheet: Sheet, header_map: HeaderMap, texts: tuple[str, ...],
                  layout: PlatformLayout, strict: bool = True) -> list[tuple[str, int]]:
    parts = []
    for text in texts:
        found = [i for i, h in enumerate(sheet.headers)
                 if i not in header_map.columns and text in question_text(h, layout.question_number)]
        if len(found) > 1 and strict:
            shown = ", ".join(f"'{sheet.headers[i]}'" for i in found)
            raise InputError(file, f"the policy's survey.door_parts text '{text}' matches {len(found)} headers: {shown}; "
                                   f"set it to a text only one of them holds (in your policy, with a new version)",
                             column="household_id")
        parts += [(text, found[0])] if len(found) == 1 else []
    return parts


def joined_door(door: str, parts: list[tuple[str, str]], typed: bool = False, rooms: bool = False) -> str | None:
    """The door with the parts asked apart ((question text, answer)) before it, or None to leave it as typed: a room
    alone takes them all (12栋 1 501 -> 12栋1单元501); a unit and room its building (12栋, 1-501 -> 12栋1单元501, where
    trial 140's re-check read 1-501 as 1栋501); a door naming its building, or none given, as typed. With `typed`
    (survey.door_parts_typed) also a unit and room a space, slash or dot apart (1单元 302, 1 302, 1/302), a unit and
    anything after it (1单元3楼02: the floor rules read the rest), and 第 before the building (第90栋): trial 194's
    `11栋` beside `2单元 202` was read as 2单元202, one household with every building's 2单元202, exit 0. With `rooms`
    (survey.door_parts_rooms) a room in words or by floor and flat alone takes them all too (三栋 一单元 二零一)."""
    given = [(text, value.removeprefix("第") if typed else value) for text, value in parts if value]
    door = re.sub(r"\s+", "", SPACED_DIGITS.sub("-", door)) if typed else door
    building = "".join(_part(v, t, rooms) for t, v in given if "单元" not in t)
    if (ROOM_ALONE.match(door) or rooms and ROOM_WORDS.match(door)) and given:
        return "".join(_part(v, t, rooms) for t, v in given) + door
    if (unit := (UNIT_ROOM_TYPED if typed else UNIT_ROOM).match(door)) and building:
        return f"{building}{unit[1]}单元{unit[2]}"
    if typed and building and UNIT_FIRST.match(door) and not NAMES_BUILDING.search(door):
        return building + door
    return None


def door_from_parts(file: str, sheet: Sheet, header_map: HeaderMap, reading: "SurveyReading",
                    layout: PlatformLayout) -> Sheet:
    """Each row's door with the answers to survey.door_parts' questions before it (joined_door); said once a file,
    with the doors that name no building left as typed. A policy without the key is told where the form asks them."""
    door = next((i for i, name in header_map.columns.items() if name == "household_id"), None)
    texts = reading.door_parts or SHIPPED_PARTS
    parts = _part_columns(file, sheet, header_map, texts, layout, strict=bool(reading.door_parts)) if door is not None else []
    if not parts:
        return sheet
    rows, joined, bare = [], [], []
    for number, row in sheet.rows:
        typed = _cell(row, door, layout)
        whole = joined_door(typed, [(text, _cell(row, i, layout)) for text, i in parts], reading.door_parts_typed,
                            reading.door_parts_rooms)
        if whole is not None and reading.door_parts:
            row = list(row)
            row[door] = whole
            joined.append(whole)
        elif whole is not None:
            joined.append(typed)            # read as typed, without its building: what the old policy is told
        elif typed and not NAMES_BUILDING.search(typed):
            bare.append(typed)
        rows.append((number, row))
    asked = ", ".join(f"'{sheet.headers[i]}'" for _, i in parts)
    if not reading.door_parts and joined:      # trial 140's re-check: a policy copied before 2027.16, 14 homes merged
        log.warning("%s: the form asks the door in parts (%s and '%s'), which this policy does not join "
                    "(survey.door_parts, policy 2027.16): %d door numbers are read without their building (e.g. %s), "
                    "and homes of other buildings with one number read as one household; add door_parts = [\"楼栋\", "
                    "\"单元\"] to your policy's [survey] (with a new version) and run again", file, asked,
                    sheet.headers[door], len(joined), joined[0])
    elif joined or bare:
        log.info("%s: the door number is read from %s and '%s' (survey.door_parts): %d answers, e.g. %s%s", file,
                 asked, sheet.headers[door], len(joined), joined[0] if joined else "-",
                 f"; {len(bare)} name no building and are read as typed, without the parts asked beside them (e.g. {bare[0]}): "
                 "check them" if bare else "")
    return replace(sheet, rows=rows)


def is_other_question(header: str, reading: "SurveyReading", layout: PlatformLayout) -> bool:
    """Whether survey.other_questions names the column's question (one on no worker: the community as a whole)."""
    asked = question_text(header, layout.question_number)
    return any(text in asked for text in reading.other_questions or ())


def other_answers_line(headers: list[str], unread: int, header_map: HeaderMap, reading: "SurveyReading", rows: int,
                       layout: PlatformLayout) -> str:
    read = "; ".join(f"{name} from {column_letters(i + 1)} '{headers[i]}'" for i, name in
                     sorted(header_map.columns.items()) if name in reading.items)
    span = [i for i, h in enumerate(headers) if h == headers[unread]]
    if not read and len(span) > 1:          # trial 147: a matrix question's merged header, "read from: ." said
        return (f"columns {column_letters(span[0] + 1)} to {column_letters(span[-1] + 1)} hold answers (满意, 非常满意 "
                f"...) under one header '{headers[unread]}', a cell merged over them, and no item is read from any "
                f"column: the header seems to be two rows, the items' own headers in the row below it. Give each "
                f"column its own header in one row above the answers (the question and the item it rates, "
                f"'{headers[unread]}—环境卫生'), and run again")
    return (f"column {column_letters(unread + 1)} '{headers[unread]}' holds answers (满意, 非常满意 ...) on {rows} "
            f"rows (first on this row) and is read as no item, while the items are read from: {read}. If it rates the "
            f"worker, set that item's survey.questions text to a text its header holds; if it rates something else (the "
            f"community as a whole, the street), add a text of its header to survey.other_questions (either in your "
            f"policy, with a new version) and run again")


def refuse_items_of_other_questions(file: str, headers: list[str], header_map: HeaderMap, reading: "SurveyReading",
                                    layout: PlatformLayout) -> None:
    """Stop where an item is read from a question survey.other_questions names as rating no worker: trial 140's
    re-check named the community's question there and left sat_overall = "总体" reading it."""
    for i, name in sorted(header_map.columns.items()):
        if name in reading.items and reading.other_questions and is_other_question(headers[i], reading, layout):
            raise InputError(file, f"column {column_letters(i + 1)} '{headers[i]}' is read as {name} "
                                   f"(survey.questions.{name}) and named by survey.other_questions as rating no "
                                   f"worker: set survey.questions.{name} to a text only the worker's own question "
                                   f"holds (a list of one for each form of the month), in your policy with a new "
                                   f"version", column=name)
