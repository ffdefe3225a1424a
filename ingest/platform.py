"""Survey-platform downloads: the platform's own columns, then one column per question headed by
its number and text (`5、题干` on 问卷星, `5.题干` on 腾讯问卷), mapped onto the canonical survey
columns by the policy's platform layout (`[survey.platforms.<name>]`, transforms/platform_layouts.py)
and its `[survey.questions]`, so that HR drops in the download as it comes. Pure functions of
header and cell texts; reading the file is ingest/formats.py's."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.transforms.parsing import normalized_cell, parsed_timestamp
from gridpay.transforms.platform_layouts import WJX, WJX_QUESTION_NUMBER, PlatformLayout

_TRAILING = re.compile(r"[\s?？:：。.!！*＊()（）]+$")
_DURATION = re.compile(r"^\s*(?:(\d+)\s*小时)?\s*(?:(\d+)\s*分(?:钟)?)?\s*(?:(\d+)\s*秒)?\s*$")
# the single-choice questions, whose answers carry the option's prefix on some platforms ('A.非常满意')
CHOICE_COLUMNS = ("grid_id", "compound")


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _fold(text) -> str:
    """NFKC-folded and trimmed ('５' -> '5'), '' for blank: transforms/parsing.normalized_cell."""
    return normalized_cell(text) or ""


def question_text(header: str, number: str = WJX_QUESTION_NUMBER) -> str:
    """'5、您对网格员的环境卫生工作满意吗？' -> '您对网格员的环境卫生工作满意吗' (NFKC, no number as
    the layout's `question_number` matches it, no trailing punctuation): renumbering the form does
    not change it."""
    text = _fold(header)
    match = _compiled(number).match(text)
    return _TRAILING.sub("", text[match.end():] if match else text)


def recognised_layout(headers: list[str], layouts: tuple[PlatformLayout, ...] = (WJX,)) -> PlatformLayout | None:
    """The layout a header row is a download of: the first whose response-id and submit-time
    columns are both there (the one with more of its columns there if several are), else the first
    of whose numbered questions there are at least three; None for any other file."""
    clean = [_fold(h) for h in headers]
    best, best_hits = None, 0
    for layout in layouts:
        if all(layout.header(c) in clean for c in ("response_id", "submitted_at")):
            hits = sum(h in clean for h in layout.columns)
            if hits > best_hits:
                best, best_hits = layout, hits
    if best is not None:
        return best
    return next((layout for layout in layouts
                 if sum(bool(_compiled(layout.question_number).match(h)) for h in clean) >= 3), None)


@dataclass(frozen=True)
class HeaderMap:
    columns: dict[int, str]            # column position -> canonical name
    headers: tuple[str, ...]           # as the file has them
    twins: tuple[tuple[str, tuple[int, ...]], ...] = ()    # an item asked by several headers (reworded_questions)

    def describe(self) -> list[tuple[str, str]]:
        """(header, canonical name or '') for `gridpay inspect`."""
        also = {i: name for name, positions in self.twins for i in positions}
        return [(h, self.columns.get(i) or also.get(i, "")) for i, h in enumerate(self.headers)]


# an option of a multiple-choice question, as 问卷星's 按序号 export heads it: 11(环境卫生) (a thirty-first
# trial's 改进方面 option 环境卫生 matched the item's question too, and the file was refused)
_OPTION_COLUMN = re.compile(r"^\d+\s*[(（][^)）]*[)）]$")


# a phone that is not the respondent's, or no phone: 紧急联系人手机号, 您是否知道网格员的联系电话 (a sixty-seventh
# trial's emergency contacts, naming their 网格员, were read as self-ratings, and workers' own answers counted)
# (网格员 is not among them: 您的联系电话（网格员回访用） is the respondent's)
NOT_THE_RESPONDENTS = ("紧急", "联系人", "家属", "亲属", "是否", "知道")


def map_platform_headers(file: str, headers: list[str], questions: dict[str, str],
                         required: tuple[str, ...], layout: PlatformLayout = WJX,
                         phone_words: tuple[str, ...] = (), reworded: tuple[str, ...] = ()) -> HeaderMap:
    """Each canonical column's header: the platform's own columns by name, the questions by the
    policy's text for them; the phone, where its text matches none, by the one header holding the first
    of `phone_words` (survey.phone_questions) that one header holds. A header two fields claim, or a
    required field no header has, stops the run naming the field and listing the headers seen; a field of
    `reworded` (survey.reworded_questions) matching several is read by the first, its twins said."""
    columns: dict[int, str] = {}
    twins = []
    for i, header in enumerate(headers):
        name = layout.columns.get(_fold(header))
        if name:
            columns[i] = name
    claimed: dict[int, list[str]] = {}
    for field, text in questions.items():
        hits = [i for i, h in enumerate(headers) if i not in columns and _asks(h, text, layout)]
        if len(hits) > 1:      # 问卷星 按序号 heads a multiple choice's options 11(环境卫生): never a question
            hits = [i for i in hits if not _OPTION_COLUMN.match(str(headers[i]).strip())] or hits
        if len(hits) > 1:      # 3.您所在的网格—其他（请注明）: the fill-in of a choice's 其他 beside it (trial 172)
            hits = [i for i in hits if not _fill_in(str(headers[i]), [str(headers[j]) for j in hits if j != i])] or hits
        if len(hits) > 1 and field == "respondent_phone":     # 紧急联系人手机号码 beside 您的手机号码 (trial 87)
            hits = [i for i in hits if not any(w in str(headers[i]) for w in NOT_THE_RESPONDENTS)] or hits
        if len(hits) > 1 and field in reworded and not any(      # one question asked before an edit and after it,
                _asks(headers[i], other, layout) for i in hits for f, other in questions.items() if f != field):
            twins.append((field, tuple(hits)))      # ... not a text other questions' headers hold too (满意吗)
            hits = hits[:1]
        if len(hits) > 1:
            raise InputError(file, f"the policy's survey.questions.{field} ('{text}') matches {len(hits)} headers: "
                                   f"{', '.join(headers[i] for i in hits)}; set it to a text only its question "
                                   f"holds (in your policy, with a new version: docs/troubleshooting.md)", column=field)
        for i in hits:
            claimed.setdefault(i, []).append(field)
    for i, fields in claimed.items():
        if len(fields) > 1:
            raise InputError(file, f"header '{headers[i]}' matches {' and '.join(fields)} in the policy's "
                                   f"survey.questions", column=fields[0])
        columns[i] = fields[0]
    for word in phone_words if "respondent_phone" not in columns.values() else ():
        # 您的联系电话, 您的手机号: a sixty-fifth trial's reworded question lost every phone, a self-rating counted;
        # word by word, so that 联系电话 is the phone beside 您是否愿意通过联系方式回访 (a sixty-sixth trial's form)
        hits = [i for i, h in enumerate(headers) if i not in columns and word in str(h)
                and not any(other in str(h) for other in NOT_THE_RESPONDENTS)]
        if len(hits) == 1:
            columns[hits[0]] = "respondent_phone"
            break
    missing = [f for f in required if f not in columns.values()]
    if missing:
        taken = (f"; read as a {layout.name} download, by its {layout.header('response_id')} and "
                 f"{layout.header('submitted_at')} columns (if HR typed it, head its columns as docs/platforms.md "
                 f"says: 问卷编号, 网格, 户号, 提交时间, ...)")
        raise InputError(file, f"no header matches {missing[0]} (survey.questions.{missing[0]} = "
                               f"'{questions.get(missing[0], '')}'); headers seen: {', '.join(map(str, headers))}"
                               f"{taken}", column=missing[0])
    return HeaderMap(columns, tuple(str(h) for h in headers), tuple(twins))


def _fill_in(header: str, others: list[str]) -> bool:
    """Is the header another's with the words of a 其他 option's fill-in after it (腾讯问卷's `—其他（请注明）`)?"""
    return any(header.startswith(o.strip()) and any(w in header[len(o.strip()):] for w in _FILL_IN_WORDS)
               for o in others)


_FILL_IN_WORDS = ("其他", "其它", "请注明", "请填写", "填空")


def _asks(header: str, text: str | tuple[str, ...], layout: PlatformLayout) -> bool:
    """Does the header hold the text, or one of the texts (survey.questions' list: a question reworded)?"""
    asked = question_text(header, layout.question_number)
    return any((needle := question_text(t, layout.question_number)) and needle in asked
               for t in (text if isinstance(text, tuple) else (text,)))


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


def answer_text(value: str | None, layout: PlatformLayout = WJX) -> str | None:
    """The platform's blank answers ((空), (跳过)) are blank; the rest as typed."""
    if value is None:
        return None
    return None if value.strip() in layout.blank_answers else value


def choice_text(value: str | None, layout: PlatformLayout) -> str | None:
    """A choice answer without the option's prefix the layout declares: 'A.非常满意' -> '非常满意'."""
    if value is None or not layout.option_prefix:
        return value
    match = _compiled(layout.option_prefix).match(value.strip())
    return value.strip()[match.end():] if match and match.end() else value


def local_time_text(value: str | None, layout: PlatformLayout, timezone: str) -> str | None:
    """A submit time without a zone, from a platform whose timestamps are in another zone than the
    policy's, as the policy's local time ('2026-10-31 17:30:00' from a UTC platform ->
    '2026-11-01 01:30:00' in Beijing); other texts as typed (a time with a zone is converted where
    it is parsed)."""
    if value is None or layout.timezone in (None, timezone):
        return value
    ts = parsed_timestamp(value, timezone)
    if ts is None or _has_zone(value):
        return value
    local = ts.tz_localize(layout.timezone, ambiguous="NaT", nonexistent="NaT")
    if local is pd.NaT:     # a clock change's repeated or skipped hour: quarantined, never guessed
        return f"{value} (not a single time in {layout.timezone})"
    return local.tz_convert(timezone).strftime("%Y-%m-%d %H:%M:%S")


def _has_zone(value: str) -> bool:
    try:
        return pd.Timestamp(_fold(value).replace("/", "-")).tzinfo is not None
    except (ValueError, TypeError, OverflowError):
        return False


def coded_answer(value: str | None, codes: dict[str, str]) -> str | None:
    """A codes export (按序号) answer: the option number as the policy says it reads."""
    if value is None:
        return None
    text = _fold(value)
    return codes.get(text, text)
