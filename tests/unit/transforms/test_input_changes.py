"""A correction's scorecard names the files its re-run read differently (output format 13; trial 82's
re-run in the window printed 更正原因：未注明 where the appeals and calls had changed)."""
from gridpay.transforms.input_changes import input_changes


def test_files_added_changed_and_no_longer_read_are_named_in_the_later_runs_order():
    before = [{"name": "grids.csv", "sha256": "a"}, {"name": "appeals.csv", "sha256": "b"},
              {"name": "surveys/2026-09/old.xlsx", "sha256": "c"}, {"name": "policy.toml", "sha256": "d"}]
    now = [{"name": "grids.csv", "sha256": "a"}, {"name": "verification/2026-09.csv", "sha256": "e"},
           {"name": "appeals.csv", "sha256": "f"}, {"name": "policy.toml", "sha256": "d"}]
    assert input_changes(before, now) == [("verification/2026-09.csv", "added"), ("appeals.csv", "changed"),
                                          ("surveys/2026-09/old.xlsx", "removed")]
    assert input_changes(now, now) == []
