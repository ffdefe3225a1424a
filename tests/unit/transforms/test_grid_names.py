"""The grids a mistyped grid name is offered as ("did you mean"): alike before the words every grid's name
ends in, not by them."""
import pytest

from gridpay.transforms.grid_names import closest_grids

GRIDS = {"G01": "翠竹一网格", "G04": "金桂一网格", "G07": "滨河网格", "G09": "老街片区网格",
         "G10": "新河小区二网格", "G11": "新河小区三网格"}


@pytest.mark.parametrize("typed, offered", [
    ("桃源一网格", ()),                         # trial 86: a neighbour's grid, alike only by 一网格
    ("金贵一网格", ("金桂一网格 (G04)",)),        # one character wrong in the name's own part
    ("老街片区网络", ("老街片区网格 (G09)",)),     # the ending mistyped
    ("新河小区3网格", ("新河小区三网格 (G11)",)),  # a numeral as a digit
    ("G4", ("G04 (金桂一网格)",)),
])
def test_closest_grids_alike_before_the_ending(typed, offered):
    assert closest_grids(typed, GRIDS) == offered


def test_a_grid_of_another_number_is_never_offered():
    """Trial 141: '网格二' offered '第一网格 (CH01)' first, alike by 网格 alone; its clerk took it, and CH02's answers paid
    CH01's worker."""
    grids = {"CH01": "第一网格", "CH02": "第二网格", "CH03": "第三网格"}
    assert closest_grids("网格二", grids) == ("第二网格 (CH02)",)
    assert closest_grids("3号网格", grids) == ("第三网格 (CH03)",)
    assert closest_grids("第四网格", grids) == ()


def test_a_grid_s_number_with_ten_reads_as_its_value():
    """Trial 222's 十一网格 was offered 第1网格 (G01) and, so aliased, G11's answers paid G01's worker; 十网格 read like
    no grid and its three answers were set aside quietly (W10 1409.44 for 1425.44), exit 0."""
    grids = {f"G{i:02d}": f"第{i}网格" for i in range(1, 13)}
    for typed, meant in (("十网格", "G10"), ("第十网格", "G10"), ("十一网格", "G11"), ("第十一网格", "G11"),
                         ("十二网格", "G12"), ("一网格", "G01"), ("第1网格", "G01")):
        assert [label.split("(")[-1].rstrip(")") for label in closest_grids(typed, grids)] == [meant], typed
    assert closest_grids("十三网格", grids) == ()
    # a place's 十 or 百 is a word, not the grid's number
    assert closest_grids("一网格", {"B1": "百花一网格", "B2": "百花二网格"}) == ("百花一网格 (B1)",)
    assert closest_grids("十里铺二网格", {"S1": "十里铺一网格", "S2": "十里铺二网格"}) == ("十里铺二网格 (S2)",)


def test_a_letter_typed_for_a_digit_is_offered_the_grid_of_that_number():
    # trial 294: l1网格 was offered 1网格 (QS01); taken, an 11网格 resident's answer would have paid 1网格's worker
    from gridpay.transforms.grid_names import similar_grids
    numbered = {f"QS{n:02d}": f"{n}网格" for n in range(1, 13)}
    assert similar_grids("l1网格", numbered) == [("11网格 (QS11)", "QS11")]
    assert similar_grids("O1网格", numbered) == [("1网格 (QS01)", "QS01")]
    assert similar_grids("1 1网格", numbered) == []                     # 1 1: two numbers, neither grid's alone
