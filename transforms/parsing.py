"""Tolerant parsing of survey cells as people type them (full-width digits, Likert words, dates)."""
from __future__ import annotations

import re
import unicodedata

import pandas as pd

LIKERT_WORDS = {
    "非常满意": "5", "满意": "4", "基本满意": "3", "一般": "3", "不满意": "2", "非常不满意": "1",
}
_INTEGRAL = re.compile(r"^[+]?(\d+)(?:\.0*)?$")
_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$")


def normalized_cell(value: object) -> str | None:
    """NFKC-folded, trimmed text (full-width '５' becomes '5'); None for blank."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    return text or None


def normalized_integer(value: object) -> str | None:
    """'5', ' 5 ', '5.0', '５' -> '5'; anything else is returned as typed, for validation to reject."""
    text = normalized_cell(value)
    if text is None:
        return None
    match = _INTEGRAL.match(text)
    return str(int(match.group(1))) if match else text


def normalized_likert(value: object) -> str | None:
    text = normalized_cell(value)
    if text is None:
        return None
    return LIKERT_WORDS.get(text) or normalized_integer(text)


def _one_timestamp(text: str | None, tz: str) -> pd.Timestamp | None:
    if text is None:
        return None
    match = _CN_DATE.match(text)
    if match:
        y, m, d, rest = match.groups()
        text = f"{y}-{int(m):02d}-{int(d):02d} {rest}".strip()
    try:
        ts = pd.Timestamp(text.replace("/", "-"))
    except (ValueError, TypeError, OverflowError):
        return None
    if ts is pd.NaT:
        return None
    if ts.tzinfo is not None:
        ts = ts.tz_convert(tz).tz_localize(None)
    return ts


def parsed_timestamps(values: pd.Series, tz: str = "Asia/Shanghai") -> pd.Series:
    """Local wall-clock timestamps (naive, in `tz`); NaT where the text is not a date-time."""
    parsed = [_one_timestamp(normalized_cell(v), tz) for v in values]
    return pd.Series(pd.to_datetime(parsed), index=values.index, dtype="datetime64[us]")


SURVEY_OPTIONAL = ("respondent_phone_hash", "channel", "duration_s", "comment")


def normalized_surveys(frame: pd.DataFrame, items: tuple[str, ...]) -> pd.DataFrame:
    """Survey cells as validation expects them: every policy item and optional column present,
    answers as '1'..'5' text, `submitted_at_ts` parsed; nothing is dropped or judged here."""
    out = frame.copy()
    for col in (*items, *SURVEY_OPTIONAL):
        if col not in out.columns:
            out[col] = pd.Series(pd.NA, index=out.index, dtype="string")
    for item in items:
        out[item] = pd.Series([normalized_likert(v) for v in out[item]], index=out.index, dtype="string")
    out["duration_s"] = pd.Series([normalized_integer(v) for v in out["duration_s"]],
                                  index=out.index, dtype="string")
    channel = [normalized_cell(v) for v in out["channel"]]
    out["channel"] = pd.Series([c.lower() if c else None for c in channel], index=out.index, dtype="string")
    out["submitted_at_ts"] = parsed_timestamps(out["submitted_at"])
    return out
