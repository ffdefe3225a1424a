"""Templates to HTML (autoescaped) and HTML to PDF (WeasyPrint, CJK font embedded)."""
from __future__ import annotations

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


def pdf_bytes(html: str) -> bytes:
    from weasyprint import HTML  # imported late: it loads Pango, which only PDF rendering needs
    return HTML(string=html, base_url=str(TEMPLATES)).write_pdf()
