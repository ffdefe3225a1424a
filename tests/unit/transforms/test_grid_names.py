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
