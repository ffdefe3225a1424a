"""A shared flat's rented rooms and a basement's rooms as residents type them (survey.door_number_room_parts, policy
2027.20), read before transforms/door_numbers.py's other rules: pure functions."""
from __future__ import annotations

import re

# A dash after a room of three or four digits is the room's part, not a floor's flat (401-2 is 401号之2, as 401之二 is:
# a hundred-and-fifty-fifth trial's 9栋1单元401-2 was the 401st floor's flat 40102, and 3-2-602-1 60201, each beside
# its 之 form, two homes, nothing said); a building and unit dashed before a basement or a room's part (1-1-地下室6号,
# 6-1-401之1) are the building and unit; a basement's room, 地下室5号 or B2-08 after a 栋 or 单元, is 负1层5号 or 负2层8号
_ROOM_PART = re.compile(r"(单元|^)([0-9]{3,4})-([0-9]{1,2})$")
_DASHED_ROOM_PART = re.compile(r"^([0-9]{1,3})-([0-9]{1,2})-([0-9]{3,4})-([0-9]{1,2})$")
_DASHED_BEFORE_ROOM = re.compile(r"^([0-9]{1,3})-([0-9]{1,2})-(?=地下室|负|[Bb][0-9]|[0-9]{1,4}号?[之附])")
_BASEMENT_ROOM = re.compile(r"([栋幢座元])(?:地下室|[Bb]([0-9])-)([0-9]{1,3})号?$")


def rented_rooms(text: str) -> str:
    """'9栋1单元401-2' -> '9栋1单元401号之2', '3-2-602-1' -> '3栋2单元602号之1', '6-1-401之1' -> '6栋1单元401之1',
    '1栋1单元地下室6号' -> '1栋1单元负1层6号', '2栋1单元B2-08' -> '2栋1单元负2层8号'; other text as it is."""
    if dashed := _DASHED_ROOM_PART.match(text):
        return f"{int(dashed[1])}栋{int(dashed[2])}单元{int(dashed[3])}号之{int(dashed[4])}"
    text = _ROOM_PART.sub(lambda m: f"{m[1]}{int(m[2])}号之{int(m[3])}", text)
    text = _DASHED_BEFORE_ROOM.sub(lambda m: f"{int(m[1])}栋{int(m[2])}单元", text)
    return _BASEMENT_ROOM.sub(lambda m: f"{m[1]}负{m[2] or 1}层{int(m[3])}号", text)
