"""Whether a resident's comment plainly praises the worker, by its words: a sheet typed the wrong way round shows itself
in answers rated at the bottom whose comments praise (trial 235's volunteer typed the number of the option circled, 1
for 非常满意, and 网格员很负责，谢谢 was read as a rating of 非常不满意 throughout). Words, not a model: a comment counts
only where it praises and says nothing against, asks nothing (希望, 建议) and negates no praise (不负责, 没耐心)."""
from __future__ import annotations

# what the worker did well; a courtesy alone (谢谢, 辛苦了) is said to the worst too (trial 238's 辛苦了 on 非常不满意)
PRAISE = ("负责", "热情", "点赞", "保持", "很好", "挺好", "不错", "满意", "好评", "认真", "耐心", "周到", "贴心", "尽职",
          "给力", "及时")
# ... and a word against, asking, or turning (网格员人不错就是不来; 谢谢您，不过楼道堆物说了三次了还没清: trial 238)
AGAINST = ("投诉", "没人", "差", "敷衍", "不作为", "从来不", "从不", "找不到", "不理", "不管", "没解决", "没有解决",
           "没回复", "没有回复", "不回复", "一直没", "推诿", "不好", "希望", "建议", "能否", "能不能", "要求", "请", "但",
           "不过", "可是", "就是", "却", "还没", "不来", "见不到", "没见", "几次", "多次", "三次", "一年")
NEGATIONS = "不没无未别难"


def _places(text: str, word: str) -> list[int]:
    found, start = [], text.find(word)
    while start >= 0:
        found.append(start)
        start = text.find(word, start + 1)
    return found


def praises(comment: str | None) -> bool:
    """A comment that praises (a praise word not negated), with no word against, of asking or of a praise negated."""
    if not comment:
        return False
    comment = comment.replace("希望继续", "继续").replace("希望能继续", "继续")       # asking for more of the same
    if any(word in comment for word in AGAINST):
        return False
    places = [i for word in PRAISE for i in _places(comment, word)]
    return bool(places) and all(i == 0 or comment[i - 1] not in NEGATIONS for i in places)
