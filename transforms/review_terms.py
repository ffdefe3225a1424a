"""The words of the 公示 cycle: an appeal's category and decision (申诉复核) and a verification
call's result (回访), as codes; HR may type the code or the Chinese word. Pure data."""
from __future__ import annotations

CATEGORIES = {"misrated": "误评", "malicious": "恶意差评", "coached": "诱导或代填", "wrong_grid": "非本网格",
              "other": "其他"}
DECISIONS = {"pending": "待复核", "upheld": "支持", "rejected": "驳回"}
RESULTS = {"confirmed": "属实", "denied": "未参与", "coached": "受诱导", "unreachable": "未接通"}
EXCLUDING_RESULTS = ("denied", "coached")      # a call that finds the answer not genuine


def as_code(value: str | None, words: dict[str, str], blank: str | None = None) -> str | None:
    """'支持' or 'Upheld ' -> 'upheld'; blank -> `blank`; anything else as typed (validation names it)."""
    if value is None or not str(value).strip():
        return blank
    text = str(value).strip()
    by_word = {word: code for code, word in words.items()}
    return by_word.get(text, text.lower() if text.lower() in words else text)
