"""A household's door number however residents and volunteers type it (survey.door_number_* rules):
one home, one normal form. Pure functions; ingest/survey_values.py applies them once per distinct text
and keeps the SQL test of the forms DuckDB may keep as typed (canonical_household) in step with them."""
from __future__ import annotations

import re
import unicodedata

from gridpay.transforms.door_rooms import rented_rooms
from gridpay.transforms.door_yards import yard_homes
from gridpay.transforms.parsing import normalized_cell
from gridpay.transforms.spaced_doors import spaced_numbers

_SPACES = re.compile(r"\s+")
_BUILDING = re.compile(r"(\d+)\s*(?:号楼|幢|栋|号)(?=\s*\d+\s*单元)")


_DASHED = re.compile(r"^(\d{1,3})-(\d{1,2})-(\d{1,4})$")      # 3-2-301: building-unit-room
# survey.door_number_suffixes: a room written 1201号 or 201户 after a unit (单元, or dashes); 6幢2-502
_ROOM_SUFFIX = re.compile(r"((?:单元|-)\d{1,5})[号户]$")
_BUILDING_DASHED = re.compile(r"^(\d{1,3})(?:幢|号楼)(?=\d{1,2}-\d{1,4}$)")


# survey.door_number_variants: how volunteers and residents also type 7栋1单元101
_DASH_LIKE = re.compile(r"[—–‐‑‒―~－]+")                   # 7—1—101, 7~1~101 (not _: H_001 stays as typed)
_NUMERAL_PLACE = re.compile(r"([零〇一二两三四五六七八九十]+)(?=栋|幢|号楼|号|座|#|单元)")    # 七栋一单元
_SEAT = re.compile(r"(\d+)(?:座|#)")                       # 7座1单元101, 7#1-101: the building
_UNIT_DASHED = re.compile(r"^(\d{1,3})栋(\d{1,2})-(\d{1,4})$")   # 7栋1-101
_DOOR = re.compile(r"^(\d{1,4})栋(\d{1,3})单元(\d{1,5})$")
_DIGITS = dict(zip("零〇一二两三四五六七八九", (0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9)))
# survey.door_number_rooms: a building and a room only (5号楼302室, 5-302, 5座302), and a room read
# out digit by digit (十栋一单元二零一)
_TWO_PARTS = re.compile(r"(?<![\d\-])(\d{1,3})(?:号楼|幢|栋|座|#)(\d{1,5})$")     # after a place too: 宿舍楼2号楼301
_DASHED_PAIR = re.compile(r"^(\d{1,3})-(\d{1,5})$")
# ... and a village home by its group (组, 队, 社) and number: 3组9号, 3组9, 六组二十一号 (a trial's did)
_VILLAGE = re.compile(r"(?<![0-9零〇一二两三四五六七八九十])([0-9]+|[零〇一二两三四五六七八九十]+)([组队社])"
                      r"([0-9]+|[零〇一二两三四五六七八九十]+)号?$")
_SPOKEN_ROOM = re.compile(r"(?<=栋|元)([零〇一二三四五六七八九]{2,5})$")
# survey.door_number_floors: a room by its floor and flat, 3栋2单元12楼01, 12号楼3层01, 3-2-12-01,
# 12栋2单元15-03; and a unit written 门 (12栋2门1503)
_FLOOR_FLAT = re.compile(r"^(.*?(?:单元|栋|幢|座|号楼))(\d{1,3})[楼层](\d{1,4})[号户]?$")
_UNIT_FLOOR_DASHED = re.compile(r"^(.*?单元)(\d{1,3})-(\d{1,2})$")
_LETTER_BUILDING = re.compile(r"^([A-Za-z])[座栋幢]?([1-9]\d{2,3})$")          # A1203, A座1203: 座 A's 1203
_GATE = re.compile(r"(?:(?<=[栋幢座号])|(?<=号楼))(\d{1,2})门(?=\d)")
# survey.door_number_gates: ... a unit written 门 in numerals, or before a room read out in numerals (5号楼1门三零二,
# 五号楼一门三零二: trial 291's Beijing home counted twice beside 5号楼1单元302)
_GATE_SPOKEN = re.compile(r"(?:(?<=[栋幢座号])|(?<=号楼))(\d{1,2}|[一二三四五六七八九十]{1,2})门(?=[\d零〇一二三四五六七八九])")
_DASHED_FLOOR = re.compile(r"^(\d{1,3})-(\d{1,2})-(\d{1,3})-(\d{1,2})$")
_SPOKEN_AFTER_BUILDING = re.compile(r"(?:(?<=号楼)|(?<=[幢座]))([零〇一二三四五六七八九]{2,5})$")     # 十二号楼三零一
# survey.door_number_houses: an old town's lane (弄), house number (号) and room, 7弄5号301室, 七弄五号三零一,
# 7弄5-301 (7弄5号301), and a whole house with its 号 or without (12弄21号, 12弄21); ...
_LANE = re.compile(r"^(.*?)([0-9]{1,4}|[零〇一二两三四五六七八九十]{1,4})弄([0-9]{1,4}|[零〇一二两三四五六七八九十]{1,4})"
                   r"(?:号-?|-)?([0-9]{1,5}|[零〇一二三四五六七八九]{2,5})?$")
# ... a house's numbers in Chinese numerals (十二号院三户, 三队九号, 12号之一), a house's sub-number
# (12号之1, 12号附1, 12之1号 are 12号之1; in a lane 7弄12-1号 too), a shop front (门面15号, 商铺15, 15号门面:
# 门面15) and a room after 座 with 号 (B座602号). Not merged, as they may be two homes (a thirty-second
# trial's were): 12-1号 outside a lane (building 12, unit 1?), 3队 beside 3组, A-1203 beside A座1203; the
# run names such pairs (ingest/reworded_doors.py)
_HOUSE_NUMERALS = re.compile(r"([零〇一二两三四五六七八九十]+)(?=[弄号院户组队社])|(?<=[之附])([零〇一二两三四五六七八九十]+)")
_SUB_NUMBER = re.compile(r"(?<![0-9\-])([0-9]{1,4})号?[之附]([0-9]{1,2})号?$")
_LANE_SUB_DASHED = re.compile(r"([0-9]{1,4}弄[0-9]{1,4})-([0-9]{1,2})号$")
_SHOP = re.compile(r"^(?:(?:门面|商铺|铺面|门市|店面)房?([0-9]{1,4})号?|([0-9]{1,4})号(?:门面|商铺|铺面|门市|店面))$")
_SEAT_ROOM_NUMBERED = re.compile(r"(座[0-9]{1,5})号$")
# survey.door_number_numerals: the numerals of cheques and contracts (大写), 叁组拾伍号 for 三组十五号 (a
# thirty-third trial's tenant answered as 叁组15号201室 and as 3组15号201, counted twice, nothing said), and a
# number of hundreds, 一百零二号 for 102号 (a thirty-fourth trial's 一百零二号 was read 一百02号: a home counted
# twice). 一百二 (120 as spoken, or 102?) stays as typed.
# survey.door_number_streets: a house on a street by its number, 梧桐路18号 however typed (梧桐路18, 梧桐路第18号,
# 梧桐路18#: a ninety-second trial's street grid counted each beside 梧桐路18号, nothing said), and numbers a space
# apart, 1 1 202, as a dashed door number (the spaces were dropped: 11202, a home of its own)
_STREET_HOUSE = re.compile(r"^(.*?[路街巷道])第?([0-9]{1,4})[号#]?$")
FORMAL_NUMERALS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰", "一二二三三四五六六七八九十百")
# survey.door_number_look_alikes: a letter typed for the digit it looks like, beside digits or a 栋/单元 (6栋2单元4O1,
# 8栋1单元10l, 5〇1, 36栋l单元301), and characters no one sees (a zero-width space, a variation selector, a Hangul
# filler): a hundred-and-fiftieth trial's volunteer typed forms twice so, each copy a home of its own, exit 0, nothing
# said. Letters beside other letters stay (Block A)
_ALIKE = "OoIlОоΟοІ|〇丨ǀЗ"
_LOOK_ALIKE = re.compile(f"(?<=[0-9栋幢元])[{_ALIKE}]+(?![A-Za-z])|(?<![A-Za-z])[{_ALIKE}]+(?=[0-9栋幢单])")
_LOOK_ALIKE_DIGITS = str.maketrans(_ALIKE, "00110000110113")
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# survey.door_number_separators: a building, unit and room typed apart by a slash, a dot or a comma (4/3/501, 5.3.302,
# 4，3，301: NFKC makes a full-width one ASCII), as the dashes are (trial 183's homes counted twice beside 4栋3单元501)
_SEPARATED = re.compile(r"^([0-9]{1,3})[/.,、。]([0-9]{1,2})[/.,、。]([0-9]{1,4})$")
# survey.door_number_basements: a floor below ground keeps its sign, 5栋-1层, 5栋负一层, 5栋地下1层 and 5栋地下室 are 5栋负1层 (a
# hundred-and-fifty-second trial's basement 5栋-1层 was read as 5栋1层, the first floor, and one of two homes set aside)
_BASEMENT = re.compile(r"(?:(?<=[栋幢座元楼号])|^)(?:-|负|地下)([0-9]{1,2}|[一二三])[层楼]|(?<=[栋幢座元楼号\-])负"
                       r"([0-9]{1,2}|[一二三])[层楼]|(?<=[栋幢座元\-])地下室$")
_DASHED_BASEMENT = re.compile(r"^([0-9]{1,3})-([0-9]{1,2})-(?=负)")       # 6-1-负一层: building 6, unit 1


def _unseen_dropped(text: str) -> str:
    """The text without the characters no one sees (format characters, combining marks, blank letters)."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Mn", "Me") and c not in _BLANK_LETTERS)


_HUNDREDS = re.compile(r"([一二两三四五六七八九])百(零[一二三四五六七八九]|[一二三四五六七八九]?十[一二三四五六七八九]?)?"
                       r"(?![零〇一二两三四五六七八九十百])")


def _numeral(text: str) -> str:
    """七 -> 7, 十二 -> 12, 二十 -> 20, 二十三 -> 23 (building and unit numbers); other forms as written."""
    if "十" not in text:
        return "".join(str(_DIGITS[c]) for c in text)
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return text
    return str((_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0))


def _hundreds(match: re.Match) -> str:
    """'一百零二' -> '102', '两百二十' -> '220', '一百一十五' and '一百十五' -> '115', '三百' -> '300'."""
    rest = (match[2] or "").lstrip("零")
    return str(_DIGITS[match[1]] * 100 + (int(_numeral(rest)) if rest else 0))


def _number(text: str) -> str:
    """'09' -> '9', '二十一' -> '21': a number however written (Chinese numerals up to 九十九)."""
    return str(int(text)) if text.isdigit() else _numeral(text)


def _room(floor: str, flat: str) -> str | None:
    """The room number of a floor and a flat as the building's doors say it: 12 and 01 are 1201, 3 and 1
    301; 12 and 1201 (the floor said twice) 1201; None where the two do not make one (12 and 305)."""
    if len(flat) <= 2:
        return f"{int(floor)}{int(flat):02d}"
    return str(int(flat)) if flat.startswith(floor) and len(flat) == len(floor) + 2 else None


def _by_floor(text: str) -> str:
    """'3栋2单元12楼01' -> '3栋2单元1201', '12号楼3层01' -> '12号楼301', '3-2-12-01' and '3栋2单元12-01' ->
    '3栋2单元1201', '12栋2门1503' -> '12栋2单元1503', 'A1203' -> 'A座1203', '十二号楼三零一' (its building
    already in digits) -> '12号楼301'; other text as it is."""
    if dashed := _DASHED_FLOOR.match(text):
        room = _room(dashed[3], dashed[4])
        return f"{int(dashed[1])}栋{int(dashed[2])}单元{room}" if room else text
    if letter := _LETTER_BUILDING.match(text):
        return f"{letter[1].upper()}座{letter[2]}"
    text = _GATE.sub(r"\1单元", text)
    for form in (_FLOOR_FLAT, _UNIT_FLOOR_DASHED):
        if (floor := form.match(text)) and (room := _room(floor[2], floor[3])):
            return floor[1] + room
    return _SPOKEN_AFTER_BUILDING.sub(lambda m: "".join(str(_DIGITS[c]) for c in m[1]), text)


def _lane(text: str) -> str:
    """'7弄5号301', '七弄五号三零一', '7弄5-301' -> '7弄5号301'; '12弄21号', '12弄二十一' -> '12弄21'; a place
    before the lane stays (荷塘路7弄5号301); other text (7弄5号3楼) as it is."""
    lane = _LANE.match(text)
    if lane is None or (lane[1] and lane[1][-1].isdigit()):
        return text
    place, number, house, room = lane[1], _number(lane[2]), _number(lane[3]), lane[4]
    if not (number.isdigit() and house.isdigit()):
        return text
    room = room and (str(int(room)) if room.isdigit() else "".join(str(_DIGITS[c]) for c in room))
    return f"{place}{number}弄{house}号{room}" if room else f"{place}{number}弄{house}"


def _house(text: str) -> str:
    """'十二号院三户' -> '12号院3户', '12号附1' and '7弄12-1号' -> '12号之1', '7弄12号之1', '15号门面' -> '门面15',
    'B座602号' -> 'B座602'; a lane's house and room (_lane) once 室 is gone."""
    text = _HOUSE_NUMERALS.sub(lambda m: _numeral(m[1] or m[2]), text)
    text = _LANE_SUB_DASHED.sub(lambda m: f"{m[1]}号之{int(m[2])}", text)
    text = _SUB_NUMBER.sub(lambda m: f"{int(m[1])}号之{int(m[2])}", text)
    if shop := _SHOP.match(text):
        return f"门面{int(shop[1] or shop[2])}"
    return _SEAT_ROOM_NUMBERED.sub(r"\1", text)


def _rooms(text: str) -> str:
    """A building and room only, a room read out digit by digit, a village home by its group: '5-302' -> '5栋302'."""
    text = _SPOKEN_ROOM.sub(lambda m: "".join(str(_DIGITS[c]) for c in m[1]), text)
    text = _TWO_PARTS.sub(lambda m: f"{int(m[1])}栋{int(m[2])}", text)
    pair = _DASHED_PAIR.match(text)
    text = f"{int(pair[1])}栋{int(pair[2])}" if pair else text
    return _VILLAGE.sub(lambda m: f"{_number(m[1])}{m[2]}{_number(m[3])}", text)


def normalized_household(value: object, dashes: bool = False, variants: bool = False, suffixes: bool = False,
                         rooms: bool = False, floors: bool = False, houses: bool = False, numerals: bool = False,
                         streets: bool = False, look_alikes: bool = False, basements: bool = False,
                         room_parts: bool = False, separators: bool = False, yards: bool = False,
                         spaced_places: bool = False, gates: bool = False) -> str | None:
    """One household, however it was typed: '3幢2单元301室', '3号楼 2单元 301', '３栋2单元301' -> '3栋2单元301' (NFKC,
    no spaces, 幢/号楼/号 before a 单元 read as 栋, no trailing 室); with `dashes` (policy survey.door_number_dashes)
    '3-2-301' too, building-unit-room as residents shorten it; with `variants` (survey.door_number_variants) also
    '7栋1-101', '7#1-101', '七栋一单元101', '7座1单元101', '07-01-101' and '7—1—101'; with `suffixes`
    (survey.door_number_suffixes) also a room written with 号 or 户 after it ('5栋1单元1201号', '6-1-301号',
    '1栋1单元201户') and 幢 or 号楼 before a dashed unit and room ('6幢2-502'); with `rooms` (survey.door_number_rooms)
    a building and room only, '5号楼302室', '5-302', '5座302' -> '5栋302', and a room read out digit by digit,
    '十栋一单元二零一' -> '10栋1单元201', and a village home by its group and number, '王庄六组二十一号', '王庄6组21号'
    -> '王庄6组21'; with `floors` (survey.door_number_floors) a room by floor and flat, '3栋2单元12楼01', '3-2-12-01' ->
    '3栋2单元1201'; with `houses` (survey.door_number_houses) an old town's lane, house and room, '七弄五号三零一室',
    '7弄5-301' -> '7弄5号301', '12弄21号' -> '12弄21', a house's sub-number, '12号附1', '十二号之一' -> '12号之1'
    ('7弄12-1号' in a lane), '十二号院三户' -> '12号院3户', '15号门面' -> '门面15', 'B座602号' -> 'B座602'; `numerals`:
    '叁组拾伍号' as '三组十五号', '一百零二号' as '102号'; `streets`: '梧桐路18', '梧桐路第18号', '梧桐路18#' -> '梧桐路18号',
    numbers a space apart as dashed, '1 1 202' -> '1-1-202'; `look_alikes`: a letter beside a digit, a 栋 or a 单元 as
    the digit it looks like ('4O1', '10l', '5〇1' as '401', '101', '501'), invisible characters dropped, a room's digits
    a space apart glued; `basements`: '5栋-1层', '5栋负一层' -> '5栋负1层'; `room_parts`: '401-2' -> '401号之2';
    `separators`: '4/3/501', '5.3.302', '4，3，301' -> '4-3-501'; `yards`: '槐树胡同15' -> '槐树胡同15号', '15号' -> '15',
    '12号东屋' -> '12号院东屋', '底商5号' -> '门面5'; `gates`: '5号楼1门三零二', '五号楼一门三零二' -> '5栋1单元302' (each
    the policy's survey.door_number_<name>)."""
    text = normalized_cell(value)
    if text is not None and look_alikes:
        text = _LOOK_ALIKE.sub(lambda m: m[0].translate(_LOOK_ALIKE_DIGITS), _unseen_dropped(text)) or None
    if text is None:
        return None
    text = _SPACES.sub("", spaced_numbers(text, streets, look_alikes, spaced_places))
    text = _SEPARATED.sub(r"\1-\2-\3", text) if separators else text
    if basements:        # before a dash is a separator; 地下室 alone is the first floor below ground
        text = _DASHED_BASEMENT.sub(r"\1栋\2单元", _BASEMENT.sub(lambda m: f"负{_number(m[1] or m[2] or '1')}层", text))
    text = rented_rooms(text) if room_parts else text     # before 之 is read and a floor's flat (401-2)
    text = _HUNDREDS.sub(_hundreds, text.translate(FORMAL_NUMERALS)) if numerals else text
    text = _house(text) if houses else text        # before the suffixes read 12-1号 as a room
    text = _STREET_HOUSE.sub(lambda m: f"{m[1]}{int(m[2])}号", text) if streets else text   # before 20# is 栋
    text = yard_homes(text) if yards else text     # before the suffixes read 12号's 号 as a room's
    if gates:          # before the suffixes read 1门302号's 号 (trial 291's re-check)
        text = _GATE_SPOKEN.sub(lambda m: f"{m[1] if m[1].isdigit() else _numeral(m[1])}单元", text)
    if suffixes:
        text = _ROOM_SUFFIX.sub(r"\1", text)
        text = _BUILDING_DASHED.sub(r"\1栋", text)
    text = text[:-1] if text.endswith("室") and len(text) > 1 else text     # before the variants: 5栋1-502室
    text = _lane(text) if houses else text         # before the variants read 七弄五号's 五号 as a building
    if variants:
        text = _NUMERAL_PLACE.sub(lambda m: _numeral(m[1]), _DASH_LIKE.sub("-", text))
        text = _SEAT.sub(r"\1栋", text).replace("栋-", "栋").replace("单元-", "单元")
        unit = _UNIT_DASHED.match(text)
        text = f"{unit[1]}栋{unit[2]}单元{unit[3]}" if unit else text
    text = _by_floor(text) if floors else text
    text = _BUILDING.sub(r"\1栋", text)
    short = _DASHED.match(text) if dashes or variants else None
    text = f"{short[1]}栋{short[2]}单元{short[3]}" if short else text
    text = _rooms(text) if rooms else text
    door = _DOOR.match(text) if variants else None          # 07栋01单元0101: the numbers, not how they were padded
    return f"{int(door[1])}栋{int(door[2])}单元{int(door[3])}" if door else text


# a door number after its compound (the household is '<compound> <door>'), as Excel wrote the date
# it made of it: 2012-01-03 (an .xlsx date cell), 2012/1/3 (a CSV Excel saved), with its midnight;
# 3月12日 and 12-Mar (3-12 in a Chinese or an English Excel, the year not shown)
_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
DOOR_DATE = (r"(^| )((19|20)[0-9][0-9][-/.年][0-9][0-9]?[-/.月][0-9][0-9]?日?|[0-9][0-9]?/[0-9][0-9]?/(19|20)[0-9][0-9]"
              rf"|[0-9][0-9]?月[0-9][0-9]?日|[0-9][0-9]?-({_MONTHS})|({_MONTHS})-[0-9][0-9]?)"
              r"(0?0[:]00([:]00)?)?$")      # [:]: to SQLAlchemy, a colon before a digit starts a parameter
