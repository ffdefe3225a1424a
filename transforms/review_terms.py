"""The words of the 公示 cycle: an appeal's category and decision (申诉复核) and a verification
call's result (回访), as codes; HR may type the code or the Chinese word. Pure data."""
from __future__ import annotations

CATEGORIES = {"misrated": "误评", "malicious": "恶意差评", "coached": "诱导或代填", "wrong_grid": "非本网格",
              "other": "其他"}
DECISIONS = {"pending": "待复核", "upheld": "支持", "rejected": "驳回"}
RESULTS = {"confirmed": "属实", "denied": "未参与", "coached": "受诱导", "unreachable": "未接通"}
EXCLUDING_RESULTS = ("denied", "coached")      # a call that finds the answer not genuine
# a call's finding in the words HR also writes: 诱导 (trial 212's brief, refused), the appeal category's 诱导或代填;
# 已核实, 空号, 停机 (trial 275's calls, refused: words that stopped a month read no published one otherwise). 代填 alone
# is not read: a form filled for a resident who says the ratings are his is 属实, one he disowns 受诱导
RESULT_WORDS = {"诱导": "coached", "诱导或代填": "coached", "已核实": "confirmed", "核实属实": "confirmed",
                "空号": "unreachable", "停机": "unreachable", "关机": "unreachable", "无人接听": "unreachable"}
# a decision_note to write where one names a home (it is printed on the worker's sheet), of the appeal's own kind:
# trial 167's wrong-grid appeal, and a rejected one, were offered a call's finding (经回访核实，该答卷非住户本人填写)
NOTE_EXAMPLES = {"wrong_grid": "经核实，该户不在本网格", "coached": "经回访核实，该答卷系他人诱导或代填",
                 "misrated": "经复核，该评价与事实不符", "malicious": "经复核，该评价与事实不符", "other": "经核实，按规定不计入",
                 "rejected": "经复核，申诉理由不成立"}


def note_example(decision: str | None, category: str | None) -> str:
    return NOTE_EXAMPLES["rejected" if decision == "rejected" else category if category in NOTE_EXAMPLES else "other"]


def as_code(value: str | None, words: dict[str, str], blank: str | None = None,
            also: dict[str, str] | None = None) -> str | None:
    """'支持' or 'Upheld ' -> 'upheld'; blank -> `blank`; `also`: other words of a code; anything else as typed
    (validation names it)."""
    if value is None or not str(value).strip():
        return blank
    text = str(value).strip()
    by_word = {word: code for code, word in words.items()} | (also or {})
    return by_word.get(text, text.lower() if text.lower() in words else text)
