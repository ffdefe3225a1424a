"""A community's own answer words (policy 2027.28, survey.form_words): the form asks with them and the notice names
them (trial 215's form asked 很满意 ... 很不满意: printed with the shipped words, its notice named those)."""
import pytest

from conftest import policy_text
from gridpay.core.errors import ConfigError
from gridpay.core.policy_file import policy_from_bytes
from gridpay.publishing.notice import callback_words, how_items
from gridpay.reports.questionnaire import questionnaire_text
from gridpay.reports.strings import LABELS

OWN = '["很满意", "满意", "一般", "不满意", "很不满意"]'


def _policy(words: str):
    text = policy_text().replace('form_words = ["非常满意", "满意", "基本满意", "不满意", "非常不满意"]',
                                 f"form_words = {words}")
    assert f"form_words = {words}" in text
    return policy_from_bytes(text.encode(), "p.toml")


def test_the_form_and_the_notice_use_the_communitys_own_words():
    policy = _policy(OWN)
    text = questionnaire_text("翠湖社区", ["一网格"], policy.items, policy.questions, options=policy.form_words)
    assert "满意吗[单选题]\n很满意\n满意\n一般\n不满意\n很不满意\n" in text and "非常满意" not in text
    assert "很满意=100、满意=75、一般=50、不满意=25、很不满意=0" in how_items(policy, LABELS["zh"], 28)
    assert "非常满意=100" in how_items(policy, LABELS["zh"], 27)        # a month published before: as it was
    assert callback_words(policy, LABELS["zh"], 28) == "“不满意”或“很不满意”" and not callback_words(policy, LABELS["zh"], 27)
    shipped = _policy('["非常满意", "满意", "基本满意", "不满意", "非常不满意"]')
    assert how_items(shipped, LABELS["zh"], 28) == how_items(shipped, LABELS["zh"], 27)


@pytest.mark.parametrize("words,message", [
    ('["很满意", "一般", "满意", "不满意", "很不满意"]', r"the options are read as 很满意 5, 一般 3, 满意 4, 不满意 2, 很不满意 1: "
                                                 r"a form's options go from its top down, one point each, so put the "
                                                 r"words in the order of their points \(很满意, 满意, 一般, 不满意, 很不满意\)"),
    ('["超级满意", "满意", "一般", "不满意", "很不满意"]', "'超级满意' is read as nothing"),
])
def test_words_the_policy_does_not_read_as_their_point_are_refused(words, message):
    with pytest.raises(ConfigError, match=message):
        _policy(words)


def test_a_form_of_fewer_options_is_named_by_their_points_and_the_shipped_five_re_pointed_are_no_form():
    three = _policy('["满意", "一般", "不满意"]'.replace('"满意", "一般"', '"非常满意", "一般"'))
    assert how_items(three, LABELS["zh"], 28).startswith("每份问卷5个题目，非常满意=100、一般=50、不满意=25，")
    assert callback_words(three, LABELS["zh"], 28) == "“不满意”"
    # trial 170's three-option form re-points 满意 = 5 and leaves the shipped five as they were: read as before
    text = policy_text().replace('"很满意" = 5', '"很满意" = 5\n"满意" = 5')
    assert policy_from_bytes(text.encode(), "p.toml").form_words == ()
