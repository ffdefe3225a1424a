"""A comment that plainly praises the worker (transforms/comment_tone.py): trial 235's inverted sheet read 网格员很负责，
谢谢 as 非常不满意 throughout."""
import pytest

from gridpay.transforms.comment_tone import praises


@pytest.mark.parametrize("comment", ["网格员很负责，谢谢", "希望继续保持", "网格员态度很好", "挺好的", "服务不错，辛苦了",
                                     "上门服务很及时"])
def test_praise(comment):
    assert praises(comment)


@pytest.mark.parametrize("comment", ["不负责", "没耐心", "垃圾没人管", "反映的问题一直没回复", "谢谢你啊，从来不来",
                                     "不满意", "希望网格员多负责", "建议多来看看，辛苦了", "", None, "楼道灯坏了",
                                     # trial 238: a courtesy, or praise turned, on an honest 非常不满意
                                     "辛苦了", "谢谢您", "网格员人不错就是不来", "辛苦了，但是一年也见不到一回",
                                     "谢谢您，不过楼道堆物说了三次了还没清", "态度还行但是事情没人办"])
def test_no_praise(comment):
    assert not praises(comment)
