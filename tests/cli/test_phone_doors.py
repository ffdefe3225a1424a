"""One phone answering for two homes of a grid (ingest/phone_doors.py, output format 17): a hundred-and-seventh
trial's renumbered building (3栋 became 13栋) counted one home twice, once per number, exit 0, nothing said."""
import duckdb

from conftest import HAND_SURVEYS, survey

PHONE = "13912340077"
REPORTS = "hr"          # the scorecard lists the pair


def test_one_phone_for_two_homes_of_a_grid_is_said_and_listed_on_the_scorecard(run_cli, make_inbox, make_policy,
                                                                               tmp_path):
    rows = HAND_SURVEYS + [survey("N1", "G1", "3栋2单元301", ("2",) * 5, "2026-09-03 10:00:00", PHONE),
                           survey("N2", "G1", "13-2-301", ("2",) * 5, "2026-09-20 10:00:00", PHONE),
                           survey("N3", "G2", "13-2-301", ("4",) * 5, "2026-09-21 10:00:00", PHONE)]  # another grid
    inbox, policy = make_inbox({"2026-09.csv": rows}), make_policy(min_responses=1)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)
    line = next(x for x in err.splitlines() if "answered for two homes" in x)
    assert code == 0 and line.startswith("gridpay: 天桥新村一网格 (G1): 1 phone answered for two homes of the grid "
                                         "('13栋2单元301' and '3栋2单元301'), each counted as a household of its own: "
                                         "if they are one home (a building renumbered"), line
    assert "井湖村二网格 (G2)" not in line and PHONE not in err
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        doubts = con.execute("select household_doubts from runs where status = 'published'").fetchone()[0]
    assert "phone_doors" in doubts
    html = (tmp_path / "out" / "2026-09" / "scorecard.html").read_text(encoding="utf-8")
    assert "1 个手机号为本网格的两户作答，各按一户计" in html
