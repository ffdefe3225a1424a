"""Templates to HTML (autoescaped) and HTML to PDF (WeasyPrint, CJK font embedded)."""
from __future__ import annotations

import base64
import gc
import json
import multiprocessing.util
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from gridpay.reports.charsets import frozen_charset
from gridpay.reports.strings import labels

TEMPLATES = Path(__file__).with_name("templates")
_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True)


def column_px(rows, minimum: float, cell: str) -> float:
    """The width (CSS px) of a fixed-layout column whose cells do not wrap (a name): its widest
    text (`cell` formatted with each row) in the CJK font at the tables' 8.5pt, and the cell's 4pt
    padding each side. What the auto layout measured from every cell, measured once: the auto
    layout measured a 2,000-row table again on each page it ran onto, most of a long scorecard's layout."""
    from gridpay.reports.fonts import text_ems   # fontTools, loaded only where a scorecard is drawn
    widest = max((text_ems(cell.format_map(row)) for row in rows), default=0.0)
    return round(max(minimum, widest * 8.5 * 4 / 3 + 8 * 4 / 3), 1)


_ENV.globals["column_px"] = column_px


def flags_text(flags: str, lang: str, grid: dict | None = None, hr: bool = False, worker: bool = False) -> str:
    """'capped;prorated' -> the readable reasons, joined. A grid's flags read as `grid_flag_*`
    where there is one, its blanks filled from `grid` (a pooled grid's months and answers, a
    watched grid's rate trend); `hr`: a worker's, as the HR scorecard says them (`flag_*_hr`); `worker`: a grid's
    as its worker's sheet says them, without HR's own checks (`grid_flag_*_worker`, output format 29: trial 226)."""
    words = labels(lang)
    shown = [f for f in flags.split(";") if f]
    if "no_scored_grid" in shown and "insufficient_responses" in shown:
        shown.remove("insufficient_responses")     # the first says it already

    partly = grid is None and "insufficient_responses" in shown      # a worker with a grid at the neutral one

    def text(flag: str) -> str:
        if grid is not None and worker and f"grid_flag_{flag}_worker" in words:
            return words[f"grid_flag_{flag}_worker"].format_map(grid)
        if grid is not None and f"grid_flag_{flag}" in words:
            newer = f"grid_flag_{flag}_13"       # output format 13's words, where they changed
            return words[newer if newer in words and grid.get("output_format", 1) >= 13 else
                         f"grid_flag_{flag}"].format_map(grid)
        if partly and f"flag_{flag}_partly" in words:
            return words[f"flag_{flag}_partly"]
        if hr and f"flag_{flag}_hr" in words:
            return words[f"flag_{flag}_hr"]
        return words.get(f"flag_{flag}", flag)
    return "；".join(text(f) for f in shown)


def reason_text(code: str, lang: str, household_scope: str = "month") -> str:
    """'answer_out_of_scale:sat_overall;unknown_channel' -> the reasons in the report's language.
    `household_scope` "grid": a duplicate household is said to be one within its grid."""
    words = labels(lang)
    parts = []
    for part in code.split(";"):
        name, _, column = part.partition(":")
        label = words.get(f"item_{column}", words.get(f"column_{column}", column))
        text = words.get(f"reason_{name}_{household_scope}", words.get(f"reason_{name}", name))
        parts.append(text.format(column=label))
    return "；".join(parts)


def flags_short(flags: str, lang: str, prefix: str = "short_flag_") -> str:
    """A grid's flags in a table cell: a few words each, the sentences go below the table (`prefix`: a page's
    own words first, then the short ones)."""
    words = labels(lang)
    return ("、" if lang == "zh" else ", ").join(
        words.get(f"{prefix}{f}", words.get(f"short_flag_{f}", words.get(f"flag_{f}", f))) for f in flags.split(";") if f)


@lru_cache(maxsize=1)
def _base_css() -> str:
    return (TEMPLATES / "base.css").read_text(encoding="utf-8")


def report_html(template: str, lang: str, **context) -> str:
    """A standalone page: the stylesheet is inline, so the HTML file opens anywhere."""
    return _ENV.get_template(template).render(L=labels(lang), lang=lang, css=_base_css(), **context)


SUBSET_FAMILY = "GridpayCJK"
_SVG_URI = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")
_SVG_FONT = re.compile(r"font-family: [^;\"]*")


def report_charset(*texts: str, output_format: int | None = None) -> str:
    """Every character the reports can print: the given texts (rendered pages, contexts as JSON),
    the charts inside the pages, and every label and template as frozen for the run's output format
    (reports/charsets.py; None: the newest)."""
    charts = [base64.b64decode(m.group(1)).decode("utf-8") for t in texts for m in _SVG_URI.finditer(t)]
    return "".join(sorted(set("".join([*texts, *charts, frozen_charset(output_format)]))))


def labels_charset() -> str:
    """Every character of today's labels in both languages and of the templates."""
    static = [json.dumps([labels("zh"), labels("en")], ensure_ascii=False)]
    static += [p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.iterdir()) if p.is_file()]
    return "".join(sorted(set("".join(static))))


def _subset_css(fonts: dict[str, str]) -> str:
    """The page set in the subset faces. The system family stays second, so a character the
    subset lacks still prints."""
    faces = "".join(f'@font-face {{ font-family: "{SUBSET_FAMILY}"; font-weight: {weight}; '
                    f'src: url("{Path(path).as_uri()}"); }}' for weight, path in fonts.items())
    family = f'"{SUBSET_FAMILY}", "Noto Sans CJK SC", sans-serif'
    return f"{faces} * {{ font-family: {family} !important; }} @page {{ @bottom-center {{ font-family: {family}; }} }}"


@lru_cache(maxsize=4)
def _pdf_stylesheets(fonts: tuple[tuple[str, str], ...]):
    """The page's stylesheet and the @font-face sheet, parsed once per process and font set, with
    one font configuration: parsing them and loading the faces into fontconfig again for every
    page was a fifth of a worker page's time. The PDF bytes are the same as with a fresh
    configuration per page (compared when this was introduced); tests/cli/test_reports.py checks that
    pages drawn in other orders and processes come out byte-identical."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration
    config = FontConfiguration()
    sheets = [CSS(string=_base_css(), font_config=config), CSS(string=_subset_css(dict(fonts)), font_config=config)]
    # The configuration copies the faces into a temporary folder that it deletes when freed. A
    # cached one lives until exit, where a pool process never frees it and the main process frees
    # it after the modules are gone (the delete fails): free it at exit. Registered here, not at
    # import, because a new pool process drops the finalizers it inherited.
    multiprocessing.util.Finalize(None, _free_pdf_stylesheets, exitpriority=0)
    return sheets, config


def _free_pdf_stylesheets() -> None:
    _pdf_stylesheets.cache_clear()
    gc.collect()   # the configuration sits in reference cycles


def _charts_in_subset(html: str) -> str:
    """The charts' SVG text moved to the subset family: a chart is a separate document inside a
    data URI, untouched by the page's CSS."""
    def chart(match: re.Match) -> str:
        svg = _SVG_FONT.sub(f"font-family: '{SUBSET_FAMILY}', 'Noto Sans CJK SC'",
                            base64.b64decode(match.group(1)).decode("utf-8"))
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return _SVG_URI.sub(chart, html)


# the base a PDF's relative links resolve against: the templates folder, as it was; an audit re-renders a month of
# output format 29 or before with the one its PDF shows (pipeline/rerender.py: trial 247's district scorecard linked
# to each community's page inside the installed package, and failed `audit --documents` from another install)
_LINK_BASE: list[str | None] = [None]


@contextmanager
def links_based(base: str) -> Iterator[None]:
    _LINK_BASE[0] = base
    try:
        yield
    finally:
        _LINK_BASE[0] = None


def unlinked(html: str) -> str:
    """The page without its links to files beside it (output format 30): in a PDF they resolved to the installed
    package's folder, a link nowhere for HR that moved the PDF's bytes with the install."""
    return re.sub(r' href="(?![a-z]+:)[^"]*"', "", html)


def pdf_bytes(html: str, fonts: dict[str, str] | None = None) -> bytes:
    """`fonts` ({'normal': path, 'bold': path} from reports.fonts.subset_fonts) makes the PDF
    embed small faces; without it the system CJK font is embedded (larger, slower)."""
    page, options = _weasy_page(html, fonts)
    return page.write_pdf(**options)


def pdf_page_count(html: str, fonts: dict[str, str] | None = None) -> int:
    """The pages pdf_bytes lays the page out on."""
    page, options = _weasy_page(html, fonts)
    return len(page.render(**options).pages)


def _weasy_page(html: str, fonts: dict[str, str] | None):
    from weasyprint import HTML  # imported late: it loads Pango, which only PDF rendering needs
    base = _LINK_BASE[0] or str(TEMPLATES)
    if not fonts:
        return HTML(string=html, base_url=base), {}
    sheets, config = _pdf_stylesheets(tuple(sorted(fonts.items())))
    html = _charts_in_subset(html).replace(f"<style>{_base_css()}</style>", "", 1)   # given parsed instead
    return HTML(string=html, base_url=base), {"stylesheets": sheets, "font_config": config}
