"""An old neighbourhood's homes as residents and volunteers type them (survey.door_number_yards, policy 2027.22), read
after transforms/door_numbers.py's house rules: pure functions. A hundred-and-ninety-first trial's 槐树社区 (a 胡同's
houses, a 大杂院's rooms, shops under the flats) counted one home twice or three times, nothing said: 槐树胡同十五号
beside 槐树胡同15, 12号东屋 beside 槐树胡同12号院东屋, and 底商5号, 底商5 and 5号底商 (W06 1449.60 for 1417.76)."""
from __future__ import annotations

import re

# a 胡同's house by its number, as a street's (梧桐路18): 槐树胡同15, 槐树胡同第15号 and 槐树胡同15# are 槐树胡同15号
_HUTONG_HOUSE = re.compile(r"^(.*?胡同)第?([0-9]{1,4})[号#]?$")
# a house's number alone, with its 号 or without (the compound's name typed before it and read off: 15号 beside 15)
_HOUSE_ALONE = re.compile(r"^([0-9]{1,4})号$")
# a room of a yard (东屋, 西厢房, 正房, 倒座房) after its house with 院 or without: 12号东屋, 12院东屋 are 12号院东屋
_YARD_ROOM = re.compile(r"^(.*?)([0-9]{1,4})号?院?((?:[东西南北](?:屋|房|厢房?)|正房|倒座房?|耳房))$")
# a shop under the flats (底商, 底铺) by its number, as a shop front's (门面15): 底商5, 底商5号, 5号底商 are 门面5
_GROUND_SHOP = re.compile(r"^(?:(?:底商|底铺)([0-9]{1,4})号?|([0-9]{1,4})号?(?:底商|底铺))$")


def yard_homes(text: str) -> str:
    """'槐树胡同15' -> '槐树胡同15号', '15号' -> '15' (as a lane's
    house, 12弄21), '12号东屋' -> '12号院东屋', '底商5号' and '5号底商' -> '门面5';
    other text as it is. Two households of one yard typing only the yard's number (12号) stay one home: nothing
    in the text tells them apart (the run names a complaint so lost, expectations/answer_doubts.py)."""
    if shop := _GROUND_SHOP.match(text):
        return f"门面{int(shop[1] or shop[2])}"
    if room := _YARD_ROOM.match(text):
        return f"{room[1]}{int(room[2])}号院{room[3]}"
    text = _HUTONG_HOUSE.sub(lambda m: f"{m[1]}{int(m[2])}号", text)
    return _HOUSE_ALONE.sub(r"\1", text)
