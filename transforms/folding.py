"""Text as people mean it: NFKC folds what an input method or a spreadsheet typed in another form
to one form (full-width digits '１３９' to '139', full-width letters and spaces, the circled and
compatibility forms), so that a cell, a phone number and a question header are compared by what
they say. Every fold of gridpay's goes through here."""
from __future__ import annotations

import re
import unicodedata


def folded(value: object) -> str:
    """str(value), NFKC-folded (not trimmed: callers decide what whitespace means)."""
    return unicodedata.normalize("NFKC", str(value))


def visible(text: str, keep: str = "") -> str:
    """Text with its invisible characters named (<U+200B>): a zero-width space or a right-to-left mark makes two
    values look alike in a message ('QF1' and 'QF1<U+200B>': a seventy-eighth trial read "did you mean 'QF1'" of
    'QF1'). Spaces of any width are shown as they are; `keep`: more characters so (a console's line ends)."""
    return "".join(c if c.isprintable() or c in keep or unicodedata.category(c) == "Zs" else f"<U+{ord(c):04X}>"
                   for c in text)


def unseen_dropped(text: str) -> str:
    """Text without the characters visible() names (a zero-width space, a word joiner, a direction mark), trimmed."""
    return "".join(c for c in text if c.isprintable() or unicodedata.category(c) == "Zs").strip()


# the dots a name is written with between its parts (买买提·艾力): keyboards, fonts and Excel give each of these, and
# a name typed with one reads as another's; a full stop between two digits (3.1) is a number's, and stays
_NAME_DOTS = re.compile("[\u00b7\u0387\u2022\u2027\u2219\u22c5\u2e31\u30fb\uff65\uff0e]|(?<!\\d)\\.|\\.(?!\\d)")
NAME_DOTS_SQL = "[ \u00b7\u0387\u2022\u2027\u2219\u22c5\u2e31\u30fb\uff65\uff0e.]"   # the same in RE2, spaces too


def dots_dropped(text: str) -> str:
    """Text without the dots between a name's parts, however typed: 古丽娜尔・吐尔逊, 古丽娜尔•吐尔逊 and 古丽娜尔吐尔逊 are
    one text (trial 233's form option retyped with another dot mid-month was no grid's, four answers set aside)."""
    return _NAME_DOTS.sub("", text)


def _chinese(text: str) -> int:
    return sum("\u4e00" <= c <= "\u9fff" for c in text)


def utf8_misread(text: str) -> str | None:
    """What a text garbled by a wrong encoding says, where it is one: UTF-8 bytes read as GBK ('缈犵?瑰洯缃戞牸' is
    '翠竹园网格' with two characters lost to '?'); None for text as typed. Its GBK bytes read back as UTF-8 give Chinese
    again: a real text's do so for hardly a character (none of the seed's 192 phrases; 189 of their 191 garblings)."""
    if _chinese(text) < 3:
        return None
    back = text.encode("gbk", "replace").decode("utf-8", "replace")
    # a character lost on the way ('?', or what UTF-8 cannot read) shown as one '?'
    return re.sub("[\ufffd?]+", "?", back) if _chinese(back) >= 2 and _chinese(back) >= 0.4 * _chinese(text) else None
