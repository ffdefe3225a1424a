"""Cells as a volunteer types up paper forms (policy 2026.11): a thirty-third trial's answers were invalid, or one
tenant two households, for a numeral of cheques, a full stop, a channel in more words and a day typed 10.14. Each
rule is off under a policy without its key, so archived months reproduce."""
from gridpay.ingest.survey_values import _timestamp_or_none, channel_name
from gridpay.transforms.door_numbers import normalized_household
from gridpay.transforms.parsing import normalized_likert


def test_formal_numerals_and_hundreds_are_the_numbers_they_stand_for():
    rules = (True, True, True, True, True, True)
    for typed, door in (("叁组15号201室", "3组15号201"), ("叁组拾伍号", "3组15"), ("伍栋贰单元301", "5栋2单元301")):
        assert normalized_household(typed, *rules, True) == door, typed
        assert normalized_household(typed, *rules) != door                  # a policy without the key
    assert normalized_household("3组15号201", *rules, True) == "3组15号201"
    # a thirty-fourth trial's 一百零二号 was read 一百02号 and counted beside 102号
    for typed, door in (("一百零二号", "102号"), ("壹佰零贰号", "102号"), ("一百二十号", "120号"), ("两百号", "200号"),
                        ("一百一十五号", "115号"), ("7弄一百零五号", "7弄105")):
        assert normalized_household(typed, *rules, True) == door, typed
    assert normalized_household("一百二号", *rules, True) != "102号"       # 120 as spoken, or 102: not guessed


def test_an_answer_word_with_a_mark_after_it_is_the_word():
    assert [normalized_likert(t, {}, True) for t in ("非常满意。", "满意，", "一般!", "5。", "非常满意")] == ["5", "4", "3", "5", "5"]
    assert normalized_likert("非常满意。", {}) == "非常满意。"                      # without the key: invalid
    assert normalized_likert("好。", {}, True) == "好。" and normalized_likert("。", {}, True) == "。"
    # a "no opinion" word the policy calls blank (policy 2027.1): not answered; without it, invalid as typed
    assert normalized_likert("不了解", {"不了解": ""}) is None and normalized_likert("不了解", {}) == "不了解"


def test_a_channel_in_more_words_is_the_channel_its_words_name_only_where_they_name_one():
    words = {"纸质": "paper", "入户": "visit", "微信": "wechat"}
    assert [channel_name(t, words, True) for t in ("入户调查", "纸质版", "微信扫码", "纸质", "纸质+微信", "fax")] == [
        "visit", "paper", "wechat", "paper", "纸质+微信", "fax"]
    assert channel_name("入户调查", words) == "入户调查"                           # without the key: judged as typed


def test_a_day_typed_month_dot_day_is_a_day_of_the_run_s_month_unless_excel_may_have_dropped_its_zero():
    def read(text: str, dotted: bool = True):
        ts = _timestamp_or_none(text, "Asia/Shanghai", "2026-10", False, dotted)
        return ts and ts.strftime("%Y-%m-%d")
    assert [read(t) for t in ("10.14", "10.5", "10.31", "10.09")] == ["2026-10-14", "2026-10-05", "2026-10-31",
                                                                      "2026-10-09"]
    # 10.1 may be 10.10 (a number cell drops the zero), 9.30 is another month's day, 10.32 none
    assert [read(t) for t in ("10.1", "10.2", "10.3", "9.30", "10.32")] == [None] * 5
    assert read("10.14", dotted=False) is None                                # without the key


def test_a_street_house_however_typed_and_numbers_a_space_apart_are_one_home_under_the_streets_rule():
    """A ninety-second trial's street grid (no compound to tell homes by): 银杏街3号 online, 银杏街3 on paper, counted
    twice; and 1 1 202 read as 11202. Policy 2027.11; without the key as before."""
    rules = (True,) * 7
    for typed, door in (("银杏街3", "银杏街3号"), ("梧桐路第21号", "梧桐路21号"), ("梧桐路20#", "梧桐路20号"),
                        ("中山路一巷5", "中山路一巷5号"), ("1 1 202", "1栋1单元202"),
                        ("3 2 501", "3栋2单元501")):
        assert normalized_household(typed, *rules, True) == door, typed
        assert normalized_household(typed, *rules) != door, typed           # a policy without the key
    assert normalized_household("32 501", *rules, True) == "32栋501" != normalized_household("3 2 501", *rules, True)
    # a phone typed with spaces stays glued, where masks find it (139-1234-0005 would slip past the SQL mask)
    assert normalized_household("手机 139 1234 0005", *rules, True) == "手机13912340005"
    for kept in ("银杏街7号(门面)", "梧桐路18号302", "7弄5号301", "银杏街3号", "12弄21"):      # a note, a room, a lane
        assert normalized_household(kept, *rules, True) == normalized_household(kept, *rules), kept
