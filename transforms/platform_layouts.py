"""Survey-platform layouts as the policy declares them (`[survey.platforms.<name>]`): which of the
platform's own columns hold the response id, the submit time, the duration and the channel; how its
question headers are numbered; what prefix its options carry; and the time zone of its timestamps.
A new platform is a policy entry, not code. A policy without the table (every policy before it) is
read with the built-in 问卷星 layout below, exactly as gridpay read downloads then, so that its
published months audit unchanged."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from gridpay.transforms.zone import DEFAULT_TIMEZONE

# canonical column -> what the policy calls the platform's column for it
COLUMN_KEYS = {"response_id": "response_id", "submitted_at": "submitted_at", "duration_s": "duration",
               "channel": "channel"}
# 问卷星's headers: `5、题干`; also Q5. / 第5题: / 5) as people renumber forms
WJX_QUESTION_NUMBER = r"^\s*(?:Q|第)?\d+\s*(?:题)?\s*[、.．:：)）]\s*"
BLANK_ANSWERS = ("(空)", "（空）", "(跳过)", "（跳过）", "-3", "跳过")
_KEYS = (*COLUMN_KEYS.values(), "question_number", "option_prefix", "timezone", "blank_answers", "id_prefix")


class LayoutError(ValueError):
    """A platform entry or the survey time zone is not usable; the message names the key."""


@dataclass(frozen=True)
class PlatformLayout:
    name: str
    columns: dict[str, str]            # the platform's header -> canonical column
    question_number: str               # regex of a question header's number, matched at its start
    option_prefix: str = ""            # regex of an option's prefix ('A.'), removed from choice answers
    timezone: str | None = None        # of its timestamps without a zone; None: the policy's
    blank_answers: tuple[str, ...] = BLANK_ANSWERS
    # put before each of its response ids: platforms number each download's answers from 1, so two
    # platforms' downloads of one month would share ids (腾讯问卷's 17 is T17); "" keeps them as they are
    id_prefix: str = ""

    def header(self, canonical: str) -> str | None:
        return next((h for h, c in self.columns.items() if c == canonical), None)


# gridpay's reading of 问卷星 before layouts were declared; a policy without [survey.platforms]
WJX = PlatformLayout("问卷星", {"序号": "response_id", "提交答卷时间": "submitted_at", "所用时间": "duration_s",
                              "来源": "channel"}, WJX_QUESTION_NUMBER)


def checked_timezone(name: object, key: str) -> str:
    try:
        ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise LayoutError(f"policy {key} = '{name}' is not a time zone (e.g. \"{DEFAULT_TIMEZONE}\")") from exc
    return str(name)


def _regex(entry: dict, key: str, where: str, default: str) -> str:
    text = str(entry.get(key, default))
    try:
        re.compile(text)
    except re.error as exc:
        raise LayoutError(f"policy {where}.{key} is not a regular expression: {exc}") from exc
    return text


def _layout(name: str, entry: object) -> PlatformLayout:
    where = f'survey.platforms."{name}"'
    if not isinstance(entry, dict):
        raise LayoutError(f"policy {where} must be a table of column names")
    unknown = [k for k in entry if k not in _KEYS]
    if unknown:
        close = difflib.get_close_matches(unknown[0], _KEYS, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(_KEYS)})"
        raise LayoutError(f"policy {where}.{unknown[0]} is not a platform key{hint}")
    columns = {str(entry[key]).strip(): canonical for canonical, key in COLUMN_KEYS.items()
               if str(entry.get(key, "")).strip()}
    for required in ("response_id", "submitted_at"):
        if required not in columns.values():
            raise LayoutError(f"policy {where}.{required} must name the platform's column for it")
    blanks = entry.get("blank_answers", list(BLANK_ANSWERS))
    if not isinstance(blanks, list):
        raise LayoutError(f"policy {where}.blank_answers must be a list of texts")
    zone = entry.get("timezone")
    return PlatformLayout(name, columns, _regex(entry, "question_number", where, WJX_QUESTION_NUMBER),
                          _regex(entry, "option_prefix", where, ""),
                          None if zone is None else checked_timezone(zone, f"{where}.timezone"),
                          tuple(str(b).strip() for b in blanks), str(entry.get("id_prefix", "")).strip())


def platform_layouts(survey: dict) -> tuple[PlatformLayout, ...]:
    """The policy's layouts in the order it lists them (the first that fits a file reads it);
    the built-in 问卷星 layout when the policy has no [survey.platforms]."""
    if "platforms" not in survey:
        return (WJX,)
    table = survey["platforms"]
    if not isinstance(table, dict):
        raise LayoutError("policy survey.platforms must be a table of [survey.platforms.<name>] entries")
    return tuple(_layout(str(name), entry) for name, entry in table.items())


def survey_timezone(survey: dict) -> str:
    """The zone of the survey's local time (the month an answer belongs to): the policy's
    survey.timezone, else the zone every policy before the key was applied in."""
    return checked_timezone(survey["timezone"], "survey.timezone") if "timezone" in survey else DEFAULT_TIMEZONE
