"""The residents' notice (公示), one per community each month: what came of their judgement. Each
grid's satisfaction score, counted answers and response rate, how many dissatisfied answers went
on the callback list, the month and the policy version; while the appeal window is open its dates
and whom to contact, and once the month is final how many answers of each grid HR's review took out
(经复核不计入). It goes on the notice board, so it holds
no pay, no comment and nothing of a household (tests/cli/test_notice.py scans it)."""
from __future__ import annotations

from pathlib import Path

from gridpay.publishing.file_names import community_file_names
from gridpay.publishing.republication import community_window
from gridpay.reports.render import flags_short, pdf_page_count, report_html
from gridpay.reports.strings import labels
from gridpay.transforms.folding import folded

# the review flags are for the district's attention (the HR scorecard); residents see the counts
HR_ONLY = ("appeals_high", "verification_failed")
NO_WINDOW = {"start": "", "end": "", "open": False, "final": False, "contact": "", "not_counted": {}}
ONE_PAGE = 12           # output format from which a notice that would run onto a second page is laid out dense
BY_ID = 19              # ... from which its callbacks are counted by grid id: trial 121's two communities' 第一网格
                        # gave one community's five callbacks to the other's notice
POOLED_COUNT = 25       # ... from which a pooled grid's note gives the answers and months its score rests on (trial
                        # 173's notice read 52.93 beside 4 answers, the score resting on 14 of three months)
DENSER = 33             # ... from which one still over a page is set smaller again (trial 285: 19 grids, 3 thin)
# in the page itself, not base.css, so that notices of earlier formats render again as they were published
DENSER_STYLE = ("<style>body.notice.dense h1 { font-size: 17pt; margin-bottom: 2pt; } "
                "body.notice.dense th, body.notice.dense td { font-size: 10pt; padding: 1.5pt 4pt; line-height: 1.25; } "
                "body.notice.dense p, body.notice.dense p.lead { font-size: 10pt; margin: 3pt 0; line-height: 1.35; } "
                "body.notice.dense h2 { font-size: 12pt; margin: 6pt 0 3pt 0; } body.notice.dense .meta { font-size: 9pt; } "
                "body.notice.dense td:last-child { font-size: 8.5pt; }</style>")


def notice_pages(grids: list[dict], callbacks: list[dict], run: dict, lang: str, policy=None,
                 quarantine: list[dict] = ()) -> dict[str, str]:
    """{file name: HTML} for each community of the month's grids; from output format 4 on, how a score is
    made says the policy's items (a thirty-fifth trial's notice said five questions averaged, its policy
    four, 总体 counted twice)."""
    output_format = run.get("output_format") or 1
    how = how_items(policy, labels(lang), output_format) if policy is not None and output_format >= 4 else ""
    # from output format 8, what else keeps an answer out (a fifty-fifth trial's residents were not told)
    out = (not_counted_rules(policy, labels(lang), bool((run.get("window") or {}).get("moved")))
           if how and output_format >= 8 else "")
    community_of = {g["grid_name"]: g["community"] for g in grids}
    community_by_id = {g["grid_id"]: g["community"] for g in grids}
    file_names = community_file_names(g["community"] for g in grids)
    window = run.get("window") or NO_WINDOW       # the 公示 window (publishing/review_data.py)
    pages = {}
    for community in sorted(file_names):
        rows = [{"grid_name": g["grid_name"], "score": g["adjusted_score"], "responses": g["responses"],
                 "response_rate_pct": g["response_rate_pct"], "households": g.get("households"),
                 "note": pooled_note(g, labels(lang), output_format, flags_short(
                     ";".join(f for f in g["flags"].split(";") if f not in HR_ONLY), lang,
                     # a grid paid at neutral: its score moved no pay (trial 93's resident read it did)
                     "notice_flag_" if output_format >= 15 else "short_flag_")),
                 "not_counted": window.get("not_counted", {}).get(g["grid_id"], 0)}
                for g in grids if g["community"] == community]
        called = (sum(1 for c in callbacks if community_by_id.get(c["grid_id"]) == community) if output_format >= BY_ID
                  else sum(1 for c in callbacks if community_of.get(c["grid_name"]) == community))
        own = community_window(window, {g["grid_id"] for g in grids if g["community"] == community}, set())
        pages[file_names[community]] = report_html(
            "notice.html.j2", lang, community=community, grids=rows, callbacks=called,
            callback_words=callback_words(policy, labels(lang), output_format) if policy is not None else "",
            month=run["month"], policy_version=run["policy_version"], empty_month=run["empty_month"],
            window=own, output_format=output_format, how_items=how, not_counted=out, several=len(file_names) > 1,
            gridless=gridless_answers(quarantine) if output_format >= POOLED_COUNT and len(file_names) == 1 else 0)
    return pages


def gridless_answers(quarantine: list[dict]) -> int:
    """Answers set aside naming no grid (不清楚, 其他, blank, a name grids.csv lacks): a community's own alone can be
    counted on its notice (trial 177's resident, her neighbour's 其他〖3栋〗 said nowhere she reads)."""
    return sum(q["count"] for q in quarantine if {"blank:grid_id", "unknown_grid"} & set(q["code"].split(";")))


def pooled_note(grid: dict, words: dict, output_format: int, note: str) -> str:
    """The grid's note, '合并近月评分' followed by '（2026-09至2026-11共14份答卷）' for a grid scored on pooled months
    from output format 25."""
    months = [m for m in (grid.get("window_months") or "").split(",") if m]
    pooled = words["short_flag_pooled"]
    if (output_format < POOLED_COUNT or "pooled" not in grid["flags"].split(";") or len(months) < 2
            or not grid.get("window_responses") or pooled not in note):
        return note
    return note.replace(pooled, pooled + words["notice_pooled_25"].format(
        first=min(months), last=max(months), n=grid["window_responses"]), 1)


def callback_words(policy, words: dict, output_format: int) -> str:
    """The answers the callback list takes, in words, where they are not 不满意 and 非常不满意 (output format 19): trial
    129's policy put 基本满意 on the list too, and its notice told residents of 42 不满意 answers (33 were 基本满意).
    '' where the policy's line is the default (2 on 1-5), the wording every month before said."""
    at, low, high = policy.callback_at_or_below, policy.scale_min, policy.scale_max
    if own := _form_points(policy, output_format):     # format 28: the form's own words (trial 215's re-check)
        named = [words["callbacks_quoted"].format(word=w) for w, p in own if p <= at]
        return named[0] if len(named) == 1 else words["callbacks_joiner"].join(named[:-1]) + words["callbacks_or"] + named[-1]
    if output_format < 19 or (at, low, high) == (2, 1, 5):
        return ""
    if (low, high) != (1, 5):
        return words["callbacks_points"].format(at=at)
    named = [words["callbacks_quoted"].format(word=words[f"answer_{p}"]) for p in range(at, 0, -1)]
    return named[0] if len(named) == 1 else words["callbacks_joiner"].join(named[:-1]) + words["callbacks_or"] + named[-1]


POINTS = 32     # the output format from which a callback's answer on a scale other than 1-5 is its points


def callback_answer(answer: int, policy, words: dict, output_format: int) -> str:
    """A callback's answer as the scorecard prints it: its word on the 1-5 scale, its points on another (output format
    32: trial 283's 0-10 form stopped the render on a 0, no word for it, and printed 1 and 2 as 非常不满意 and 不满意)."""
    if output_format >= POINTS and (policy.scale_min, policy.scale_max) != (1, 5):
        return words["answer_points"].format(n=answer)
    return words.get(f"answer_{answer}", str(answer))


def how_items(policy, words: dict, output_format: int = 23) -> str:
    """'每份问卷4个题目（总体按2倍计），非常满意=100、...，取加权平均。': the policy's items as residents read them; from
    output format 24 the answer words as the policy reads them where it gives one of the five another point (trial
    170's three-option form, 满意 = 5: its notice said 满意=75); from format 28 the form's own (survey.form_words: trial
    215's notice named 非常满意 ... to residents whose form asked 很满意 ...)."""
    weights = {i: policy.item_weights.get(i, 1) for i in policy.items}
    heavier = [words["notice_how_weight"].format(item=item_label(i, policy, words), w=f"{w:g}")
               for i, w in weights.items() if w != 1]
    equal = len(set(weights.values())) == 1
    five = (policy.scale_min, policy.scale_max) == (1, 5)
    own, low, high = _form_points(policy, output_format), policy.scale_min, policy.scale_max
    points = ("、".join(f"{w}={100 * (p - low) // (high - low)}" for w, p in own) if own else
              _points_as_read(policy) if five and output_format >= 24 and _words_moved(policy) else
              words["notice_how_points"] if five else
              words["notice_how_scale"].format(low=policy.scale_min, high=policy.scale_max))
    return words["notice_how_items"].format(
        n=len(policy.items), points=points, mean=words["notice_how_mean" if equal else "notice_how_weighted"],
        weights=words["notice_how_weights"].format(items=words["notice_how_joiner"].join(heavier)) if heavier and not equal
        else "")


_FIVE = ("非常满意", "满意", "基本满意", "不满意", "非常不满意")      # the words notice_how_points names


def _form_points(policy, output_format: int) -> list[tuple[str, int]]:
    """(word, the point it is read as) of the policy's survey.form_words from output format 28, where they are not
    the shipped five (whose wording the labels give); [] otherwise."""
    from gridpay.transforms.parsing import LIKERT_WORDS
    if output_format < 28 or policy.form_words in ((), _FIVE):
        return []
    read = {**LIKERT_WORDS, **policy.answer_words}
    return [(w, int(read[folded(w).strip()])) for w in policy.form_words]


def _words_moved(policy) -> bool:
    read = [str(policy.answer_words.get(w, p)) for w, p in zip(_FIVE, "54321")]
    return read != list("54321") and all(r in "12345" and len(r) == 1 for r in read)


def _points_as_read(policy) -> str:
    """'非常满意、满意=100、基本满意=50、不满意、非常不满意=0': the five words by the point the policy reads each as."""
    read = {w: int(str(policy.answer_words.get(w, p))) for w, p in zip(_FIVE, "54321")}
    points = sorted(set(read.values()), reverse=True)
    return "、".join("、".join(w for w in _FIVE if read[w] == p) + f"={(p - 1) * 25}" for p in points)


def not_counted_rules(policy, words: dict, moved: bool = False) -> str:
    """'以下答卷也不计入：用时不到本月答卷中位用时33%的；经回访核实...；申诉经复核成立的。': the exclusions
    the notice's other lines do not name (one household, one voice and a worker's own answers are)."""
    rules = [words["notice_out_speeder"].format(share=f"{policy.integrity.speeder_fraction:.0%}")
             ] if policy.integrity.speeder == "exclude" else []
    rules += [words["notice_out_calls"], words["notice_out_appeals_moved" if moved else "notice_out_appeals"]]
    return words["notice_out"].format(rules=words["notice_out_joiner"].join(rules))


def item_label(item: str, policy, words: dict) -> str:
    """An item as the form asks it: its label, or the question the policy reads it by where it has no label."""
    return words.get(f"item_{item}") or policy.questions.get(item) or item


def one_page_notice(html: str, fonts: dict[str, str] | None, output_format: int) -> str:
    """The notice, laid out dense where it would run onto a second page: from output format 12 (trial 82's
    corrected, finalized notice of five grids put its footer alone on page 2; dense was for over 12 grids)."""
    plain, dense_body = '<body class="notice">', '<body class="notice dense">'
    if output_format < ONE_PAGE or (pages := pdf_page_count(html, fonts)) <= 1:
        return html
    dense = html.replace(plain, dense_body, 1)      # a notice of over 12 grids is written dense by its template
    if output_format < DENSER or dense_body not in dense or "</head>" not in dense or (
            pages if dense == html else pdf_page_count(dense, fonts)) <= 1:
        return dense
    return dense.replace("</head>", DENSER_STYLE + "</head>", 1)


def notice_paths(folder: Path, name: str) -> tuple[Path, Path]:
    return folder / "notice" / f"{name}.html", folder / "notice" / f"{name}.pdf"
