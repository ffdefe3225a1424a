"""A weight on a worker's only grid changes nothing (it shares her score between grids; pay is prorated by days):
trial 85's HR typed 0.5 for a part-timer and she was paid in full, nothing said."""


def test_a_weight_on_a_workers_only_grid_is_said(run_cli, make_inbox):
    inbox = make_inbox(assignments=[("W1", "G1", "2026-01-01", "", "0.5"), ("W2", "G2", "2026-01-01", "", ""),
                                    ("W4", "G1", "2026-01-01", "", "1"), ("W4", "G2", "2026-01-01", "", "0.5")])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0, err
    assert ("王伟 (W1, G1 at weight 0.5): one grid this month, at a weight other than 1: a weight shares a worker's "
            "score between their grids, so for one grid it changes nothing") in err, err
    assert "刘玥 (W4" not in err and "李娜 (W2" not in err       # two grids: the weight shares her score


def test_weights_ten_times_apart_are_said(run_cli, make_inbox):
    """Trial 158's 50 typed for 0.5 gave G06 98% of W07's score: 1811.00 for 1781.60, exit 0, nothing said."""
    inbox = make_inbox(assignments=[("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "", ""),
                                    ("W4", "G1", "2026-01-01", "", "1"), ("W4", "G2", "2026-01-01", "", "50")])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=inbox)
    assert code == 0, err
    assert ("刘玥 (W4): G2 at weight 50, G1 at weight 1: a worker's grids at weights ten times apart or more: a weight "
            "shares the worker's score between their grids in proportion") in err, err
