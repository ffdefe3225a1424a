"""The grids a mistyped grid name most likely means (a typo in grids.csv or in the form's options).
difflib from the standard library: a community has a few dozen names, no need for rapidfuzz."""
from __future__ import annotations

import re
from difflib import SequenceMatcher


def closest_grids(value: str, grids: dict[str, str], cutoff: float = 0.6) -> tuple[str, ...]:
    """'老街片区网络' -> ('老街片区网格 (G05)',): the grids whose name or id reads most like `value`,
    best first; only those as close as the best (within 0.05), so that a one-character typo is not
    offered beside a grid that merely shares the community's words."""
    return tuple(label for label, _ in similar_grids(value, grids, cutoff))


def closest_grid_ids(value: str, grids: dict[str, str], cutoff: float = 0.6) -> tuple[str, ...]:
    """The ids of closest_grids, in its order."""
    return tuple(dict.fromkeys(gid for _, gid in similar_grids(value, grids, cutoff)))


def bare_compound(name: str) -> str:
    """丽都家园小区 -> 丽都家园: a trailing 小区 or 社区 is how a compound is written, not its name
    (a name of two characters or fewer keeps it)."""
    return name[:-2] if len(name) > 2 and name.endswith(("小区", "社区")) else name


def same_compound(name: str, value: str) -> bool:
    """Whether two texts name one compound: spaces and a trailing 小区 or 社区 do not count."""
    return bare_compound("".join(name.split())) == bare_compound("".join(value.split()))


def grids_of_compound(value: str, grids: dict[str, str], compounds: dict[str, tuple[str, ...]]
                      ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(labels, ids) of the grids whose listed compounds `value` names: a volunteer writing the
    compound (滨河花园, 老街社区 for 老街) where the grid goes. Spaces and a trailing 小区 or 社区 do
    not count. Empty when no grid lists it; two or more when grids share the compound."""
    found = {gid: name for gid, names in compounds.items() for name in names if same_compound(name, value)}
    labels = tuple(f"{grids.get(gid) or gid} ({gid}), whose compound is {name}" for gid, name in found.items())
    return labels, tuple(found)


# Chinese numerals read as digits when comparing: '新河小区3网格' is 新河小区三网格, not 新河小区二网格
_NUMERALS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# ... and a grid's number with 十 or 百 as its value (十一网格 is 11, not 十1: trial 222 was offered 第1网格 for it),
# where it numbers the grid only: 十里铺, 百花 are places, and stay words
_GRID_NUMBER = re.compile("[〇零一二三四五六七八九十百]+(?=号?网格)|(?<=网格)[〇零一二三四五六七八九十百]+$")


def _value(numeral: str) -> str:
    """二十三 -> '23', 十 -> '10', 一百零五 -> '105'; without 十 or 百 digit by digit (一二 -> '12')."""
    if "十" not in numeral and "百" not in numeral:
        return numeral.translate(_NUMERALS)
    total = current = 0
    for char in numeral:
        if char in "十百":
            total, current = total + (current or 1) * (10 if char == "十" else 100), 0
        else:
            current = int(char.translate(_NUMERALS))
    return str(total + current)


# a letter typed for the digit it looks like, beside a digit (l1网格 is 11网格: trial 294 was offered 1网格 for it,
# and an 11网格 resident's answer would have paid 1网格's worker)
_LOOK_ALIKE = re.compile(r"(?<=\d)[lI|Oo]|[lI|Oo](?=\d)")


def as_digits(name: str) -> str:
    """A grid name with its numerals as digits: 第十一网格 -> 第11网格, 百花一网格 -> 百花1网格, l1网格 -> 11网格."""
    digits = _GRID_NUMBER.sub(lambda m: _value(m.group()), name).translate(_NUMERALS)
    return _LOOK_ALIKE.sub(lambda m: "0" if m.group() in "Oo" else "1", digits)


def likeness(value: str, name: str) -> float:
    """How alike two grid names read (0-1), a Chinese numeral as its digit."""
    return SequenceMatcher(None, as_digits(value), as_digits(name)).ratio()


def grid_numbers(text: str) -> list[int]:
    """The numbers a name carries, numerals as digits: 第二网格 [2], 十一网格 [11], G04 [4]."""
    return [int(n) for n in re.findall(r"\d+", as_digits(text))]


def numbers_differ(value: str, name: str) -> bool:
    """Whether two grid names both carry a number and the numbers differ: 网格二 is not 第一网格 (trial 141's clerk took
    the first of '第一网格 (CH01)' or '第二网格 (CH02)', alike by 网格 alone, and CH02's answers paid CH01's worker)."""
    a, b = grid_numbers(value), grid_numbers(name)
    return bool(a and b and a != b)


def _letters(text: str) -> frozenset[str]:
    """The Latin letters a name carries, a zone's (金水湾B区网格: B), in either case."""
    return frozenset(c.upper() for c in text if c.isascii() and c.isalpha())


def same_letters(value: str, name: str) -> bool:
    """Both carry letters and they are the same: 金水湾B区网络 is 金水湾B区网格's, not 金水湾A区网格's (trial 163's typo was
    offered all four zones' grids as equals)."""
    return bool(_letters(value)) and _letters(value) == _letters(name)


def same_number(value: str, name: str) -> bool:
    """Both carry one number and it is the same (网格二, 第二网格): the likeness counts it (their 网格 alone is 0.57)."""
    a = grid_numbers(value)
    return bool(a) and a == grid_numbers(name)


# a worker's name a form's option carries after the grid's (第二网格（古丽娜尔·吐尔逊）): trial 233's option retyped with
# another dot was offered no grid (0.5 alike to 第二网格), and its answers were set aside below the gate unsaid
_NAMED_AFTER = re.compile(r"\s*[（(][^（()）]*[)）]\s*$")


def similar_grids(value: str, grids: dict[str, str], cutoff: float = 0.6) -> list[tuple[str, str]]:
    """closest_grids' (label, grid_id) pairs: a grid may be offered by its name and by its id; a name in brackets
    after the grid's is not compared."""
    value = _NAMED_AFTER.sub("", value) or value
    labels = {**{name: (f"{name} ({gid})", gid) for gid, name in grids.items() if name},
              **{gid: (f"{gid} ({name})", gid) for gid, name in grids.items()}}
    names = {name for name in grids.values() if name}
    scored = sorted(((likeness(value, text) + (0.1 if same_number(value, text) else 0), text) for text in labels
                     if (text not in names or stems_alike(value, text)) and not numbers_differ(value, text)), reverse=True)
    best = scored[0][0] if scored else 0
    return list(dict.fromkeys(labels[text] for ratio, text in scored
                              if ratio >= cutoff and ratio >= best - 0.05))[:3]


def grid_in_brackets(value: str, grids: dict[str, str]) -> tuple[str, ...]:
    """The grid (labels) a form's option names in brackets after a worker's name, 赵敏（一网格）: trial 305's form asked
    for the worker, and its unknown names were told to be corrected, or added as new grids. Where the brackets name
    several grids' numbers (王芳（三/五网格）, a worker of two grids), the grid of each number."""
    found = _NAMED_AFTER.search(value)
    inner = found.group().strip(" （()）") if found else ""
    if not inner.endswith("网格") or inner == value.strip(" （()）"):
        return ()
    if len(numbers := sorted(set(grid_numbers(inner)))) > 1:
        return tuple(label for n in numbers for label, _ in similar_grids(f"{n}网格", grids)[:1])
    return tuple(label for label, _ in similar_grids(inner, grids))


# the words a grid's name ends in: 一网格, 第3网格, 网格
_GRID_ENDING = re.compile(r"(第?[〇零一二三四五六七八九十百0-9]+号?)?网格$")


def stems_alike(value: str, name: str) -> bool:
    """Whether two grid names are alike before the words every grid's name ends in: 桃源一网格 is not
    金桂一网格 (an eighty-sixth trial's neighbour's grid name was offered as 金桂一网格's, 0.6 alike by
    the 一网格 they share; made its alias as offered, its answers were paid to our worker); 金贵一网格 may be."""
    a, b = _GRID_ENDING.sub("", value), _GRID_ENDING.sub("", name)
    return not a or not b or likeness(a, b) >= 0.5


def compounds_read_alike(a: str, b: str) -> bool:
    """Two compound names one of which may be the other typed short or with one wrong character: 湖滨二期 and
    湖滨花园二期 (the shorter's characters in order within the longer), 湖宾花园 and 湖滨花园 (one character
    apart). Not two phases or numbers (湖滨花园一期, 湖滨花园二期; 1区, 2区): those are compounds of their own."""
    short, long = sorted((a.translate(_NUMERALS), b.translate(_NUMERALS)), key=len)
    if short == long or len(short) < 2:
        return False
    if len(short) == len(long):
        apart = [(x, y) for x, y in zip(short, long) if x != y]
        return len(apart) == 1 and not (apart[0][0].isdigit() and apart[0][1].isdigit())
    rest = iter(long)
    return all(char in rest for char in short) and not any(c.isdigit() for c in long if c not in short)


def numbers_written_apart(a: str, b: str) -> bool:
    """One compound name with its number written two ways: 阳光家园1期, 阳光家园一期."""
    return a != b and a.translate(_NUMERALS) == b.translate(_NUMERALS)


def names_one_compound_maybe(a: str, b: str) -> bool:
    """Two compound names that read alike (compounds_read_alike), or with a number written two ways, or one the
    start of the other (阳光家园, 阳光家园二期: a phase's residents leaving its phase out), so that a door answered
    under both may be one home (trial 166)."""
    short, long = sorted((a, b), key=len)
    return a != b and (compounds_read_alike(a, b) or numbers_written_apart(a, b)
                       or (len(short) >= 2 and long.startswith(short) and not short[:2].isdigit()))


_COMMUNITY_WORDS = ("社区居委会", "居委会", "村委会", "社区")


def bare_community(name: str) -> str:
    """天井湖社区 -> 天井湖: the words a community's name ends in (社区, 居委会), not its name."""
    word = next((w for w in _COMMUNITY_WORDS if name.endswith(w)), "")
    return name[:-len(word)] if word and len(name) - len(word) >= 2 else name


def communities_alike(names) -> list[tuple[str, str]]:
    """Pairs of community names that are one name with and without its 社区 (天井湖社区, 天井湖): one community
    typed two ways in grids.csv, which would get two scorecards and two residents' notices."""
    names = sorted({n for n in names if n})
    return [(a, b) for i, a in enumerate(names) for b in names[i + 1:] if bare_community(a) == bare_community(b)]


def community_in_name(file_name: str, communities: set[str]) -> str | None:
    """The community of grids.csv whose whole name a survey file's path holds (a platform names a download
    after its form: 283746519_2_天井湖社区网格员满意度测评_66_66.xlsx is 天井湖社区's); None where none does, or
    two do alike (a longer name holding a shorter one wins: 五松新村社区 over 新村社区). Never the name without its
    社区: a forty-second trial's sheet named for the compound 五松西村 (天井湖社区's) was read as 五松社区's; nor a
    name of two characters, which a compound's or a street's name holds as easily (a forty-fourth trial's
    grids.csv wrote 五松 for 五松社区, and the same sheet went to 五松)."""
    held = [c for c in communities if len(c) >= 3 and c in file_name]
    best = [c for c in held if len(c) == max(map(len, held))]
    return best[0] if len(best) == 1 else None
