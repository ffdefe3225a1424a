"""The policy's other scoring and pay modes: tier table, CMS value-based-purchasing points."""
import csv


from conftest import HAND_SURVEYS


def test_vbp_month_without_baseline_is_flagged_then_scored_against_it(run_cli, make_inbox, make_policy, tmp_path):
    policy = make_policy(min_responses=3, scoring__mode='"vbp"')
    later = [tuple(v.replace("2026-09", "2026-10") for v in row) for row in HAND_SURVEYS]
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-10.csv": later})
    assert run_cli("run", "--month", "2026-09", inbox=inbox, policy=policy)[0] == 0
    assert run_cli("run", "--month", "2026-10", inbox=inbox, policy=policy)[0] == 0
    def grids(month):
        with (tmp_path / "out" / month / "grid_scores.csv").open(encoding="utf-8-sig") as handle:
            return {r["grid_id"]: r for r in csv.DictReader(handle)}
    assert grids("2026-09")["G1"]["flags"] == "no_baseline"
    assert grids("2026-10")["G1"]["flags"] == ""
    with (tmp_path / "out" / "2026-10" / "payroll.csv").open(encoding="utf-8-sig") as handle:
        pay = {r["worker_id"]: r for r in csv.DictReader(handle)}
    # same answers as the baseline: G1 (83.33) is the benchmark itself -> 10 points -> score 100
    assert pay["W1"]["score"] == "100.00" and pay["W1"]["coefficient"] == "1.2000"
