"""The callback list says which answers it takes (publishing/notice.py): trial 129's policy put 基本满意 on it, and the
notice told residents of 42 不满意 or 非常不满意 answers, 33 of them 基本满意."""
from types import SimpleNamespace

from gridpay.publishing.notice import callback_words
from gridpay.reports.strings import labels

ZH, EN = labels("zh"), labels("en")


def _policy(at: int, low: int = 1, high: int = 5) -> SimpleNamespace:
    return SimpleNamespace(callback_at_or_below=at, scale_min=low, scale_max=high)


def test_the_default_line_keeps_the_words_every_month_before_said():
    assert callback_words(_policy(2), ZH, 19) == ""
    assert callback_words(_policy(3), ZH, 18) == ""                 # a month published before: as it was


def test_another_line_names_its_answers_in_the_scorecard_s_language():
    assert callback_words(_policy(3), ZH, 19) == "“基本满意”、“不满意”或“非常不满意”"
    assert callback_words(_policy(1), ZH, 19) == "“非常不满意”"
    assert callback_words(_policy(3), EN, 19) == "'neutral', 'dissatisfied' or 'very dissatisfied'"
    assert callback_words(_policy(4, 1, 10), ZH, 19) == "4分及以下"     # a scale without words
