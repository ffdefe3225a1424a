"""Numbers a space apart in a door number, read as a dashed one (transforms/door_numbers.py's first step)."""
from __future__ import annotations

import re

SPACED_DIGITS = re.compile(r"(?<=[0-9])\s+(?=[0-9])")
_PLACED_NUMBERS = re.compile(r"^([^0-9]+?)\s*([0-9]{1,4}(?:\s+[0-9]{1,5}){1,2})$")      # 一区 4 2 301, 二区 4 201
_OTHER_THAN_DIGITS = re.compile(r"[^0-9\s-]")


def spaced_numbers(text: str, streets: bool, look_alikes: bool, places: bool) -> str:
    """Numbers a space apart as a dashed door number (survey.door_number_streets): '1 1 202' -> '1-1-202'; never a
    phone's or an ID's digits (11 or more: glued as before, so that their masks still find them); under look_alikes
    only numbers alone, not a room's digits (3栋2单元20 2: 202); and with `places` (survey.door_number_spaced_places)
    after a place, a compound's name or its short name: '一区 4 2 301' -> '一区4-2-301' (trial 284's homes, glued to
    一区42301, counted twice beside 4栋2单元301, unsaid)."""
    if sum(c.isdigit() for c in text) > 10:
        return text
    if streets and not (look_alikes and _OTHER_THAN_DIGITS.search(text)):
        return SPACED_DIGITS.sub("-", text.strip())
    placed = _PLACED_NUMBERS.match(text.strip()) if places else None
    return placed[1].strip() + SPACED_DIGITS.sub("-", placed[2]) if placed else text
