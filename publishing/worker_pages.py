"""One worker's scorecard (HTML and PDF), and many of them in order on a process pool
(publishing/reporting.py starts the pool and writes the files)."""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, as_completed

from gridpay.reports.render import pdf_bytes, report_html
from gridpay.reports.trend_svg import trend_geometry

PAGES_A_TASK = 4     # worker scorecards sent to a pool process at a time (as pool.map's chunksize was)
SHEET_DEFAULTS = {"appeals": [], "calls": [], "others_appeals": [], "moved_by_others": False, "moved_because": None,
                  "shared_grids": [], "own_phone": 0, "coefficient_parts": None, "replaced_total_pay": None,
                  "first_total_pay": None, "neutral_share": None, "replaced_name": None}


def render_worker_page(context: dict, lang: str, fonts: dict[str, str] | None = None) -> tuple[str, str, bytes]:
    """(worker_id, html, pdf) for one worker; runs in a pool process for large months."""
    w = context["w"]
    # a worker with no scored month gets the words 暂无数据, not an empty 0-100 frame; the chart is
    # drawn by the template (inline SVG): a matplotlib figure and its SVG were ~40% of a page
    trend = (trend_geometry(context["months"], context["trend"])
             if any(v is not None for v in context["trend"]) else None)
    # every key worker_contexts() gives reaches the template (a key passed by name was left out once: output format
    # 26's first_total_pay, tested on the template alone, never reached a sheet)
    html = report_html("worker.html.j2", lang, **{**SHEET_DEFAULTS, **context, "trend": trend})
    return w["worker_id"], html, pdf_bytes(html, fonts)


def _render_chunk(contexts: list[dict], lang: str, fonts: dict[str, str] | None) -> list[tuple[str, str, bytes]]:
    return [render_worker_page(c, lang, fonts) for c in contexts]


def render_worker_pages(contexts: list[dict], lang: str, pool: ProcessPoolExecutor | None,
                        fonts: dict[str, str] | None = None, advance=lambda n=1: None):
    """Worker scorecards, in order, on the pool from worker_page_pool() or in this process."""
    return worker_pages_in_order(submit_worker_pages(contexts, lang, pool, fonts), advance)


def submit_worker_pages(contexts: list[dict], lang: str, pool: ProcessPoolExecutor | None,
                        fonts: dict[str, str] | None = None) -> tuple:
    """Sends the worker scorecards to the pool now (so that the pool draws them while this process
    draws the HR scorecard); worker_pages_in_order() collects them. Without a pool, nothing starts."""
    if pool is None:
        return contexts, lang, fonts, None
    chunks = [contexts[i:i + PAGES_A_TASK] for i in range(0, len(contexts), PAGES_A_TASK)]
    return contexts, lang, fonts, [(pool.submit(_render_chunk, chunk, lang, fonts), len(chunk)) for chunk in chunks]


def worker_pages_in_order(submitted: tuple, advance=lambda n=1: None):
    """(worker_id, html, pdf) of each submitted page, in order. `advance(n)` (core/progress.py) is
    told of each page as it is done: on the pool, as each chunk's future completes, whichever comes
    first; the pages still come back in order."""
    contexts, lang, fonts, futures = submitted
    if futures is None:
        for context in contexts:
            yield render_worker_page(context, lang, fonts)
            advance()
        return
    sizes, first = dict(futures), 0
    for done in as_completed(sizes):
        advance(sizes[done])
        while first < len(futures) and futures[first][0].done():
            yield from futures[first][0].result()
            first += 1
