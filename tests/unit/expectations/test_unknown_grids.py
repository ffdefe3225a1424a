"""A grid the survey rows name that grids.csv lacks: which grid it most likely means."""
from conftest import SURVEY_HEADER, survey, write_csv
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.expectations.unknown_grids import unknown_grids
from gridpay.expectations.validate import _stage_reference_tables
from gridpay.ingest.staging import stage_inputs
from gridpay.transforms.grid_names import grids_of_compound


def test_a_compound_written_where_the_grid_goes_names_the_grid_that_lists_it(make_inbox, tmp_path):
    """A field trial's volunteer wrote 老街社区 (G7's compound 老街) in the grid column on four rows:
    no name reads like it, so nothing stopped and G7's worker was paid on the rest (1408.80 for 1446.75)."""
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G1", "天桥新村一网格", "社区", "20", "滨河花园"),
               ("G2", "井湖村二网格", "社区", "10", "老街；新河小区")])
    rows = [survey(f"R{i}", grid, f"{i}栋1单元101", ("4",) * 5)
            for i, grid in enumerate(["老街社区", "老街社区", "滨河 花园", "东区", "G1"])]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER, rows)
    stage_inputs(inbox, "2026-09", load_policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    _stage_reference_tables(tmp_path / "work")
    found = {g.value: (g.closest_ids, str(g)) for g in unknown_grids(tmp_path / "work", 5, 1)}
    assert found == {
        "老街社区": (("G2",), "'老街社区' on 2 rows; did you mean '井湖村二网格 (G2), whose compound is 老街'?"),
        "滨河 花园": (("G1",), "'滨河 花园' on 1 row; did you mean '天桥新村一网格 (G1), whose compound is 滨河花园'?")}
    # 东区 reads like no grid and names no compound: one such row is an invalid row, no stop


def test_a_compound_two_grids_list_offers_both():
    names = {"G1": "一网格", "G2": "二网格"}
    labels, ids = grids_of_compound("丽景苑小区", names, {"G1": ("丽景苑",), "G2": ("丽景苑",)})
    assert ids == ("G1", "G2") and labels[1] == "二网格 (G2), whose compound is 丽景苑"
    assert grids_of_compound("丽景", names, {"G1": ("丽景苑",)}) == ((), ())


def test_a_typo_of_a_grid_sharing_its_compound_with_others_offers_that_grid_first(make_inbox, tmp_path):
    """A twenty-third trial: '滨江苑二网络' in 滨江苑, which three grids list, offered 滨江苑一网格 first."""
    from gridpay.core.policy_file import load_policy as policy
    inbox = make_inbox({})
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households", "compounds"),
              [("G5", "滨江苑一网格", "社区", "20", "滨江苑"), ("G6", "滨江苑二网格", "社区", "20", "滨江苑"),
               ("G10", "滨江苑三网格", "社区", "20", "滨江苑")])
    rows = [survey(f"R{i}", "滨江苑二网络", f"{i}栋1单元101", ("4",) * 5) for i in range(3)]
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), [r + ("滨江苑",) for r in rows])
    stage_inputs(inbox, "2026-09", policy(DEFAULT_POLICY), b"k", tmp_path / "work")
    _stage_reference_tables(tmp_path / "work")
    (found,) = unknown_grids(tmp_path / "work", 5, 1)
    assert found.closest_ids[0] == "G6", str(found)


def test_a_grid_whose_two_compounds_the_rows_name_is_offered_with_both():
    """A sixty-fifth trial read 'whose compound 红旗宿舍 of its 11 rows name' where the other 9 named its 梅园新村."""
    from gridpay.expectations.unknown_grids import _closest
    names = {"CZ3": "梅园新村第三网格", "CZ1": "翠竹苑第一网格"}
    labels, ids = _closest("梅园三网格", names, {"CZ3": ("梅园新村", "红旗宿舍")}, [("红旗宿舍", 11), ("梅园新村", 9)])
    assert ids[0] == "CZ3"
    assert labels[0] == "梅园新村第三网格 (CZ3), whose compounds its rows name (红旗宿舍 on 11, 梅园新村 on 9)"


def test_a_grid_whose_compound_the_rows_name_is_offered_with_the_compound_as_grids_csv_lists_it():
    """A seventy-fourth trial's rows said 滨江小区 and were told 'whose compound 滨江 its row names' (the stage's form)."""
    from gridpay.expectations.unknown_grids import _closest
    labels, ids = _closest("滨江网络", {"G2": "滨江网格", "G1": "翠湖网格"}, {"G2": ("滨江小区",)}, [("滨江", 1)])
    assert ids[0] == "G2" and labels[0] == "滨江网格 (G2), whose compound 滨江小区 its row names"


def test_grids_sharing_the_compound_are_offered_by_the_number_typed():
    """Trial 141's re-check: '网格二' in 翠湖花园, which CH01 and CH02 list, offered 'CH02 or CH01'; a clerk in a
    hurry takes either."""
    from gridpay.expectations.unknown_grids import _closest
    names = {"CH01": "第一网格", "CH02": "第二网格", "CH03": "第三网格"}
    compounds = {"CH01": ("翠湖花园",), "CH02": ("翠湖花园",), "CH03": ("翠湖花园",)}
    assert _closest("网格二", names, compounds, [("翠湖花园", 4)])[1] == ("CH02",)
    assert _closest("网格", names, compounds, [("翠湖花园", 4)])[1][:3] == ("CH01", "CH02", "CH03")   # no number: all
    # trial 146: '井湖村4网格' offered 井湖村四网格 (JH04) and, as its equal, 井湖车站网格 (JH01), whose name has no number
    names = {"JH01": "井湖车站网格", "JH04": "井湖村四网格"}
    compounds = {"JH01": ("井湖村", "车站新村"), "JH04": ("井湖村",)}
    assert _closest("井湖村4网格", names, compounds, [("井湖村", 3)])[1] == ("JH04",)
    # trial 163: '金水湾B区网络' offered the four zones' grids (and a grid of no letter) listing 金水湾 as equals
    names = {f"JSW-{z}": f"金水湾{z}区网格" for z in "ABCD"} | {"BJY-1": "滨江苑1网格"}
    compounds = {g: ("金水湾",) for g in names}
    assert _closest("金水湾B区网络", names, compounds, [("金水湾", 2)])[1] == ("JSW-B",)
    assert len(_closest("金水湾区网络", names, compounds, [("金水湾", 2)])[1]) == 5         # no letter typed: all
