"""A channel the month published last counted answers by, with none this month, is said (trial 180: the scheduled
run fired before the paper sheet was typed in; October had 48 paper answers, November none, published unsaid)."""
from gridpay.pipeline.missing_channels import missing_channels


def test_a_channel_of_ten_answers_or_more_gone_this_month_is_named():
    before = {"paper": 48, "wechat": 130, "phone": 9, "visit": 12, "": 20}
    assert missing_channels(before, {"wechat": 171, "visit": 3}) == [("paper", 48)]
    assert missing_channels(before, {"wechat": 171}) == [("paper", 48), ("visit", 12)]
    assert missing_channels(before, {"wechat": 12, "paper": 1, "visit": 1}) == []      # fewer is not gone
    assert missing_channels({"wechat": 200}, {}) == []          # a platform's own channel: the download is said apart
