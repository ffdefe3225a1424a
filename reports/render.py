"""Templates to HTML (autoescaped) and HTML to PDF (WeasyPrint, CJK font embedded)."""
from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from reports.strings import labels

TEMPLATES = Path(__file__).with_name("templates")
_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                   trim_blocks=True, lstrip_blocks=True)


def flags_text(flags: str, lang: str) -> str:
    """'capped;prorated' -> the readable reasons, joined."""
    words = labels(lang)
    return "；".join(words.get(f"flag_{f}", f) for f in flags.split(";") if f)


def report_html(template: str, lang: str, **context) -> str:
    css = (TEMPLATES / "base.css").read_text(encoding="utf-8")
    return _ENV.get_template(template).render(L=labels(lang), lang=lang, css=css, **context)


SUBSET_FAMILY = "GridpayCJK"
_SVG_URI = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")
_SVG_FONT = re.compile(r"font-family: [^;\"]*")


def report_charset(*texts: str) -> str:
    """Every character the reports can print: the given texts (rendered pages, contexts as
    JSON), the charts inside the pages, every label in both languages and the templates."""
    charts = [base64.b64decode(m.group(1)).decode("utf-8") for t in texts for m in _SVG_URI.finditer(t)]
    static = [json.dumps([labels("zh"), labels("en")], ensure_ascii=False)]
    static += [p.read_text(encoding="utf-8") for p in sorted(TEMPLATES.iterdir()) if p.is_file()]
    return "".join(sorted(set("".join([*texts, *charts, *static]))))


def _with_subset_fonts(html: str, fonts: dict[str, str]) -> str:
    """The page set in the subset faces: @font-face rules, and the charts' SVG text moved to
    the same family (a chart is a separate document inside a data URI, untouched by page CSS).
    The system family stays second, so a character the subset lacks still prints."""
    faces = "".join(f'@font-face {{ font-family: "{SUBSET_FAMILY}"; font-weight: {weight}; '
                    f'src: url("{Path(path).as_uri()}"); }}' for weight, path in fonts.items())
    family = f'"{SUBSET_FAMILY}", "Noto Sans CJK SC", sans-serif'
    style = (f"<style>{faces} * {{ font-family: {family} !important; }} "
             f"@page {{ @bottom-center {{ font-family: {family}; }} }}</style>")

    def chart(match: re.Match) -> str:
        svg = _SVG_FONT.sub(f"font-family: '{SUBSET_FAMILY}', 'Noto Sans CJK SC'",
                            base64.b64decode(match.group(1)).decode("utf-8"))
        return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return _SVG_URI.sub(chart, html).replace("</head>", style + "</head>", 1)


def pdf_bytes(html: str, fonts: dict[str, str] | None = None) -> bytes:
    """`fonts` ({'normal': path, 'bold': path} from reports.fonts.subset_fonts) makes the PDF
    embed small faces; without it the system CJK font is embedded (larger, slower)."""
    from weasyprint import HTML  # imported late: it loads Pango, which only PDF rendering needs
    if fonts:
        html = _with_subset_fonts(html, fonts)
    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
