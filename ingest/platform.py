"""Survey-platform downloads (问卷星 and platforms whose downloads have the same shape: the
platform's columns, then one column per question headed `N、question text`), mapped onto the
canonical survey columns by the policy's `[survey.questions]`, so that HR drops in the download
as it comes. Pure functions of header and cell texts; reading the file is ingest/formats.py's."""
from __future__ import annotations

import re
from dataclasses import dataclass

from gridpay.core.errors import InputError
from gridpay.transforms.parsing import normalized_cell

# the platform's own columns, matched exactly (来源详情 is not 来源)
PLATFORM_COLUMNS = {"序号": "response_id", "提交答卷时间": "submitted_at", "所用时间": "duration_s",
                    "来源": "channel"}
_NUMBERED = re.compile(r"^\s*(?:Q|第)?\d+\s*(?:题)?\s*[、.．:：)）]\s*")
_TRAILING = re.compile(r"[\s?？:：。.!！*＊()（）]+$")
BLANK_ANSWERS = {"(空)", "（空）", "(跳过)", "（跳过）", "-3", "跳过"}
_DURATION = re.compile(r"^\s*(?:(\d+)\s*小时)?\s*(?:(\d+)\s*分(?:钟)?)?\s*(?:(\d+)\s*秒)?\s*$")


def _fold(text) -> str:
    """NFKC-folded and trimmed ('５' -> '5'), '' for blank: transforms/parsing.normalized_cell."""
    return normalized_cell(text) or ""


def question_text(header: str) -> str:
    """'5、您对网格员的环境卫生工作满意吗？' -> '您对网格员的环境卫生工作满意吗' (NFKC, no number, no
    trailing punctuation): renumbering the form does not change it."""
    text = _fold(header)
    return _TRAILING.sub("", _NUMBERED.sub("", text))


def is_platform_export(headers: list[str]) -> bool:
    """The platform's columns are there, or questions headed `N、...`."""
    clean = [_fold(h) for h in headers]
    return ("提交答卷时间" in clean and "序号" in clean) or sum(bool(_NUMBERED.match(h)) for h in clean) >= 3


@dataclass(frozen=True)
class HeaderMap:
    columns: dict[int, str]            # column position -> canonical name
    headers: tuple[str, ...]           # as the file has them

    def describe(self) -> list[tuple[str, str]]:
        """(header, canonical name or '') for `gridpay inspect`."""
        return [(h, self.columns.get(i, "")) for i, h in enumerate(self.headers)]


def map_platform_headers(file: str, headers: list[str], questions: dict[str, str],
                         required: tuple[str, ...]) -> HeaderMap:
    """Each canonical column's header: the platform's own columns by name, the questions by the
    policy's text for them. A header two fields claim, or a required field no header has, stops
    the run naming the field and listing the headers seen."""
    columns: dict[int, str] = {}
    for i, header in enumerate(headers):
        name = PLATFORM_COLUMNS.get(_fold(header))
        if name:
            columns[i] = name
    claimed: dict[int, list[str]] = {}
    for field, text in questions.items():
        needle = question_text(text)
        hits = [i for i, h in enumerate(headers) if i not in columns and needle and needle in question_text(h)]
        if len(hits) > 1:
            raise InputError(file, f"the policy's survey.questions.{field} ('{text}') matches {len(hits)} headers: "
                                   f"{', '.join(headers[i] for i in hits)}", column=field)
        for i in hits:
            claimed.setdefault(i, []).append(field)
    for i, fields in claimed.items():
        if len(fields) > 1:
            raise InputError(file, f"header '{headers[i]}' matches {' and '.join(fields)} in the policy's "
                                   f"survey.questions", column=fields[0])
        columns[i] = fields[0]
    missing = [f for f in required if f not in columns.values()]
    if missing:
        raise InputError(file, f"no header matches {missing[0]} (survey.questions.{missing[0]} = "
                               f"'{questions.get(missing[0], '')}'); headers seen: {', '.join(map(str, headers))}",
                         column=missing[0])
    return HeaderMap(columns, tuple(str(h) for h in headers))


def duration_seconds(text: str | None) -> str | None:
    """'125秒' -> '125', '2分5秒' -> '125', '1小时2分' -> '3720'; anything else as typed."""
    if text is None:
        return None
    match = _DURATION.match(_fold(text))
    if not match or not any(match.groups()):
        return text
    hours, minutes, seconds = (int(g or 0) for g in match.groups())
    return str(hours * 3600 + minutes * 60 + seconds)


def channel_of(source: str | None, sources: dict[str, str]) -> str | None:
    """The platform's 来源 (微信, 手机提交, 链接, ...) as a channel by the policy's table; a source
    the table does not name is 'other', never a reason to quarantine."""
    if source is None:
        return None
    text = _fold(source)
    return sources.get(text, sources.get("*", "other"))


def answer_text(value: str | None) -> str | None:
    """The platform's blank answers ((空), (跳过)) are blank; the rest as typed."""
    if value is None:
        return None
    return None if value.strip() in BLANK_ANSWERS else value


def coded_answer(value: str | None, codes: dict[str, str]) -> str | None:
    """A codes export (按序号) answer: the option number as the policy says it reads."""
    if value is None:
        return None
    text = _fold(value)
    return codes.get(text, text)
