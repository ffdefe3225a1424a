"""A month run with a later month's reference files (trial 182: December run with January's grids.csv, which adds
金水七网格 from 1 January): its scorecard and 公示 listed a grid that did not exist yet, said only as a grid nobody
answered and nobody covers."""
from conftest import write_csv

GRIDS = ("grid_id", "grid_name", "community", "households")


def test_a_grid_whose_first_worker_starts_after_the_month_and_that_nobody_answered_is_said(run_cli, make_inbox):
    inbox = make_inbox(assignments=[("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", ""),
                                    ("W3", "G3", "2026-10-01", "", "")])
    write_csv(inbox / "grids.csv", GRIDS, [("G1", "天桥新村一网格", "天井湖社区", "20"),
                                           ("G2", "井湖村二网格", "天井湖社区", "10"), ("G3", "井湖村三网格", "天井湖社区", "8")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert ("井湖村三网格 (G3, first worker from 2026-10-01): no answer this month, and assignments.csv's first worker "
            "on it starts after the month: if the grid begins then, grids.csv is a later month's") in err
    # said once, not again as a grid nobody answered or nobody covers
    assert "no answer this month for" not in err and "no worker is assigned to 井湖村三网格" not in err
