"""A callback's answer on the HR scorecard: trial 283's 0-10 form stopped the render ('dict object' has no attribute
'answer_0', an unexpected error, exit 2) and would have printed 1 and 2 as 非常不满意 and 不满意."""
import dataclasses

from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.publishing.notice import callback_answer
from gridpay.reports.strings import labels


def test_a_callback_s_answer_is_its_word_on_one_to_five_and_its_points_on_another_scale():
    policy, zh = load_policy(DEFAULT_POLICY), labels("zh")
    assert callback_answer(1, policy, zh, 32) == "非常不满意" and callback_answer(2, policy, zh, 31) == "不满意"
    ten = dataclasses.replace(policy, scale_min=0, scale_max=10)
    assert [callback_answer(n, ten, zh, 32) for n in (0, 1, 2)] == ["0分", "1分", "2分"]
    assert callback_answer(2, ten, labels("en"), 32) == "2 points"
    assert callback_answer(2, ten, zh, 31) == "不满意" and callback_answer(0, ten, zh, 31) == "0"   # as format 31 printed
