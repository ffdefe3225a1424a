"""Every label the reports show, per language; templates look words up here and nowhere else."""
from __future__ import annotations

from gridpay.reports import strings_doubts, strings_notices, strings_scoring
from gridpay.reports.strings_en import EN
from gridpay.reports.strings_zh import ZH

LABELS: dict[str, dict[str, str]] = {"zh": ZH | strings_notices.ZH | strings_scoring.ZH | strings_doubts.ZH,
                                      "en": EN | strings_notices.EN | strings_scoring.EN | strings_doubts.EN}


def labels(lang: str) -> dict[str, str]:
    if lang not in LABELS:
        raise ValueError(f"unknown report language '{lang}' (use {', '.join(LABELS)})")
    return LABELS[lang]
