"""Report step: render one run's HR scorecard, one scorecard per worker and one residents' notice per community (HTML
and PDF) into the staging folder. The figures come from publishing/report_data.py; the look from reports/."""
from __future__ import annotations

import json
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import duckdb

from gridpay.core.progress import progress
from gridpay.publishing import earlier_months, report_data as data, review_data as cycle
from gridpay.publishing.communities import community_checks, community_parts
from gridpay.publishing.worker_interval import workers_with_interval
from gridpay.publishing.worker_contexts import worker_contexts
from gridpay.publishing.notice import callback_answer, callback_words, notice_pages, notice_paths, one_page_notice
from gridpay.publishing.adjustment_lines import with_adjustment_lines
from gridpay.publishing.worker_pages import render_worker_page, render_worker_pages, submit_worker_pages, worker_pages_in_order  # noqa: F401,E501 (the first two: their home before)
from gridpay.publishing.verification import VERIFY_COLUMNS, VERIFY_ORDER, VERIFY_SQL, verify_params
from gridpay.publishing.percent import ratio
from gridpay.publishing.republication import community_window
from gridpay.publishing.grid_flags import with_grid_flags
from gridpay.publishing.outputs import csv_from_query, output_format_of, previous_totals, write_file
from gridpay.reports.charts import grid_ranking_figure, items_figure, svg_data_uri, trend_figure
from gridpay.reports.fonts import subset_fonts
from gridpay.reports.render import flags_text, pdf_bytes, reason_text, report_charset, report_html, unlinked
from gridpay.reports.strings import labels
from gridpay.transforms.policy import Policy
from gridpay.transforms.stats import z_value


PARALLEL_FROM = 40   # worker scorecards; below this, rendering in-process is faster
PARALLEL_COMMUNITIES = 3   # community scorecards of a district, each a few pages: from 3, a pool pays
CALLBACKS_IN_SCORECARD, REVIEW_IN_SCORECARD = 300, 100   # a city's month can have thousands: all in callbacks.csv, review.csv
RANKING_ENDS = 10     # a ranking chart of more than 20 grids: their 10 lowest and 10 highest (one page)
UNLINKED_FROM = 30      # the output format from which the district scorecard's PDF links to no file (reports/render.py)
DISTRICT_LINE = 19      # the output format from which one community's scorecard names the run's line as every
                        # community's of the run (trial 121's new community read 全社区 as its own, with an October)


def _floats(rows: list[dict], name: str) -> list[float | None]:
    return [float(r[name]) if r[name] else None for r in rows]


def _scorecard_charts(con, run_id: str, month: str, grids: list[dict], items: list[dict], words: dict,
                      areas: set[str] | None = None) -> dict:
    months, series = earlier_months.trend_series(con, run_id, month)
    community = series.pop("", [None] * len(months))
    if areas is not None:     # one community of a district: its areas, and the district's line
        series = {a: v for a, v in series.items() if a in areas}
    shown = ranked_part(grids)
    ranking = grid_ranking_figure(
        [g["grid_name"] for g in shown], _floats(shown, "adjusted_score"), _floats(shown, "raw_score"),
        _floats(shown, "adjusted_ci_low"), _floats(shown, "adjusted_ci_high"),
        [g["is_insufficient"] for g in shown], words["score_axis"])
    fmt = output_format_of(con, run_id)
    line = words["district_line"] if areas is not None and fmt >= DISTRICT_LINE else words["community_line"]
    trend = trend_figure(months, {line: community, **series}, words["score_axis"], bold=line, legend_alone=fmt >= 13)
    bars = items_figure([words.get(f"item_{i['item']}", i["question"]) for i in items],
                        [float(i["score"]) for i in items], words["score_axis"])
    return {"ranking": svg_data_uri(ranking), "trend": svg_data_uri(trend), "item_bars": svg_data_uri(bars),
            "ranking_part": RANKING_ENDS if len(shown) < len(grids) else None, "ranking_total": len(grids)}


def ranked_part(grids: list[dict]) -> list[dict]:
    """The grids the ranking chart draws: all of them, or in a district of hundreds (a bar each
    made a chart metres long, and 25 s of a 2,000-grid scorecard's 127 s) the RANKING_ENDS lowest and
    highest adjusted scores; every grid stays in the table below it."""
    if len(grids) <= 2 * RANKING_ENDS:
        return grids
    scored = sorted((g for g in grids if g["adjusted_score"]), key=lambda g: (Decimal(g["adjusted_score"]), g["grid_id"]))
    ends = {g["grid_id"] for g in scored[:RANKING_ENDS] + scored[-RANKING_ENDS:]}
    return [g for g in grids if g["grid_id"] in ends]


def render_reports(con: duckdb.DuckDBPyConnection, run_id: str, folder: Path, policy: Policy,
                   lang: str = "zh", which: str = "all", empty_month: bool = False) -> None:
    """callbacks.csv always; with `which` "hr" the HR scorecard too, with "all" the worker sheets as
    well. `empty_month`: published on purpose with no survey file, which the scorecard says first."""
    if which == "none":
        write_callbacks(con, run_id, folder, policy)
        return
    workers = workers_with_interval(con, run_id, z_value(policy.scoring.confidence))
    communities = con.execute("select count(distinct community) from grid_scores where run_id = ?",
                              [run_id]).fetchone()[0]
    # a district of several communities draws their scorecards on the pool too (with the HR
    # roll-up drawn here, and the worker sheets after them)
    pages = (len(workers) if which == "all" else 0) + (PARALLEL_FROM if communities >= PARALLEL_COMMUNITIES else 0)
    # the pool starts first, so that its start-up overlaps the HR scorecard
    with worker_page_pool(pages, os.cpu_count() or 1) as pool:
        _render_reports(con, run_id, folder, policy, lang, workers, pool, which == "all", empty_month)


def write_callbacks(con, run_id: str, folder: Path, policy: Policy) -> None:
    """callbacks.csv and review.csv, whatever reports are rendered: HR works from both. Their lines
    are made by DuckDB (a city's month has ~800,000 review lines); the scorecard reads the rows."""
    write_file(folder / "callbacks.csv", csv_from_query(
        con, data.CALLBACK_SQL, data.callback_params(run_id, policy.overall_item, policy.callback_at_or_below),
        data.callback_columns(output_format_of(con, run_id)), data.CALLBACK_ORDER))
    write_file(folder / "review.csv", csv_from_query(con, data.REVIEW_SQL, {"run_id": run_id}, data.REVIEW_COLUMNS,
                                                     data.REVIEW_ORDER))
    if policy.review.sample_share is not None:       # the verification calls' sample (policy [verification])
        month = con.execute("select month from runs where run_id = ?", [run_id]).fetchone()[0]
        params = verify_params(run_id, month, policy, output_format_of(con, run_id))
        write_file(folder / "verify.csv", csv_from_query(con, VERIFY_SQL, params, VERIFY_COLUMNS, VERIFY_ORDER))


def _render_reports(con, run_id: str, folder: Path, policy: Policy, lang: str, workers: list[dict],
                    pool: ProcessPoolExecutor | None, worker_sheets: bool, empty_month: bool) -> None:
    words = labels(lang)
    month = con.execute("select month from runs where run_id = ?", [run_id]).fetchone()[0]
    grids = data.grids_with_change(con, run_id, month)
    _with_pay_changes(con, run_id, workers, lang)
    with_adjustment_lines(con, run_id, workers)
    with_grid_flags(grids, month, policy, lang, output_format_of(con, run_id))
    quarantine, quarantined = data.quarantine_counts(con, run_id)
    failed, passed = data.failed_rules(con, run_id)
    for row in quarantine + failed:
        typed = "、".join(f"'{v}'" for v in row.get("values", ()))      # an unknown grid's names as typed
        row["reason"] = reason_text(row["code"], lang, policy.scoring.household_scope) + (
            ("：" if lang == "zh" else ": ") + typed if typed else "")
    items = data.item_drivers(con, run_id, policy.questions, output_format_of(con, run_id))
    run = {**data.run_summary(con, run_id, grids, workers, quarantined, policy), "empty_month": empty_month}
    run["accepted_exclusions"] = [  # the outcome suite's findings the run was told to accept
        {**a, "reason": reason_text(a["rule"], lang), "share": f"{a['excluded_rows'] / a['valid_rows']:.0%}"}
        for a in json.loads(run["accepted_exclusions"] or "[]")]
    run["window"] = cycle.window_context(con, run_id, month, policy, run["finalized_by"] is not None)
    section = cycle.cycle_section(con, run_id, month, policy, grids)      # the 申诉与回访 section
    write_callbacks(con, run_id, folder, policy)
    callbacks = [{**c, "answer_label": callback_answer(c["answer"], policy, words, run["output_format"] or 1)}
                 for c in data.callback_rows(con, run_id, policy.overall_item, policy.callback_at_or_below)]
    review = data.review_list(con, run_id)
    for row in review:
        row["flags_text"] = "、".join(words[f"review_{f}"] for f in row["flags"].split(";"))

    def scorecard(run, grids, workers, review, callbacks, areas=None, district_note=False) -> str:
        return report_html(
            "scorecard.html.j2", lang, run=run, grids=grids, workers=workers, items=items,
            charts=_scorecard_charts(con, run_id, month, grids, items, words, areas),
            failed_rules=failed, passed_rules=passed, quarantine=run.get("quarantine", quarantine),
            review=data.review_rows(grids), review_list=review[:REVIEW_IN_SCORECARD], review_total=len(review),
            district_note=district_note, callbacks=callbacks[:CALLBACKS_IN_SCORECARD], callbacks_total=len(callbacks),
            callback_words=callback_words(policy, words, run["output_format"] or 1),
            cycle=cycle.part_of_section(section, grids))
    split = community_parts(grids, workers, data.worker_assignments(con, run_id), review, callbacks, data.rows_read_by_grid(
        con, run_id), lambda: community_checks(con, run_id, quarantine, run), run["output_format"] or 1)
    if split:        # a district's month: one scorecard per community, and scorecard.html rolls them up
        pages_by_name = {name: scorecard({**run, **part["run"], "window": _own_window(run, part)}, part["grids"],
                                         part["workers"], part["review"], part["callbacks"], part["areas"], True)
                         for name, part in split.items()}
        html = report_html("district.html.j2", lang, run=run, communities=[p["run"] for p in split.values()])
    else:
        pages_by_name = {}
        html = scorecard(run, grids, workers, review, callbacks)
    write_file(folder / "scorecard.html", html.encode("utf-8"))
    comments = data.comments_by_grid(con, run_id) if policy.comments_in_worker_scorecard else {}
    pages = (worker_contexts(con, run_id, month, run, grids, workers, policy.items, comments, policy.coefficient)
             if worker_sheets else [])
    notices = notice_pages(grids, callbacks, run, lang, policy, quarantine)
    _write_pages(folder, html, pages_by_name, notices, pages, lang, pool, run["output_format"])

def _own_window(run: dict, part: dict) -> dict:
    """The window with the correction line of the part's community: its grids, the workers it pays."""
    paid = {w["worker_id"] for w in part["workers"] if "paid_in" not in w}
    return community_window(run["window"], {g["grid_id"] for g in part["grids"]}, paid)


def _write_pages(folder: Path, html: str, pages_by_name: dict[str, str], notices: dict[str, str], pages: list[dict],
                 lang: str, pool: ProcessPoolExecutor | None, output_format: int | None) -> None:
    """The month's documents as PDF (and HTML): the scorecard, each community's, the notices and the
    worker sheets, with one font subset for all (community pages and worker sheets on the pool)."""
    fonts = run_fonts(html + "".join(notices.values()) + "".join(pages_by_name.values()), pages, output_format or 1)
    on_pool = {name: pool.submit(pdf_bytes, page, fonts) for name, page in pages_by_name.items()} if pool else {}
    # the worker sheets go to the pool now: it draws them while this process draws the scorecard
    # (a 2,000-grid scorecard is ~50 s of one core, during which the pool's cores stood idle)
    sheets = submit_worker_pages(pages, lang, pool, fonts)
    write_file(folder / "scorecard.pdf", pdf_bytes(unlinked(html) if (output_format or 1) >= UNLINKED_FROM else html, fonts))
    with progress("community scorecards", len(pages_by_name)) as advance:
        for name, page in pages_by_name.items():
            write_file(folder / "scorecards" / f"{name}.html", page.encode("utf-8"))
            write_file(folder / "scorecards" / f"{name}.pdf", on_pool[name].result() if pool else pdf_bytes(page, fonts))
            advance()
    for name, notice in notices.items():
        notice, (html_path, pdf_path) = one_page_notice(notice, fonts, output_format or 1), notice_paths(folder, name)
        write_file(html_path, notice.encode("utf-8"))
        write_file(pdf_path, pdf_bytes(notice, fonts))
    with progress("worker sheets", len(pages)) as advance:
        for worker_id, page, pdf in worker_pages_in_order(sheets, advance):
            write_file(folder / "workers" / f"{worker_id}.html", page.encode("utf-8"))
            write_file(folder / "workers" / f"{worker_id}.pdf", pdf)


def _with_pay_changes(con, run_id: str, workers: list[dict], lang: str) -> None:
    """Each worker's flags in words, and the total of the month published last where pay moved."""
    (_, before), fmt = previous_totals(con, run_id), output_format_of(con, run_id)
    for row in workers:
        # the scorecard's words are of the worker, the sheet's to her (format 27: trial 209 read 您 on the scorecard)
        row["flags_text"], row["flags_text_hr"] = flags_text(row["flags"], lang), flags_text(row["flags"], lang, hr=fmt >= 27)
        row["previous_total_pay"] = previous = before.get(row["worker_id"], "")
        row["pay_changed"] = "pay_changed" in row["flags"].split(";")
        row["pay_change"] = (ratio(Decimal(row["total_pay"]) - Decimal(previous), Decimal(previous), fmt, sign=True)
                             if row["pay_changed"] and previous else "")


def run_fonts(scorecard_html: str, contexts: list[dict], output_format: int | None = None) -> dict[str, str]:
    """One CJK subset for every PDF of the run: the characters of the HR page, of every worker's data and of
    the labels as frozen for the run's output format (reports/charsets.py)."""
    text = report_charset(scorecard_html, json.dumps(contexts, ensure_ascii=False, default=str),
                          output_format=output_format)
    return {weight: str(path) for weight, path in subset_fonts(text).items()}


def _warm_up() -> None:
    """The first page of a process pays for loading Pango and fontconfig."""
    from weasyprint import HTML
    HTML(string="<p>0</p>").write_pdf()


@contextmanager
def worker_page_pool(pages: int, processes: int):
    """A process pool for `pages` worker scorecards, already starting when this returns; None
    (render in-process) for a small month, where a pool's start-up would cost more than it saves."""
    if processes < 2 or pages < PARALLEL_FROM:
        yield None
        return
    # forkserver, not fork: this process holds DuckDB's and Prefect's threads. The server imports the main
    # module and the renderers once (matplotlib by name: charts load it where they draw); every pool process,
    # in this run and later months of the same process, is forked from it with them loaded.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", "weasyprint", "matplotlib.figure", "gridpay.publishing.reporting"])
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        for _ in range(processes):
            pool.submit(_warm_up)
        try:
            yield pool
        except BaseException:      # the sheets sent ahead are not drawn for a month that failed
            pool.shutdown(cancel_futures=True)
            raise
