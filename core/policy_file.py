"""Read the policy file and turn its problems into exit 2."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from gridpay.core.errors import ConfigError
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.policy import Policy, PolicyError, policy_from_toml
from gridpay.transforms.policy_keys import policy_key_doubts
from gridpay.transforms.scale_words import words_left_on_shipped_scale


def load_policy(path: Path) -> Policy:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the policy file ({exc.strerror})") from exc
    return policy_from_bytes(data, str(path))


def policy_from_bytes(data: bytes, label: str) -> Policy:
    """The policy in `data` (a run passes its archived copy's bytes); errors name `label`, and what the
    file says that no rule reads ([Coefficient] for [coefficient] is a missing key)."""
    try:
        text = data.decode("utf-8-sig")      # Notepad's BOM (trial 118: refused as 'line 1, column 1')
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{label}: policy file must be UTF-8") from exc
    try:
        return policy_from_toml(text)
    except PolicyError as exc:
        raise ConfigError(f"{label}: {exc}{_full_width_said(text, exc)}{_doubts_said(text)}") from exc
    except (ValueError, TypeError, KeyError, ArithmeticError) as exc:      # "15%" where a number goes
        raise ConfigError(f"{label}: a value of the policy cannot be read ({type(exc).__name__}: {exc}){_line_of(text, exc)}; "
                          f"docs/methodology.md, section 7, gives each key's form{_doubts_said(text)}") from exc


def check_policy_keys(data: bytes, label: str) -> None:
    """Stop (exit 2) a new run on a policy that says what no rule reads (policy_keys); an audit replays
    its archived policy as it was and does not call this."""
    doubts = _doubts(data.decode("utf-8-sig"))
    if left := _words_left(data.decode("utf-8-sig")):
        raise ConfigError(f"{label}: answer words are left at their points on the shipped 1 to 5 scale, so a typed "
                          f"word would count as another point than the form means; nothing published. "
                          f"{'; '.join(left)}. Give each word its point on the policy's scale (the point of the word "
                          f"the shipped policy scores alike), or take it out of [survey.answer_words] (a word not "
                          f"named is invalid, said with its row), under a new version, and run again")
    if doubts:
        raise ConfigError(f"{label}: the policy says what no rule reads, so the month would be paid on other rules "
                          f"than the file shows; nothing published. {'; '.join(doubts)}. Correct the file (a new "
                          f"version if a month was published under this one) and run again")


_FULL_WIDTH = "＝“”‘’，。：；［］＃"


def _line_of(text: str, exc: Exception) -> str:
    """', on line 12: min_responses = "10份"': the line of the value Python could not read (trial 118: no key named)."""
    value = re.search(r"'([^']+)'", str(exc))
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if value and f'"{value[1]}"' in line.split("#")[0]]
    return f", on line {lines[0][0]}: {lines[0][1].strip()}" if len(lines) == 1 else ""


def _full_width_said(text: str, exc: Exception) -> str:
    """Punctuation typed in Chinese outside a quoted value on the line TOML could not read: trial 118's ＝ and “ ”
    read as = and " on screen, and 'Expected =' said nothing a clerk could see."""
    at = re.search(r"at line (\d+)", str(exc))
    lines = text.splitlines()
    if "not valid TOML" not in str(exc) or not at or int(at[1]) > len(lines):
        return ""
    line = re.sub(r"\"[^\"]*\"|'[^']*'", "", lines[int(at[1]) - 1].split("#")[0])
    found = "".join(c for c in dict.fromkeys(line) if c in _FULL_WIDTH)
    return (f"; line {at[1]} holds {' '.join(found)} typed in Chinese (full-width): TOML reads only = \" ' , . : [ ] "
            f"typed in English (half-width)") if found else ""


def _doubts(text: str) -> list[str]:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return []
    return policy_key_doubts(doc, tomllib.loads(DEFAULT_POLICY.read_text(encoding="utf-8")))


def _words_left(text: str) -> list[str]:
    try:
        return words_left_on_shipped_scale(tomllib.loads(text), tomllib.loads(DEFAULT_POLICY.read_text(encoding="utf-8")))
    except tomllib.TOMLDecodeError:
        return []


def _doubts_said(text: str) -> str:
    doubts = _doubts(text)
    return f" ({'; '.join(doubts)})" if doubts else ""
