"""A grid new this month beside one that lost households to it, grids.csv listing no compound (trial 182): the old
grid's answers from the buildings the new grid's own answers come from are named, as a split's are by compound."""
from conftest import survey, write_csv

GRIDS = ("grid_id", "grid_name", "community", "households")
ASSIGNED = [("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", ""),
            ("W3", "G3", "2026-09-01", "", ""), ("W4", "G1", "2026-01-01", "", "")]


AUGUST = [survey(f"A{i}", "G1", f"{i}栋1单元101", ("4",) * 5, "2026-08-10 10:00:00") for i in range(1, 7)]
AUGUST += [survey(f"B{i}", "G2", f"{i}栋1单元201", ("4",) * 5, "2026-08-10 10:00:00") for i in range(4)]


def _august(run_cli, make_inbox, policy) -> None:
    inbox = make_inbox({"2026-08.csv": AUGUST}, assignments=[r for r in ASSIGNED if r[1] != "G3"])
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "社区", "20"), ("G2", "井湖村二网格", "社区", "10")])
    assert run_cli("run", "--month", "2026-08", inbox=inbox, policy=policy)[0] == 0


def test_answers_to_the_old_grid_from_the_new_grid_s_buildings_are_named(run_cli, make_inbox, make_policy):
    policy = make_policy(min_responses=3)
    _august(run_cli, make_inbox, policy)
    august = AUGUST
    # September: 5栋 and 6栋 are G3's now; two of 5栋's residents still choose G1, one of G2's lives in 6栋
    september = [survey(f"C{i}", "G1", f"{i}栋1单元101", ("4",) * 5) for i in range(1, 5)]
    september += [survey("H1", "G1", "5栋1单元101", ("5",) * 5), survey("H2", "G1", "5栋2单元101", ("5",) * 5)]
    september += [survey(f"N{i}", "G3", f"{5 + i % 2}栋3单元{i}01", ("2",) * 5) for i in range(4)]
    september += [survey(f"D{i}", "G2", f"{i}栋1单元201", ("4",) * 5) for i in range(3)]
    september += [survey("D6", "G2", "6栋1单元201", ("4",) * 5)]
    inbox = make_inbox({"2026-08.csv": august, "2026-09.csv": september}, assignments=ASSIGNED)
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "社区", "12"), ("G2", "井湖村二网格", "社区", "10"),
                                           ("G3", "天桥新村三网格", "社区", "8")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 0, err
    lines = [line for line in err.splitlines() if "out of habit" in line]
    assert lines == [
        "gridpay: 天桥新村三网格 (G3) is new this month and grids.csv gives 天桥新村一网格 20 -> 12 households: if "
        "buildings of G1 were handed to G3, their residents may still choose 天桥新村一网格 out of habit: 2 answers to "
        "G1 come from buildings G3's own answers come from (5栋) and count for G1 (H1 5栋1单元101, H2 5栋2单元101): "
        "check each by its home's building; one of G3's is counted there once its grid is typed in the sheet HR "
        "types, or, in a platform's download, taken out by an appeal upheld in the 公示 window (非本网格)"]


def test_only_answers_given_since_the_new_grid_began_are_named(run_cli, make_inbox, make_policy):
    """Trial 199: 银杏八网格 split off on 11-16; 13 answers to 银杏一网格 from its buildings were named to check, 8 given
    before the split, when those buildings were 一网格's own: taken out by appeal as advised, W01 would lose them."""
    policy = make_policy(min_responses=3)
    _august(run_cli, make_inbox, policy)
    september = [survey(f"C{i}", "G1", f"{i}栋1单元101", ("4",) * 5) for i in range(1, 5)]
    september += [survey("H1", "G1", "5栋1单元101", ("5",) * 5, "2026-09-03 10:00:00"),
                  survey("H2", "G1", "5栋2单元101", ("5",) * 5, "2026-09-20 10:00:00")]
    september += [survey(f"N{i}", "G3", f"5栋3单元{i}01", ("2",) * 5, "2026-09-22 10:00:00") for i in range(4)]
    september += [survey(f"D{i}", "G2", f"{i}栋1单元201", ("4",) * 5) for i in range(3)]
    assigned = [r if r[0] != "W3" else ("W3", "G3", "2026-09-16", "", "") for r in ASSIGNED]
    inbox = make_inbox({"2026-08.csv": AUGUST, "2026-09.csv": september}, assignments=assigned)
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "社区", "12"), ("G2", "井湖村二网格", "社区", "10"),
                                           ("G3", "天桥新村三网格", "社区", "8")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 0, err
    line, = [line for line in err.splitlines() if "out of habit" in line]
    assert ("1 answer to G1 since 2026-09-16, when G3's first worker began, comes from buildings G3's own answers "
            "come from (5栋) and counts for G1 (H2 5栋2单元101)") in line
    assert line.endswith("(非本网格); the one given before 2026-09-16 is G1's own (the buildings were its then)")
