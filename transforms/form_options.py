"""What a platform download's answer words say about its form (expectations/form_options.py says why): given
(file, item, word, point read, answers), the words read otherwise than the form means them. Pure, so that the
run's gate (over the stage) and `gridpay inspect` (over one file, before a run) judge alike."""
from __future__ import annotations

import re
from dataclasses import dataclass

from gridpay.transforms.folding import visible
from gridpay.transforms.parsing import LIKERT_WORDS, cleaned_answer, normalized_cell

UNREAD_ANSWERS = 2      # answers (item cells) of a word not read, before it is the form's: one is a cell edited by hand
RENAMED = 10            # answers (item cells) of each of two words one after the other, every question's, before they
                        # are an option renamed: two residents' five answers each are one after the other by chance
NO_ENDS = 20            # answers to a question saying 满意, in a download none of whose answers is at either end, before
                        # its form is taken for one of three options (满意/基本满意/不满意: trial 170, 满意 read as 4)
_NUMBER = re.compile(r"^\d+$")


@dataclass(frozen=True)
class FormDoubt:
    file: str
    items: tuple[str, ...]   # the questions (item columns) whose answers show it
    words: tuple[str, ...]
    point: str | None        # the point they are read as (one_point, scale); None: read as no point (unread)
    rows: int
    kind: str                # unread | one_point | scale
    scale_max: int = 5

    def __str__(self) -> str:
        shown = " and ".join(f"'{visible(w)}'" for w in self.words)   # 满意 and a zero-width space: trial 67
        where = f"{len(self.items)} questions" if len(self.items) > 2 else " and ".join(self.items)
        rows = f"{self.rows} answer{'s' if self.rows != 1 else ''}"
        if self.kind == "unread":
            return f"{shown} is no answer gridpay reads ({where}, {rows})"
        if self.kind == "one_point":
            return f"{shown} are both read as {self.point} ({where}, {rows})"
        if self.kind == "typed_one_point":
            return f"{shown} are both read as {self.point}, none of its words at {self.scale_max} ({where}, {rows})"
        if self.kind in ("no_ends", "typed_no_ends"):      # a typed sheet's points typed as digits are no words
            answers = "words" if self.kind == "typed_no_ends" else "answers"
            return (f"{shown} is read as {self.point} and none of the file's {answers} is at {self.scale_max} or at the "
                    f"scale's bottom ({where}, {rows}): a form of three options (满意/基本满意/不满意) has 满意 its top; if "
                    f"it offers all five, give 满意 its 4 in [survey.answer_words] and run again")
        if self.kind == "typed_few_ends":                 # said, not stopped: too few answers to tell the form
            return (f"{shown} is read as {self.point} and none of the sheet's words is at {self.scale_max} or at the "
                    f"scale's bottom ({where}, {rows}): too few to tell its paper form; if the form offers three options "
                    f"(满意/一般/不满意), 满意 is its top: give the form's words their points in [survey.answer_words] and "
                    f"its options in survey.form_words, and run again; if it offers five, nothing is wrong")
        if self.kind == "renamed":
            return (f"{shown} are both read as {self.point}, each given only after the one before it was last given "
                    f"({where}, {rows}): the form's option renamed in the month, read as one point")
        return f"{shown} read as {self.point} of the policy's 1-{self.scale_max} scale ({where}, {rows})"




def form_word_doubts(rows: list[tuple[str, str, str, str | None, int]], scale_min: int, scale_max: int,
                     answer_words: dict[str, str], cleaned: bool = False,
                     spans: dict[tuple[str, str, str], tuple] | None = None) -> list[FormDoubt]:
    """The doubts of platform downloads' answer words, given as (file, item, word, point read, answers), one per
    file, kind and words, with their questions; `cleaned` (survey.answer_text_cleaned): words compared as read,
    without a fill-in box's text (each resident's own reason is not a word of the form's). `spans`: (file, item,
    word) -> (first, last) time given; words of one point given one after the other are an option renamed in the
    month (kind "renamed"): trial 117's 满意 until the 15th and 比较满意 after stopped the month as a misread form."""
    points = {str(p) for p in range(scale_min, scale_max + 1)}
    found: dict[tuple, tuple[list[str], int]] = {}
    by_point: dict[tuple[str, str, str], dict[str, int]] = {}

    def add(file: str, item: str, words: tuple[str, ...], point: str | None, n: int, kind: str) -> None:
        items, total = found.get((file, kind, words, point), ([], 0))
        found[(file, kind, words, point)] = (items + [item] if item not in items else items, total + n)

    given: dict[tuple[str, str], int] = {}        # a word's answers in a file, every question's
    for file, item, typed, point, n in rows:
        word = (cleaned_answer(normalized_cell(typed) or typed, answer_words) or typed) if cleaned else typed
        given[(file, word)] = given.get((file, word), 0) + n
        if point is None:
            continue                     # a "no opinion" word the policy reads as blank
        if point not in points:           # by the text it reads as: 其他〖…〗 in each resident's words is one 其他
            add(file, item, (point,), None, n, "unread")     # kept below UNREAD_ANSWERS in all: invalid, said
        elif not _NUMBER.match(word):
            words = by_point.setdefault((file, item, point), {})
            words[word] = words.get(word, 0) + n
            if scale_max != 5 and word in LIKERT_WORDS and word not in answer_words:
                add(file, item, (word,), point, n, "scale")
    ends = _ends(rows, scale_min, scale_max, spans)
    for (file, item, point), words in by_point.items():
        if len(words) > 1:
            renamed = spans is not None and all(given.get((file, w), 0) >= RENAMED for w in words) and \
                _one_after_another([_pooled(spans, file, w) for w in words]) and _ends_before(ends, file, spans, words)
            add(file, item, tuple(words), point, sum(words.values()), "renamed" if renamed else "one_point")
    for file, item, point, n in [] if "满意" in answer_words else _no_ends(rows, ends):
        add(file, item, ("满意",), point, n, "no_ends")
    return sorted((FormDoubt(file, tuple(items), words, point, n, kind, scale_max)
                   for (file, kind, words, point), (items, n) in found.items()
                   if kind != "unread" or n >= UNREAD_ANSWERS),
                  key=lambda d: (d.file, d.kind, d.point or "", d.words))


def _one_after_another(spans: list[tuple | None]) -> bool:
    """Is each (first, last) wholly after another's last, so that no two were given in the same days?"""
    if any(span is None or None in span for span in spans):
        return False
    ordered = sorted(spans)
    return all(before[1] < after[0] for before, after in zip(ordered, ordered[1:]))


def _pooled(spans: dict, file: str, word: str) -> tuple | None:
    """(first, last) a word was given in a file, over every question (an edit renames an option in all at once)."""
    found = [span for (f, _, w), span in spans.items() if f == file and w == word and span and None not in span]
    return (min(a for a, _ in found), max(b for _, b in found)) if found else None


def _ends(rows: list[tuple], scale_min: int, scale_max: int, spans: dict | None) -> dict[str, object]:
    """file -> the first time an answer at either end of the scale was given (None: never; True: given, no times)."""
    ends: dict[str, object] = {}
    for file, item, typed, point, n in rows:
        ends.setdefault(file, None)
        if point in (str(scale_min), str(scale_max)) and n:
            span = (spans or {}).get((file, item, typed))
            first = span[0] if span and None not in span else True
            seen = ends[file]
            ends[file] = first if seen is None or seen is True else seen if first is True else min(seen, first)
    return ends


def _ends_before(ends: dict[str, object], file: str, spans: dict, words: dict[str, int]) -> bool:
    """Was an answer at an end of the scale given before the first word's last? An option renamed keeps the form's
    other options; a form of three options replaced by one of five (trial 170's November: 满意 its top until the
    12th, 比较满意 after) has none before, and its two 4s are two points."""
    first = ends.get(file)
    if first is None:
        return False
    earliest = min((_pooled(spans, file, w) for w in words), key=lambda span: span or (), default=None)
    return first is True or earliest is None or first <= earliest[1]


def _no_ends(rows: list[tuple], ends: dict[str, object]) -> list[tuple[str, str, str, int]]:
    """(file, question, point, answers) saying 满意 in each download none of whose answers is at either end."""
    said: dict[tuple[str, str, str], int] = {}
    for file, item, typed, point, n in rows:
        if ends.get(file) is None and typed == "满意" and point is not None:
            said[(file, item, point)] = said.get((file, item, point), 0) + n
    files = {f for (f, _, _), n in said.items() if n >= NO_ENDS}     # residents' answers to one question
    return [(f, i, p, n) for (f, i, p), n in said.items() if f in files]


def typed_ladder_doubts(rows: list[tuple[str, str, str, str | None, int]], scale_min: int, scale_max: int,
                        answer_words: dict[str, str]) -> list[FormDoubt]:
    """The doubts of sheets typed by hand, given as form_word_doubts' rows, judged on the words gridpay reads (非常满意 ...
    不满意, the policy's answer words), never on points typed as digits or a resident's own words (不满意，楼道脏): two of
    them read as one point in one question of a file none of whose words is at the scale's top (typed_one_point), or a
    file of three words or more none of which is at either end, NO_ENDS or more saying 满意 (typed_no_ends: a form of
    three options; fewer, typed_few_ends, which the run says and does not stop on). A typist copies the paper form's
    ticked options: trial 300's form offered 满意/比较满意/一般/不太满意/不满意, 满意 its top read as 4 beside 比较满意,
    不满意 its bottom as 2 (W01 1597.68 for 1689.12, exit 0); its re-check's
    满意/一般/不满意 (W01 1597.68 for 1654.56), and one 满意 typed as 5 turning the check off, published so too."""
    known = {w for w in (*LIKERT_WORDS, *answer_words) if not re.search(r"\d", w)}     # 4分 is a point, not an option
    worded = [(file, item, word, point, n) for file, item, typed, point, n in rows
              if point is not None and n and (word := normalized_cell(typed)) in known]
    topped = {file for file, _, _, point, _ in worded if point == str(scale_max)}
    ends = topped | {file for file, _, _, point, _ in worded if point == str(scale_min)}
    words: dict[tuple[str, str, str], dict[str, int]] = {}
    satisfied: dict[str, dict[tuple[str, str], int]] = {}
    for file, item, word, point, n in worded:
        if file not in topped:
            found = words.setdefault((file, item, point), {})
            found[word] = found.get(word, 0) + n
        if file not in ends and word == "满意" and "满意" not in answer_words:
            said = satisfied.setdefault(file, {})
            said[(item, point)] = said.get((item, point), 0) + n
    doubts: dict[tuple[str, str, tuple[str, ...], str], tuple[list[str], int]] = {}
    for (file, item, point), found in words.items():
        if len(found) > 1:
            items, total = doubts.get((file, "typed_one_point", tuple(found), point), ([], 0))
            doubts[(file, "typed_one_point", tuple(found), point)] = (items + [item], total + sum(found.values()))
    pairs = {file for file, _, _, _ in doubts}         # a file of two words of one point: said so, not twice
    # ... and three words at least (满意, 一般, 不满意): a sheet of 满意 alone shows no form of three options
    ladders = {file for file in satisfied if len({w for f, _, w, _, _ in worded if f == file}) >= 3}
    for file, said in satisfied.items():
        # fewer than NO_ENDS: a form of five nobody ticked at an end is as likely, so said (typed_few_ends), not stopped
        kind = "typed_no_ends" if sum(said.values()) >= NO_ENDS else "typed_few_ends"
        for (item, point), n in said.items() if file in ladders - pairs else ():
            items, total = doubts.get((file, kind, ("满意",), point), ([], 0))
            doubts[(file, kind, ("满意",), point)] = (items + [item], total + n)
    return sorted((FormDoubt(file, tuple(items), words_, point, n, kind, scale_max)
                   for (file, kind, words_, point), (items, n) in doubts.items()),
                  key=lambda d: (d.file, d.kind, d.point, d.words))
