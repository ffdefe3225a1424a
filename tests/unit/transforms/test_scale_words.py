"""Answer words left at their shipped 1-5 points in a policy of another scale (trial 203)."""
import tomllib

from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.scale_words import words_left_on_shipped_scale

SHIPPED = tomllib.loads(DEFAULT_POLICY.read_text(encoding="utf-8"))


def _policy(scale: tuple[int, int], words: dict) -> dict:
    return {"survey": {"scale_min": scale[0], "scale_max": scale[1],
                       "answer_words": {**SHIPPED["survey"]["answer_words"], **words}}}


def test_a_copied_word_left_beside_its_rescaled_twin_is_said():
    words = {"非常满意": 10, "满意": 8, "基本满意": 5, "一般": 5, "不满意": 3, "非常不满意": 0}
    said = words_left_on_shipped_scale(_policy((0, 10), words), SHIPPED)
    assert said[0] == ("survey.answer_words.很满意 = 5 (its point on 1 to 5) beside 非常满意 = 10, which the shipped "
                       "policy scores alike")
    assert {line.split(" =")[0] for line in said} == {f"survey.answer_words.{w}" for w in (
        "很满意", "比较满意", "较满意", "不太满意", "比较不满意", "很不满意")}      # 5分 and 五 are points as they are
    rescaled = {**words, "很满意": 10, "比较满意": 8, "较满意": 8, "不太满意": 3, "比较不满意": 3, "很不满意": 0}
    assert words_left_on_shipped_scale(_policy((0, 10), rescaled), SHIPPED) == []


def test_a_scale_whose_words_were_not_rescaled_at_all_is_said_and_the_shipped_scale_is_not_asked():
    said = words_left_on_shipped_scale(_policy((1, 10), {}), SHIPPED)
    assert len(said) == 1 and said[0].startswith("survey.answer_words: on a scale of 1 to 10, the answer words keep "
                                                 "their points on 1 to 5 (非常满意 = 5, 满意 = 4")
    assert "a typed 非常满意 would count as 5 of 10" in said[0]
    assert words_left_on_shipped_scale(_policy((1, 5), {"满意": 5}), SHIPPED) == []
