"""A grid split in two while residents keep answering by its old name (pipeline/split_grids.py). A hundred-and-ninth
trial's stop offered only the half that kept the id; the alias it advised paid the other half's answers to its
worker, two of them from a compound both halves list with no word."""
import json

import duckdb

from conftest import SURVEY_HEADER, survey, write_csv

GRIDS = ("grid_id", "grid_name", "community", "households", "aliases", "compounds")
OCTOBER = "2026-10-10 10:00:00"


def _answers(prefix: str, grid: str, compound: str, n: int, score: str, when: str) -> list[tuple]:
    return [survey(f"{prefix}{i}", grid, f"{i + 1}栋1单元101", (score,) * 5, when) + (compound,) for i in range(n)]


def test_a_split_grids_old_name_offers_both_halves_and_names_the_answers_whose_half_is_unknown(
        run_cli, make_inbox, make_policy, tmp_path):
    inbox = make_inbox({})
    september = _answers("A", "G1", "锦绣花园", 8, "4", "2026-09-10 10:00:00")
    september += _answers("B", "G2", "柏树湾", 4, "4", "2026-09-10 10:00:00")
    september += _answers("C", "G2", "翠园", 4, "4", "2026-09-10 10:00:00")
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), september)
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "社区", "20", "", "锦绣花园"),
                                           ("G2", "井湖村二网格", "社区", "20", "", "柏树湾;翠园")])
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    october = _answers("D", "G1", "锦绣花园", 8, "4", OCTOBER)
    october += _answers("X", "井湖村二网格", "柏树湾", 3, "5", OCTOBER)
    october += _answers("Y", "井湖村二网格", "翠园", 3, "2", OCTOBER)
    write_csv(inbox / "surveys" / "2026-10.csv", SURVEY_HEADER + ("小区",), october)
    split = [("G1", "天桥新村一网格", "社区", "20", "", "锦绣花园"), ("G2", "井湖村二网格东", "社区", "10", "", "柏树湾"),
             ("G3", "井湖村二网格西", "社区", "10", "", "柏树湾;翠园")]
    write_csv(inbox / "grids.csv", GRIDS, split)
    code, err = run_cli("run", "--month", "2026-10", "--reference", "inbox", inbox=inbox)
    assert code == 1, err
    assert ("'井湖村二网格' on 6 rows; did you mean '井湖村二网格东 (G2), whose name it was in the grids.csv of 2026-09' "
            "or '井湖村二网格西 (G3), which lists 柏树湾, 翠园 as G2 did in 2026-09'?") in err
    assert ("'井湖村二网格' was G2's name and G3 now lists compounds G2 listed then (a grid split off it), so an answer "
            "naming it may be either grid's: set survey.grid_by_compound = true in the policy, so that one naming a "
            "compound only G3 lists counts there") in err

    split[1] = split[1][:4] + ("井湖村二网格",) + split[1][5:]       # the advice followed
    write_csv(inbox / "grids.csv", GRIDS, split)
    policy = make_policy(version='"split-1"', survey__grid_by_compound="true")
    code, err = run_cli("run", "--month", "2026-10", "--reference", "inbox", inbox=inbox, policy=policy)
    assert code == 0, err
    assert "3 answers to 井湖村二网格东 (G2) name 翠园, which grids.csv lists under 井湖村二网格西 (G3): counted for G3" in err
    assert ("3 answers naming '井湖村二网格', the name 井湖村二网格东 (G2) had in 2026-09 before 井湖村二网格西 (G3) split "
            "off it, are from a home whose half cannot be told (柏树湾, which both list) and count for G2 as answered "
            "(X0 1栋1单元101, X1 2栋1单元101, X2 3栋1单元101): check each by its home's building") in err
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        lines, kinds = con.execute("select run_notices, run_notice_kinds from runs where status = 'published' "
                                   "and month = '2026-10'").fetchone()
    lines, kinds = json.loads(lines), json.loads(kinds)
    assert len(kinds) == len(lines) and kinds[next(i for i, x in enumerate(lines) if "naming '井湖" in x)] == "split_grid"
    # the scorecard, written in Chinese, heads the console's English line with its kind (output format 18) and
    # says once a kind what HR does about it (19)
    assert run_cli("render", "--month", "2026-10", "--reports", "hr", inbox=inbox)[0] == 0
    html = (tmp_path / "out" / "2026-10" / "scorecard.html").read_text(encoding="utf-8")
    # format 21: not "write each grid's compounds in grids.csv", which cannot place a split within one compound
    assert ("<b>【网格拆分或合并：答卷归属不明】</b>网格拆分、合并或交接后，部分答卷无法确定属于哪个网格。请逐份核对所列答卷的楼栋门牌："
            "属于其他网格的，在公示期以申诉（非本网格）剔除，或录入人工录入表计入其所属网格。<br><span style=\"font-weight: "
            "normal\">3 answers naming &#39;井湖村二网格&#39;") in html
    assert html.count("请逐份核对所列答卷的楼栋门牌") == 1     # once, however many lines of the kind


def _grids(inbox, rows):
    write_csv(inbox / "grids.csv", GRIDS, rows)


def _september_then_october(run_cli, make_inbox, september_grids: list, october_grids: list, answers: int):
    """(inbox, exit code, stderr): G1's 锦绣花园 and G2's 柏树湾 answer in September, published on `september_grids`;
    October run on `october_grids`, with `answers` of G2's from 柏树湾 (X0, X1, ...)."""
    inbox = make_inbox({})
    september = _answers("A", "G1", "锦绣花园", 8, "4", "2026-09-10 10:00:00") + _answers(
        "B", "G2", "柏树湾", 8, "4", "2026-09-10 10:00:00")
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), september)
    _grids(inbox, september_grids)
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    october = _answers("D", "G1", "锦绣花园", 8, "4", OCTOBER) + _answers("X", "G2", "柏树湾", answers, "5", OCTOBER)
    write_csv(inbox / "surveys" / "2026-10.csv", SURVEY_HEADER + ("小区",), october)
    _grids(inbox, october_grids)
    return inbox, *run_cli("run", "--month", "2026-10", "--reference", "inbox", inbox=inbox)


def test_a_half_that_kept_the_name_names_its_answers_of_the_shared_compound_in_the_month_of_the_split(
        run_cli, make_inbox):
    """Trial 113: 翠柳苑 1-6栋 kept 柳岸一网格, 7-12栋 became a new grid, the form offered the old name for ten days;
    7-12栋's answers counted for the old half with no word (W01 1724.58 for 2040.48)."""
    inbox, code, err = _september_then_october(
        run_cli, make_inbox, [("G1", "天桥新村一网格", "社区", "20", "", "锦绣花园"), ("G2", "井湖村二网格", "社区", "20", "", "柏树湾")],
        [("G1", "天桥新村一网格", "社区", "20", "", "锦绣花园"), ("G2", "井湖村二网格", "社区", "10", "", "柏树湾"),
         ("G3", "井湖村二网格北", "社区", "10", "", "柏树湾")], 3)
    assert code == 0, err
    assert ("3 answers to 井湖村二网格 (G2), from which 井湖村二网格北 (G3) split off after 2026-09 (listing compounds it "
            "listed then), are from a home whose half cannot be told (柏树湾, which both list) and count for G2 as "
            "answered (X0 1栋1单元101, X1 2栋1单元101, X2 3栋1单元101)") in err
    november = _answers("E", "G1", "锦绣花园", 8, "4", "2026-11-10 10:00:00") + _answers(
        "F", "G2", "柏树湾", 3, "5", "2026-11-10 10:00:00")
    write_csv(inbox / "surveys" / "2026-11.csv", SURVEY_HEADER + ("小区",), november)
    code, err = run_cli("run", "--month", "2026-11", inbox=inbox)
    assert code == 0 and "split off" not in err, err           # the month after: the residents chose


def test_a_neighbour_listing_the_split_grid_s_compound_that_kept_its_households_is_not_named_as_split(
        run_cli, make_inbox):
    """Trial 136: 兴业三网格 split off 兴业一网格 alone (its households fell), yet the lines named every grid listing
    兴业小区, 兴业二网格 too, so HR checked 55 answers for 30."""
    inbox, both = make_inbox({}), "柏树湾；锦绣花园"
    _grids(inbox, [("G1", "天桥新村一网格", "社区", "20", "", both), ("G2", "井湖村二网格", "社区", "20", "", "柏树湾")])
    september = (_answers("A", "G1", "柏树湾", 8, "4", "2026-09-10 10:00:00")
                 + _answers("B", "G2", "柏树湾", 8, "4", "2026-09-10 10:00:00"))
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), september)
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    _grids(inbox, [("G1", "天桥新村一网格", "社区", "20", "", both), ("G2", "井湖村二网格", "社区", "10", "", "柏树湾"),
                   ("G3", "井湖村二网格北", "社区", "10", "", "柏树湾")])
    october = _answers("D", "G1", "柏树湾", 8, "4", OCTOBER) + _answers("X", "G2", "柏树湾", 3, "5", OCTOBER)
    write_csv(inbox / "surveys" / "2026-10.csv", SURVEY_HEADER + ("小区",), october)
    code, err = run_cli("run", "--month", "2026-10", "--reference", "inbox", inbox=inbox)
    assert code == 0, err
    assert "3 answers to 井湖村二网格 (G2), from which 井湖村二网格北 (G3) split off after 2026-09" in err, err
    assert "to 天桥新村一网格 (G1), from which" not in err, err


def test_a_merged_grids_old_name_offers_the_grid_that_lists_its_compounds_and_a_wrong_alias_is_said(
        run_cli, make_inbox, tmp_path):
    """Trial 113: 柳岸四网格 merged into 桂杏网格 was offered three neighbours by likeness; the first took it, exit 0."""
    inbox = make_inbox({})
    september = _answers("A", "G1", "锦绣花园", 8, "4", "2026-09-10 10:00:00") + _answers(
        "B", "G2", "柏树湾", 8, "4", "2026-09-10 10:00:00") + _answers("C", "G3", "翠园", 4, "2", "2026-09-10 10:00:00")
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), september)
    three = [("G1", "天桥新村一网格", "社区", "20", "", "锦绣花园"), ("G2", "井湖村二网格", "社区", "20", "", "柏树湾"),
             ("G3", "井湖村三网格", "社区", "10", "", "翠园")]
    _grids(inbox, three)
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    october = _answers("D", "G1", "锦绣花园", 8, "4", OCTOBER) + _answers("X", "G2", "柏树湾", 8, "4", OCTOBER)
    october += _answers("Y", "井湖村三网格", "", 3, "2", OCTOBER)        # a paper sheet without 小区
    write_csv(inbox / "surveys" / "2026-10.csv", SURVEY_HEADER + ("小区",), october)
    merged = [three[0], ("G2", "井湖村二网格", "社区", "30", "", "柏树湾;翠园")]
    _grids(inbox, merged)
    code, err = run_cli("run", "--month", "2026-10", "--reference", "inbox", inbox=inbox)
    assert code == 1 and ("'井湖村三网格' on 3 rows; did you mean \"井湖村二网格 (G2), which lists 翠园, G3's in 2026-09 "
                          "when '井湖村三网格' was G3's name (G3 is no longer in grids.csv: merged into it?)\"?") in err, err
    _grids(inbox, [three[0][:4] + ("井湖村三网格",) + three[0][5:], merged[1]])        # given to the wrong grid
    code, err = run_cli("run", "--month", "2026-10", "--reference", "inbox", inbox=inbox)
    assert code == 0 and ("3 answers name '井湖村三网格', an alias of 天桥新村一网格 (G1), which was the name of G3 in "
                          "2026-09: G3 listed 翠园, which grids.csv now lists under 井湖村二网格 (G2), not under G1") in err


def test_buildings_handed_over_between_two_grids_of_one_compound_name_the_giving_grids_answers(run_cli, make_inbox):
    """Trial 115: 8-10栋 of 翠湖苑 went from A2 to A3 (grids.csv: households 300 -> 180, 150 -> 270); five answers
    still choosing A2 counted there, nothing said (W2 1302.40 for 1280.00)."""
    _, code, err = _september_then_october(
        run_cli, make_inbox, [("G1", "天桥新村一网格", "社区", "20", "", "锦绣花园;柏树湾"), ("G2", "井湖村二网格", "社区", "30", "", "柏树湾")],
        [("G1", "天桥新村一网格", "社区", "30", "", "锦绣花园;柏树湾"), ("G2", "井湖村二网格", "社区", "20", "", "柏树湾")], 2)
    assert code == 0 and ("grids.csv gives 井湖村二网格 (G2) 30 -> 20 households and 天桥新村一网格 (G1) 20 -> 30 since the "
                          "month published last, both listing 柏树湾: if buildings were handed over, their residents "
                          "may still choose G2; 2 answers to G2 from it count there (X0 1栋1单元101, X1 2栋1单元101)") in err


def test_answers_naming_another_grid_s_compound_are_first_told_to_list_it_under_their_own_grid(run_cli, make_inbox):
    """Trial 136 left 兴业小区 out of QS2's row: the stop's first advice was survey.grid_by_compound, which would move
    QS2's own 9-10栋 answers to the other grid every month; listing the compound under QS2 came third."""
    inbox = make_inbox({})
    _grids(inbox, [("G1", "天桥新村一网格", "社区", "20", "", "锦绣花园"), ("G2", "井湖村二网格", "社区", "20", "", "柏树湾")])
    september = (_answers("A", "G1", "锦绣花园", 4, "4", "2026-09-10 10:00:00")
                 + _answers("B", "G1", "柏树湾", 6, "4", "2026-09-10 10:00:00")
                 + _answers("C", "G2", "柏树湾", 8, "4", "2026-09-10 10:00:00"))
    write_csv(inbox / "surveys" / "2026-09.csv", SURVEY_HEADER + ("小区",), september)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and "may be that grid's answers, paid to the wrong worker" in err, err
    line = next(x for x in err.splitlines() if "paid to the wrong worker" in x)
    assert ("Check their grid: a compound the grid does span is added to its compounds in grids.csv; where a grid "
            "was split off") in line, line
