"""A platform download's answer words read otherwise than its form means them, at the gate: the finding
(expectations/form_options.py) and the stop's line."""
from __future__ import annotations

import logging
import re

from gridpay.core.wording import listed
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed

log = logging.getLogger("gridpay")


def form_doubts(ctx: RunContext) -> list:
    """A platform download's answer words read otherwise than its form means them (expectations/form_options.py),
    asked where the policy stops on them; a question whose many 满意 answers have none at the top is said."""
    from gridpay.expectations.form_options import form_doubts as found, top_never_chosen
    p = ctx.policy
    doubts = found(ctx.workdir, p.scale_min, p.scale_max, p.answer_words, p.answer_text_cleaned)
    if p.outcome.typed_form_answers:        # a paper form's options as a typist copied them (policy 2027.35)
        from gridpay.expectations.form_options import typed_form_doubts
        doubts += typed_form_doubts(ctx.workdir, p.scale_min, p.scale_max, p.answer_words)
    say_questions_edited(ctx)
    for file, item, satisfied in [] if doubts else top_never_chosen(ctx.workdir, p.scale_max):
        log.warning("%s: %d answers to %s say 满意 and none %d, the scale's top (非常满意): if the question's options are "
                    "满意/基本满意/不满意 (满意 its top), each 满意 is read as 4, not %d: give the form's words their "
                    "points in the policy's [survey.answer_words] and run again; if no resident chose 非常满意, nothing "
                    "is wrong", file, satisfied, item, p.scale_max, p.scale_max, extra=headed("form_options"))
    return doubts


_LETTERED = re.compile(r"\s*[A-Za-z]{1,2}\s*[.．、]\s*\S")


def layout_of(ctx: RunContext, file: str) -> str:
    from gridpay.ingest.survey_stage import stage_connection
    with stage_connection(ctx.workdir) as con:
        row = con.execute("select layout from platform_files where source_file = ?", [file]).fetchone()
    return row[0] if row else "platform"


def form_doubts_message(ctx: RunContext, found: list) -> str:
    typed = [d for d in found if d.kind.startswith("typed_")]
    downloads = [d for d in found if not d.kind.startswith("typed_")]
    return " ".join(([_downloads_message(ctx, downloads)] if downloads else []) +
                    ([typed_doubts_message(ctx, typed)] if typed else []))


def typed_doubts_message(ctx: RunContext, found: list) -> str:
    """The stop for typed sheets' options misread (policy gate.typed_form_answers), with the first file's words as read:
    trial 300's re-check typed 较不满意, which the advice's example left out, and 13 of 24 rows were lost."""
    from gridpay.expectations.form_options import typed_words
    files = {d.file: [str(x) for x in found if x.file == d.file] for d in found}
    said = "; ".join(f"{file}: {listed(doubts, 4)}" for file, doubts in files.items())
    words = ", ".join(f"{w} {p if p and p.isdigit() else '(skipped)' if p is None else '(not read: invalid)'}"
                      for w, p, _ in typed_words(ctx.workdir, found[0].file)[:10])
    return (f"{ctx.month}: a sheet typed by hand is not read as its paper form means its options: {said}. A typist copies "
            f"the options the residents ticked, so every such row would be paid on a misread form; nothing published. "
            f"{found[0].file}'s words as read: {words}. Give each of the form's words the point it means in the policy's "
            f"[survey.answer_words] (a form of 满意/比较满意/一般/不太满意/不满意: 满意 = 5, 比较满意 = 4, 一般 = 3, "
            f"不太满意 = 2, 不满意 = 1; of 满意/一般/不满意: 满意 = 5, 一般 = 3, 不满意 = 1) and its options, top first, in "
            f"survey.form_words (the 公示 names them), under a new policy version (docs/troubleshooting.md), and run "
            f"again. If the words are the residents' own and mean one point (比较满意 said for 满意 at the door, the "
            f"form's top 非常满意), set gate.typed_form_answers = false in the policy, with a new version, for this month")


def _downloads_message(ctx: RunContext, found: list) -> str:
    files = {d.file: [str(x) for x in found if x.file == d.file] for d in found}
    said = "; ".join(f"{file}: {listed(doubts, 4)}" for file, doubts in files.items())
    # numbers where the form's words go ('-2') are a damaged file or a codes export, not the form's words (trial 75)
    codes = [w for d in found if d.kind == "unread" for w in d.words if re.fullmatch(r"-?\d+(\.\d+)?", w.strip())]
    # ... or a form that scores its questions 0-10 (trial 203's, changed in the month: its text export was told to
    # download again as text, and scale_min/scale_max not named)
    above = [c for c in codes if float(c) > ctx.policy.scale_max]
    scored = (f"where the form scores its questions in numbers (up to {max(above, key=float)} read here; its question "
              f"says where the scale starts, 0 or 1), set "
              f"survey.scale_min and survey.scale_max to the form's scale and give its words their points on it, "
              f"under a new policy version (docs/troubleshooting.md, a form that scores in numbers); " if above else "")
    again = (f"'{codes[0]}' is a number where the form's words go: {scored}a damaged download or a codes export (按序号) "
             f"is downloaded again, as text (按选项文本; docs/troubleshooting.md). Else: " if codes else "")
    # an option's letter kept (A.非常满意): the file was read by a layout that strips none (trial 96: 金数据's for a
    # download of another platform's), which answer words would not put right
    lettered = [(d.file, w) for d in found if d.kind == "unread" for w in d.words if _LETTERED.match(w)]
    again = again or (f"'{lettered[0][1]}' keeps its option's letter: {lettered[0][0]} was read as a "
                      f"{layout_of(ctx, lettered[0][0])} download, whose layout strips no letter; if it is another "
                      f"platform's (腾讯问卷 letters its options), its headers are not that platform's as the policy's "
                      f"survey.platforms names them (`gridpay inspect` shows them; docs/platforms.md). Else: "
                      if lettered else "")
    return (f"{ctx.month}: answers of a platform download are not read as its form means them: {said}. A "
            f"download's answers are its form's options, each chosen on every such row, so the month would be paid on "
            f"a misread form; nothing published. {again}Give each of the form's words the point it means in the policy's "
            f"[survey.answer_words] (比较满意 = 4, 极不满意 = 1; a \"no opinion\" option: 说不好 = \"blank\", its item "
            f"skipped; a new policy version: docs/troubleshooting.md), or ask with the options of gridpay questionnaire, "
            f"and run again (policy gate.form_answers).{_edited(found)}")


def _edited(found: list) -> str:
    """Two words of one point given in the same days: a form edited in the month looks so when some residents answered
    on the page they had open (trial 193's 一般 after the edit made it 基本满意), which the gate cannot tell from a
    misread form; its answer words said right change nothing, so the stop says what does."""
    if not any(d.kind == "one_point" for d in found):
        return ""
    return (" If the form was edited in the month and an option reworded (一般 to 基本满意), some residents answering on "
            "the old page after the edit, the two words are one point and each is read right: then check that every "
            "word has its point, set gate.form_answers = \"unchecked\" in the policy with a new version for this month, "
            "run again, and set it back after (docs/troubleshooting.md, 'A question reworded in the middle of the month')")


def say_questions_edited(ctx: RunContext) -> None:
    """A question added to a platform's form in the month, or dropped: the answers without it are scored on the other
    items (a blank is not applicable), said so HR knows half a month's answers rest on fewer questions (trial 262).
    Not in an audit, which replays the month as published."""
    from gridpay.expectations.form_options import questions_added_or_dropped
    if ctx.request.replay is not None:
        return
    for file, item, edit, at, n in questions_added_or_dropped(ctx.workdir):
        question = ctx.policy.questions.get(item, item)
        log.warning("%s: the question %s ('%s') was first answered at %s, %d answers of the file before it having none: "
                    "a question added to the form in the month; those answers are scored on the other questions (a "
                    "blank is not applicable). If the question must not count this month, take it out of "
                    "survey.items (and [survey.item_weights]) under a new policy version" if edit == "added" else
                    "%s: the question %s ('%s') was last answered at %s, %d answers of the file after it having none: "
                    "a question dropped from the form in the month; those answers are scored on the other questions",
                    file, item, question, at, n, extra=headed("form_edited"))
