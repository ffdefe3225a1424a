"""Answer words left at their point on the shipped 1-5 scale in a policy of another scale. A copy of the shipped
policy set to 0-10 gives 非常满意 = 10 and 满意 = 8 in [survey.answer_words], while the copied table's 很满意 = 5 and
比较满意 = 4 stay: trial 203's volunteer typed 很满意 and 比较满意 on one form, which scored 42 for 84, 陈静 paid 1484.64
for 1532.16, exit 0, nothing said. A word that is a number (5分, 五) is its point on any scale and is not asked."""
from __future__ import annotations

import re

from gridpay.transforms.parsing import LIKERT_WORDS

NUMBER = re.compile(r"^[0-9一二三四五六七八九十]+分?$")


def words_left_on_shipped_scale(doc: dict, shipped: dict) -> list[str]:
    """One line per answer word of `doc` (a policy document) at its shipped point where `doc`'s scale is not the
    shipped one: beside a word the shipped policy scores alike and `doc` moves, or all of them where it moves none."""
    survey, ships = doc.get("survey", {}), shipped.get("survey", {})
    scale = (survey.get("scale_min", 1), survey.get("scale_max", 5))
    if scale == (ships.get("scale_min", 1), ships.get("scale_max", 5)):
        return []
    was = {**{w: int(p) for w, p in LIKERT_WORDS.items()}, **_levels(ships.get("answer_words", {}))}
    now = {**{w: int(p) for w, p in LIKERT_WORDS.items()}, **_levels(survey.get("answer_words", {}))}
    left = {w: p for w, p in now.items() if w in was and p == was[w]}
    moved = {w: p for w, p in now.items() if w in was and p != was[w]}
    if not moved:
        return [f"survey.answer_words: on a scale of {scale[0]} to {scale[1]}, the answer words keep their points on 1 to 5 ("
                f"{', '.join(f'{w} = {p}' for w, p in list(left.items())[:6])}): a typed 非常满意 would count as "
                f"{was.get('非常满意', 5)} of {scale[1]}"] if left else []
    lines = []
    for word, point in left.items():
        alike = [w for w, p in moved.items() if was[w] == was[word]]
        if alike:
            lines.append(f"survey.answer_words.{word} = {point} (its point on 1 to 5) beside {alike[0]} = "
                         f"{moved[alike[0]]}, which the shipped policy scores alike")
    return lines


def _levels(words: dict) -> dict[str, int]:
    return {str(w).strip(): p for w, p in words.items()
            if isinstance(p, int) and not isinstance(p, bool) and not NUMBER.match(str(w).strip())}
