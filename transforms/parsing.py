"""Tolerant parsing of survey cells as people type them (full-width digits, Likert words, dates)."""
from __future__ import annotations

import re
from datetime import date, timedelta

import pandas as pd

from gridpay.transforms.folding import folded
from gridpay.transforms.zone import DEFAULT_TIMEZONE

LIKERT_WORDS = {
    "非常满意": "5", "满意": "4", "基本满意": "3", "一般": "3", "不满意": "2", "非常不满意": "1",
}
_INTEGRAL = re.compile(r"^[+]?(\d+)(?:\.0*)?$")
_CN_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$")


def normalized_cell(value: object) -> str | None:
    """NFKC-folded, trimmed text (full-width '５' becomes '5'); None for blank."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return None
    text = folded(value).strip()
    return text or None


def normalized_integer(value: object) -> str | None:
    """'5', ' 5 ', '5.0', '５' -> '5'; anything else is returned as typed, for validation to reject."""
    text = normalized_cell(value)
    if text is None:
        return None
    match = _INTEGRAL.match(text)
    return str(int(match.group(1))) if match else text


_CLOCK = re.compile(r"^(?:(\d{1,2}):)?(\d{1,2}):(\d{2})$")


def clock_seconds(value: object) -> str | None:
    """'00:02:05' (an Excel duration cell, a platform's 填写时长) -> '125', '2:05' -> '125' (minutes and
    seconds); None when the text is not so written (survey.clock_durations)."""
    match = _CLOCK.match(normalized_cell(value) or "")
    if not match or int(match[3]) > 59 or (match[1] and int(match[2]) > 59):
        return None
    return str(int(match[1] or 0) * 3600 + int(match[2]) * 60 + int(match[3]))


_TRAILING_MARKS = re.compile(r"[。.,!;、~?]+$")       # after NFKC: ，！；～？ are , ! ; ~ ?


_FILL_IN = re.compile(r"〖[^〗]*〗")                   # 问卷星's box after an option: 不满意〖下水道堵了〗
_OPTION_NOTE = re.compile(r"\([^()]*\)$")              # after NFKC: 不满意（请注明原因）, 非常满意(5分)
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def cleaned_answer(text: str, words: dict[str, str]) -> str | None:
    """An option's word without a fill-in box's text, invisible characters, or, where the word is then one gridpay
    reads, a note in brackets after it (a sixty-seventh trial's 不满意（请注明原因）〖…〗: each unhappy resident's own
    reason made every such answer a word of its own, invalid, 9 of 97 lost, exit 0)."""
    bare = _INVISIBLE.sub("", _FILL_IN.sub("", text)).strip()
    noted = _OPTION_NOTE.sub("", bare).strip()
    return (noted if noted != bare and (noted in words or noted in LIKERT_WORDS) else bare) or None


def normalized_likert(value: object, words: dict[str, str] | None = None, marks_dropped: bool = False,
                      cleaned: bool = False) -> str | None:
    """An answer as its point: '５', '5.0' -> '5'; the words of LIKERT_WORDS, and the policy's
    survey.answer_words (比较满意 -> 4, 5分 -> 5; 不了解 -> blank where it says "blank"); with `marks_dropped` (survey.answer_marks_dropped) a
    word with a full stop or comma typed after it ('非常满意。'); anything else as typed, for validation."""
    text = normalized_cell(value)
    if cleaned and text is not None:                        # survey.answer_text_cleaned (policy 2027.5)
        text = cleaned_answer(text, words or {})
    if text is None or (words or {}).get(text) == "":       # a "no opinion" word the policy reads as blank
        return None
    if marks_dropped and (bare := _TRAILING_MARKS.sub("", text)) != text and bare:
        point = (words or {}).get(bare) or LIKERT_WORDS.get(bare) or normalized_integer(bare)
        if point is not None and point.isdigit():
            return point
    return (words or {}).get(text) or LIKERT_WORDS.get(text) or normalized_integer(text)


_EXCEL_SERIAL = re.compile(r"^\d{5}(\.\d+)?$")


def _one_timestamp(text: str | None, tz: str) -> pd.Timestamp | None:
    if text is None:
        return None
    if _EXCEL_SERIAL.match(text):   # Excel's day count from 1899-12-30, as a CSV export may show it
        return (pd.Timestamp("1899-12-30") + pd.to_timedelta(float(text), unit="D")).round("s")
    match = _CN_DATE.match(text)
    if match:
        y, m, d, rest = match.groups()
        text = f"{y}-{int(m):02d}-{int(d):02d} {rest}".strip()
    try:
        ts = pd.Timestamp(text.replace("/", "-"))
    except (ValueError, TypeError, OverflowError):
        return None
    if ts is pd.NaT or not 1 <= ts.year <= 9999:     # '-2026-09-10' parses to year -2026: no date-time
        return None
    if ts.tzinfo is not None:
        ts = ts.tz_convert(tz).tz_localize(None)
    return ts


def parsed_timestamp(value: object, tz: str = DEFAULT_TIMEZONE) -> pd.Timestamp | None:
    """Local wall-clock time in `tz` of a cell as people type it ('2026-10-31T17:30:00Z' is
    2026-11-01 01:30 in Beijing); a time without a zone is taken as it is; None when it
    is not a date-time."""
    return _one_timestamp(normalized_cell(value), tz)


# 10月3日, 10月3号 14:30: a date typed without its year (a volunteer's paper sheet)
_YEARLESS = re.compile(r"^(\d{1,2})月(\d{1,2})[日号]\s*(?:(\d{1,2})[:：点](\d{1,2})(?:[:：分](\d{1,2})秒?)?分?)?$")


# A date and time as written on paper forms: 9号 for 9日; 14时30分 or 8点; 下午3:20, 晚上8点 (twelve hours
# with 上午, 早上, 中午, 下午, 晚上); a half-day word alone after the date (2026年11月9日上午)
_DAY_HAO = re.compile(r"(月\s*\d{1,2})\s*号")
_HOURS = re.compile(r"(\d{1,2})\s*[时点]\s*(?:(\d{1,2})\s*分?)?\s*$")
_HALF_DAY = re.compile(r"\s*(上午|早上|中午|下午|晚上)\s*(?:(\d{1,2})\s*(?:[:：]\s*(\d{1,2}))?)?\s*$")


def _clock(word: str, hour: int) -> int:
    """下午3 -> 15, 中午12 -> 12, 中午1 -> 13, 上午12 -> 0: a twelve-hour time's hour of the day."""
    if word in ("下午", "晚上") or (word == "中午" and hour < 11):
        return hour % 12 + 12
    return 0 if hour == 12 and word in ("上午", "早上") else hour


def written_time(value: object) -> str | None:
    """'2026年10月10日下午3:20' -> '2026年10月10日 15:20', '2026年11月9号 14时30分' -> '2026年11月9日 14:30',
    '2026年11月9日上午' -> '2026年11月9日': a date-time as written on paper, in the form the date-time rules
    read; None when nothing is written so, or an hour no half-day word takes (下午13点)."""
    text = normalized_cell(value) or ""
    out = _DAY_HAO.sub(r"\1日", text)
    out = _HOURS.sub(lambda m: f" {m[1]}:{int(m[2] or 0):02d}", out)
    match = _HALF_DAY.search(out)
    if match:
        word, hour, minute = match.group(1), match.group(2), int(match.group(3) or 0)
        head = out[:match.start()].strip()
        if hour is None:
            out = head
        elif int(hour) > 12 or minute > 59:
            return None
        else:
            out = f"{head} {_clock(word, int(hour)):02d}:{minute:02d}"
    out = _SPACES.sub(" ", out).strip()
    return out if out != text else None


def yearless_timestamp(value: object, month: str) -> pd.Timestamp | None:
    """'10月3日' (or '10月3号 14:30') as a day of `month` (YYYY-MM) where its month is that month's:
    a sheet of the month's answers gives the day, the month's folder the year. A day of another
    month, or no such day, is None (the answer stays invalid: its year is a guess)."""
    match = _YEARLESS.match(normalized_cell(value) or "")
    year, number = (int(part) for part in month.split("-"))
    if not match or int(match.group(1)) != number:
        return None
    day, hour, minute, second = (int(g or 0) for g in match.groups()[1:])
    try:
        return pd.Timestamp(year=year, month=number, day=day, hour=hour, minute=minute, second=second)
    except ValueError:
        return None


_SPACES = re.compile(r"\s+")
# A date as people and Excel type it: 2026-01-01, 2026/1/1, 2026.1.1, 2026年1月1日, with Excel's
# midnight (2026/1/1 0:00) where a date cell was saved with its time. Day and month are never guessed
# from their size (1/2/2026 is refused, not read as January or February).
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+0?0:00(?::00)?)?$")
_MONTH = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$")
_DAY_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")       # an Excel date cell saved as its day count


_AMOUNT = re.compile(r"^(?:\+|(-))?¥?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?元?$")      # ￥ is ¥ after NFKC


def ambiguous_date_sql(col: str) -> str:
    """SQL test of a date typed day and month both 12 or less in a slash form without the year first
    ('10/08/2026': 8 October month-first, 10 August day-first): survey.ambiguous_dates' rule, and the
    rows whose month no line may name (a trial was told to move '8/11/2026' to August)."""
    first, second = (f"try_cast(regexp_extract({col}, '{p}', 1) as integer)"
                     for p in (r"^\s*([0-9]+)[/.-]", r"^\s*[0-9]+[/.-]([0-9]+)[/.-]"))
    return (f"(regexp_matches({col}, '^\\s*[0-9][0-9]?[/.-][0-9][0-9]?[/.-][0-9][0-9][0-9][0-9]([^0-9]|$)') "
            f"and {first} between 1 and 12 and {second} between 1 and 12 and {first} <> {second})")


def month_first_files_sql(col: str, table: str) -> str:
    """SQL of the files of `table` (source_file) whose slash dates show the month first: some with a second
    number over 12 (11/25/2026), none with a first (an English-locale Excel's m/d/yyyy); no braces, for GX's
    query templates. survey.ambiguous_dates = "by_file" reads such a file's 11/5/2026 as 5 November."""
    slash = f"regexp_matches({col}, '^\\s*[0-9][0-9]?[/.-][0-9][0-9]?[/.-][0-9][0-9][0-9][0-9]([^0-9]|$)')"
    first, second = (f"try_cast(regexp_extract({col}, '{p}', 1) as integer)"
                     for p in (r"^\s*([0-9]+)[/.-]", r"^\s*[0-9]+[/.-]([0-9]+)[/.-]"))
    return (f"select source_file from {table} where {slash} group by source_file "
            f"having bool_or({second} > 12) and not bool_or({first} > 12)")


def normalized_amount(value: object) -> str | None:
    """An amount in yuan as HR types it in Excel: '+200', '＋200', '1,800.00', '1800元', '￥1,550.00', '１６００' ->
    '200', '1800.00', '1800', '1600', and a deduction with the minus sign (U+2212) a word processor gives, '−30',
    as '-30'; anything else as typed, for validation to refuse naming the row."""
    text = normalized_cell(value)
    if text is None or re.search(r"\d\s+[\d.,]|[\d.,]\s+\d", text):   # two numbers (trial 138: '100 50' paid 10050)
        return text
    match = _AMOUNT.match(text.replace(" ", "").replace("\u2212", "-").replace("¥-", "-¥"))   # ￥-50: Excel's negative
    return f"{match[1] or ''}{match[2].replace(',', '')}{match[3] or ''}" if match else text


def normalized_date(value: object) -> str | None:
    """'2026/1/1', '2026年1月1日', '46023' -> '2026-01-01'; anything else as typed, for validation
    to reject; None for blank."""
    text = normalized_cell(value)
    if text is None:
        return None
    if _DAY_SERIAL.match(text) and 36526 <= int(float(text)) <= 73050:      # 2000-01-01 to 2099-12-31 only
        return (date(1899, 12, 30) + timedelta(days=int(float(text)))).isoformat()
    match = _DATE.match(text)
    try:
        return date(*map(int, match.groups())).isoformat() if match else text
    except ValueError:                  # 2026-02-30: not a day
        return text


_YEARLESS_DAY = re.compile(r"^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$")


def dated_from(value: object, month: str | None) -> str | None:
    """A date of HR's review of `month` (an appeal's filing or decision, a call): '1月6日', typed without its
    year, as the first 6 January on or after the month's first day (December 2026's: 2027-01-06; trials 69
    and 72 were stopped on such dates); anything else as normalized_date reads it."""
    text = normalized_cell(value)
    match = _YEARLESS_DAY.match(text or "")
    if not match or not re.fullmatch(r"\d{4}-\d{2}", month or ""):
        return normalized_date(value)
    number, day = int(match.group(1)), int(match.group(2))
    try:
        return date(int(month[:4]) + (number < int(month[5:7])), number, day).isoformat()
    except ValueError:                  # 2月30日, 13月1日: not a day
        return text


def normalized_month(value: object) -> str | None:
    """'2026/1', '2026-1', '2026年1月' -> '2026-01'; anything else as typed; None for blank. '2026.1' as typed too,
    for the rules to refuse: Excel keeps 2026.10 as 2026.1 (trial 139's October bonus read as January's, unpaid)."""
    text = normalized_cell(value)
    if text is None or re.fullmatch(r"\d{4}\.1", text):
        return text
    match = _MONTH.match(text)
    return f"{match.group(1)}-{int(match.group(2)):02d}" if match and 1 <= int(match.group(2)) <= 12 else text
