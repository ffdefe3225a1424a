"""Numbers typed where no form meant them: a phone or an ID card typed as the door (hidden, told apart by its keyed
hash), as an answer's id (refused), in a file's name (masked where shown)."""
from __future__ import annotations

import hashlib
import hmac
import re

from gridpay.transforms.folding import folded
from gridpay.transforms.privacy import _ID_IN_TEXT, _MOBILE_ANY_WAY, _MOBILE_IN_TEXT, masked_numbers

_ID_CARD = re.compile(r"(?<![0-9A-Za-z])\d{6}(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])")
_AREA_LANDLINE = re.compile(r"(?<![\d.])\(?(0\d{2,3})\)?[-\s.]?(\d{3,4})[-\s.]?(\d{4})(?![\d.#])")   # a door's: area code


# a mobile typed after the door with a space the door's reading took out (2栋1单元301 13812345608 read as
# 2栋1单元30113812345608: trial 259 found it in clear in the warehouse, callbacks.csv and the scorecard)
_GLUED_MOBILE = re.compile(r"(?<=\d)([1１][3-9３-９]\d)(\d{4})(\d{4})(?![\d.])")
# ... and a landline with its area code so (3栋1单元102 0592-5551235 read as 3栋1单元1020592-5551235: its re-check)
_GLUED_LANDLINE = re.compile(r"(?<=\d)(0\d{2,3})[-\s]?(\d{3,4})[-\s]?(\d{4})(?![\d.#])")


def hidden_numbers(text: str | None, key: bytes, any_way: bool = False, glued: bool = False) -> str | None:
    """An identifier (a door number) with each mobile or ID number in it masked and told apart by its keyed hash:
    手机13912340001 -> 手机139****0001#5f0c2a. A resident who types a phone or an ID card as the door keeps one
    household per number, and the number itself reaches no table (a hundred-and-fifty-seventh trial found them in
    clear in the warehouse's raw_surveys). With `any_way` (output format 23) a mobile written with +86, spaces or
    hyphens and a landline with its area code are hidden too, each hashed by its digits alone: trial 162's
    `+86 139-1234-5678` stayed in clear and counted as a second home beside `13912345678`."""
    def tagged(match: re.Match) -> str:
        return f"{masked_numbers(match.group(0))}#{_tag(match.group(0), key)}"
    if text is None:
        return None
    if not any_way:         # output format 22, as its months were read
        return _MOBILE_IN_TEXT.sub(tagged, _ID_IN_TEXT.sub(tagged, str(text)))

    def mobile(m: re.Match) -> str:
        digits = folded(m.group(1) + m.group(2) + m.group(3))
        return f"{digits[:3]}****{digits[-4:]}#{_tag(digits, key)}"

    def landline(m: re.Match) -> str:
        return f"{m.group(1)}-****{m.group(3)}#{_tag(folded(''.join(m.groups())), key)}"
    hidden = _AREA_LANDLINE.sub(landline, _MOBILE_ANY_WAY.sub(mobile, _ID_IN_TEXT.sub(tagged, str(text))))
    return _GLUED_LANDLINE.sub(landline, _GLUED_MOBILE.sub(mobile, hidden)) if glued else hidden   # from format 30


def masked_any_way(text: str | None) -> str | None:
    """Text shown with each number hidden_numbers(any_way=True) hides masked, untagged (`gridpay inspect`'s rows:
    trial 162's door 0556-5512345 and a file named 张阿姨13987654321补录.xlsx printed in clear)."""
    if text is None:
        return None
    masked = _MOBILE_ANY_WAY.sub(lambda m: f"{m.group(1)}****{m.group(3)}", masked_numbers(text))
    masked = _AREA_LANDLINE.sub(lambda m: f"{m.group(1)}-****{m.group(3)}", masked)
    masked = _GLUED_MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", masked)
    return _GLUED_LANDLINE.sub(lambda m: f"{m.group(1)}-****{m.group(3)}", masked)


def person_number(text: str | None) -> str | None:
    """The text masked if it holds a mobile (any way written) or an ID card's number (with a birth date in it: a
    system's 18-digit serial is none), else None: what an answer's id must not be."""
    if text is None or not (_MOBILE_ANY_WAY.search(text) or _ID_CARD.search(text)):
        return None
    return masked_any_way(text)


def _tag(number: str, key: bytes) -> str:
    return hmac.new(key, number.encode(), hashlib.sha256).hexdigest()[:6]
