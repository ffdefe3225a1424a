"""A platform download's answers read otherwise than its form means them (ingest/answer_words.py keeps each
download's answer words). A download's answers are its form's options, so each doubt below is the form's, on
every row that chose that option, never a resident's typing:
- a word gridpay does not read (极不满意 for 非常不满意), or a number off the scale (a 1-10 question): the rows
  that chose it count nowhere, all at one end of the scale (a sixty-fifth trial's unhappiest residents);
- two words of one question read as one point (满意 and 比较满意, both 4): a form whose options are not the
  five gridpay reads, 满意 its top (that trial: every worker's pay lowered, exit 0);
- the five words on a policy scoring 1-10 (survey.scale_max): 非常满意 read as 5 of 10.
Said, not stopped: a download whose many answers say 满意 and none the scale's top, as a three-option form
(满意/基本满意/不满意) gives; a five-option form whose residents never chose 非常满意 looks the same."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.parsing import LIKERT_WORDS

TOP_ANSWERS = 20        # answers to one question saying 满意, in a download with none at the scale's top, to be said
UNREAD_ANSWERS = 2      # answers (item cells) of a word not read, before it is the form's: one is a cell edited by hand
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
        shown = " and ".join(f"'{w}'" for w in self.words)
        where = f"{len(self.items)} questions" if len(self.items) > 2 else " and ".join(self.items)
        rows = f"{self.rows} answer{'s' if self.rows != 1 else ''}"
        if self.kind == "unread":
            return f"{shown} is no answer gridpay reads ({where}, {rows})"
        if self.kind == "one_point":
            return f"{shown} are both read as {self.point} ({where}, {rows})"
        return f"{shown} read as {self.point} of the policy's 1-{self.scale_max} scale ({where}, {rows})"


def form_doubts(workdir: Path, scale_min: int, scale_max: int, answer_words: dict[str, str]) -> list[FormDoubt]:
    """The doubts of each platform download's answer words, one per file, kind and words, with their questions."""
    rows = _answer_words(workdir)
    points = {str(p) for p in range(scale_min, scale_max + 1)}
    found: dict[tuple, tuple[list[str], int]] = {}
    by_point: dict[tuple[str, str, str], list[tuple[str, int]]] = {}

    def add(file: str, item: str, words: tuple[str, ...], point: str | None, n: int, kind: str) -> None:
        items, total = found.get((file, kind, words, point), ([], 0))
        found[(file, kind, words, point)] = (items + [item] if item not in items else items, total + n)

    for file, item, word, point, n in rows:
        if point is None:
            continue                     # a "no opinion" word the policy reads as blank
        if point not in points:
            add(file, item, (word,), None, n, "unread")     # kept below UNREAD_ANSWERS in all: invalid, said
        elif not _NUMBER.match(word):
            by_point.setdefault((file, item, point), []).append((word, n))
            if scale_max != 5 and word in LIKERT_WORDS and word not in answer_words:
                add(file, item, (word,), point, n, "scale")
    for (file, item, point), words in by_point.items():
        if len(words) > 1:
            add(file, item, tuple(w for w, _ in words), point, sum(n for _, n in words), "one_point")
    return sorted((FormDoubt(file, tuple(items), words, point, n, kind, scale_max)
                   for (file, kind, words, point), (items, n) in found.items()
                   if kind != "unread" or n >= UNREAD_ANSWERS),
                  key=lambda d: (d.file, d.kind, d.point or "", d.words))


def _answer_words(workdir: Path) -> list[tuple[str, str, str, str | None, int]]:
    with stage_connection(workdir) as con:
        if not con.execute("select count(*) from duckdb_tables() where table_name = 'answer_words'").fetchone()[0]:
            return []
        return con.execute("select source_file, item, word, point, rows from answer_words "
                           "order by source_file, item, point, word").fetchall()


def top_never_chosen(workdir: Path, scale_max: int) -> list[tuple[str, int]]:
    """(file, most answers to one question saying 满意) of each platform download with TOP_ANSWERS or more such and
    none at the top (a sixty-sixth trial's 4 residents' 26 item answers were said)."""
    with stage_connection(workdir) as con:
        if not con.execute("select count(*) from duckdb_tables() where table_name = 'answer_words'").fetchone()[0]:
            return []
        return con.execute("""
            select source_file, max(rows) filter (where word = '满意')::integer as satisfied from answer_words
            group by source_file
            having count(*) filter (where point = ?) = 0 and satisfied >= ? order by source_file""",
                           [str(scale_max), TOP_ANSWERS]).fetchall()
