"""A platform download's answers read otherwise than its form means them (ingest/answer_words.py keeps each
download's answer words). A download's answers are its form's options, so each doubt below is the form's, on
every row that chose that option, never a resident's typing:
- a word gridpay does not read (极不满意 for 非常不满意), or a number off the scale (a 1-10 question): the rows
  that chose it count nowhere, all at one end of the scale (a sixty-fifth trial's unhappiest residents);
- two words of one question read as one point (满意 and 比较满意, both 4): a form whose options are not the
  five gridpay reads, 满意 its top (that trial: every worker's pay lowered, exit 0);
- the five words on a policy scoring 1-10 (survey.scale_max): 非常满意 read as 5 of 10.
- a download none of whose answers is at either end of the scale, many saying 满意: a form of three options
  (满意/基本满意/不满意), 满意 its top read as 4 (trial 170: five workers 227 to 433 yuan short, exit 0, after the
  warning below); HR giving 满意 a point in [survey.answer_words] (its 4 where the form offers five) reads it so.
Said, not stopped: one question whose many answers say 满意 and none the scale's top, the file's others at an end."""
from __future__ import annotations

import logging
from pathlib import Path

from gridpay.core.table_rows import has_column
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.form_options import FormDoubt, form_word_doubts, typed_ladder_doubts

log = logging.getLogger("gridpay")
TOP_ANSWERS = 20        # answers to one question saying 满意, in a download with none at the scale's top, to be said


def form_doubts(workdir: Path, scale_min: int, scale_max: int, answer_words: dict[str, str],
                cleaned: bool = False) -> list[FormDoubt]:
    """The doubts of each platform download's answer words in the stage (transforms/form_options.py); an option
    renamed in the month (its words given one after the other) is said, not a doubt."""
    doubts = form_word_doubts(_answer_words(workdir), scale_min, scale_max, answer_words, cleaned, _spans(workdir))
    for doubt in (d for d in doubts if d.kind == "renamed"):
        log.warning("%s: %s", doubt.file, doubt, extra={"notice": "form_edited"})   # pipeline/run_notices.headed
    return [d for d in doubts if d.kind != "renamed"]


def typed_form_doubts(workdir: Path, scale_min: int, scale_max: int, answer_words: dict[str, str]) -> list[FormDoubt]:
    """The doubts of the stage's sheets typed by hand (transforms/form_options.typed_ladder_doubts)."""
    with stage_connection(workdir) as con:
        if not _staged(con, "typed_answer_words"):
            return []
        rows = con.execute("select source_file, item, word, point, rows from typed_answer_words "
                           "order by source_file, item, point, word").fetchall()
    doubts = typed_ladder_doubts(rows, scale_min, scale_max, answer_words)
    for doubt in (d for d in doubts if d.kind == "typed_few_ends"):     # a small sheet: said on the scorecard
        log.warning("%s: %s", doubt.file, doubt, extra={"notice": "form_options"})
    return [d for d in doubts if d.kind != "typed_few_ends"]


def typed_words(workdir: Path, file: str) -> list[tuple[str, str | None, int]]:
    """(word, point read or None, answers) of a typed sheet's item answers, the most answered first."""
    with stage_connection(workdir) as con:
        return con.execute("select word, point, sum(rows)::integer as n from typed_answer_words where source_file = ? "
                           "group by word, point order by n desc, word", [file]).fetchall()


def _spans(workdir: Path) -> dict[tuple[str, str, str], tuple]:
    with stage_connection(workdir) as con:
        if not _staged(con) or not has_column(con, "answer_words", "first_at"):
            return {}
        return {(f, i, w): (a, b) for f, i, w, a, b in con.execute(
            "select source_file, item, word, first_at, last_at from answer_words").fetchall()}


def _staged(con, table: str = "answer_words") -> bool:
    """Does the stage hold the answer words (a stage of a build before them does not)?"""
    return bool(con.execute("select count(*) from duckdb_tables() where table_name = ?", [table]).fetchone()[0])


def _answer_words(workdir: Path) -> list[tuple[str, str, str, str | None, int]]:
    with stage_connection(workdir) as con:
        if not _staged(con):
            return []
        return con.execute("select source_file, item, word, point, rows from answer_words "
                           "order by source_file, item, point, word").fetchall()


def top_never_chosen(workdir: Path, scale_max: int) -> list[tuple[str, str, int]]:
    """(file, question, its answers saying 满意) of each platform download's question with TOP_ANSWERS or more such
    and none at the top (a sixty-sixth trial's 4 residents' 26 item answers were said; a sixty-seventh trial's form
    asked 总体 alone with three options, and the file's other questions hid it)."""
    with stage_connection(workdir) as con:
        if not _staged(con):
            return []
        return con.execute("""
            select source_file, item, sum(rows) filter (where word = '满意')::integer as satisfied from answer_words
            group by source_file, item
            having count(*) filter (where point = ?) = 0 and satisfied >= ? order by source_file, item""",
                           [str(scale_max), TOP_ANSWERS]).fetchall()


QUESTION_EDGE = 20      # answers of a file before a question's first answer (or after its last) for it to be said


def questions_added_or_dropped(workdir: Path) -> list[tuple[str, str, str, str, int]]:
    """(file, question, 'added' or 'dropped', the first or last time it was answered, the file's answers before or
    after) of each platform download's question first answered after QUESTION_EDGE answers or more of the file had
    been given without it (a question added to the form in the month), or last answered with as many given after it
    (dropped). Trial 262's 环境卫生 was added on 11-16: 108 of 217 answers scored on four items, said nowhere."""
    with stage_connection(workdir) as con:
        if not _staged(con) or not has_column(con, "answer_words", "first_at"):
            return []
        return con.execute("""
            with q as (select source_file, item, min(first_at) as first_at, max(last_at) as last_at,
                              sum(rows) as answered
                       from answer_words where point is not null group by all),
                 edges as (
                     select q.source_file, q.item, q.first_at, q.last_at, q.answered,
                            count(*) filter (where s.submitted_at_ts between q.first_at and q.last_at) as asked,
                            count(*) filter (where s.submitted_at_ts < q.first_at)::integer as before,
                            count(*) filter (where s.submitted_at_ts > q.last_at)::integer as after
                     from q join surveys s using (source_file) group by all)
            -- ... and answered by most answers while it was asked: an optional question most skip is no edit
            select source_file, item, 'added', strftime(first_at, '%Y-%m-%d %H:%M'), before from edges
            where before >= ? and answered * 2 >= asked union all
            select source_file, item, 'dropped', strftime(last_at, '%Y-%m-%d %H:%M'), after from edges
            where after >= ? and answered * 2 >= asked order by 1, 2, 3""", [QUESTION_EDGE, QUESTION_EDGE]).fetchall()
