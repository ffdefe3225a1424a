"""A month run with a later month's reference files (trial 182: December run with January's grids.csv, which adds
金水七网格 from 1 January): its scorecard and 公示 listed a grid that did not exist yet, and the households of January
for its neighbour, said only as a grid nobody answered and nobody covers."""
from conftest import write_csv

GRIDS = ("grid_id", "grid_name", "community", "households")
ASSIGNED = [("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", ""), ("W3", "G3", "2026-10-01", "", "")]


def test_a_grid_nobody_answered_whose_first_worker_starts_after_the_month_stops_it(run_cli, make_inbox, tmp_path):
    inbox = make_inbox(assignments=ASSIGNED)
    later = [("G1", "天桥新村一网格", "天井湖社区", "20"), ("G2", "井湖村二网格", "天井湖社区", "10"),
             ("G3", "井湖村三网格", "天井湖社区", "8")]
    write_csv(inbox / "grids.csv", GRIDS, later)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and ("2026-09: grids.csv lists a grid no answer names and no worker covers until after the "
                          "month, as a later month's grids.csv does (a grid begun since)") in err, err
    assert ("井湖村三网格 (G3): no answer names it, and its first worker in assignments.csv, W3, starts on "
            "2026-10-01. Run 2026-09 with the grids.csv it had") in err
    assert not (tmp_path / "out" / "2026-09").exists()
    write_csv(inbox / "grids.csv", GRIDS, later[:2])           # September's own grids.csv
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
