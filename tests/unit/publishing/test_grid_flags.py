"""A grid's flags in words: HR's scorecard asks HR to check its files; from output format 29 the worker's sheet says
the fall alone (trial 226's worker read 请核对网格表与问卷文件 under her grid)."""
from gridpay.publishing.grid_flags import with_grid_flags
from gridpay.transforms.policy import policy_from_toml
from conftest import policy_text


def _grid() -> dict:
    return {"flags": "answers_dropped", "window_months": None, "window_responses": None, "responses": 2,
            "rate_trend": "", "previous_month": "2026-10", "previous_responses": 14}


def test_a_worker_s_sheet_says_the_fall_without_hr_s_check():
    policy = policy_from_toml(policy_text())
    grids = [_grid()]
    with_grid_flags(grids, "2026-11", policy, "zh", 29)
    assert grids[0]["flags_text"].endswith("请核对网格表与问卷文件")
    assert grids[0]["flags_text_worker"] == "有效问卷2份，不足上次公布月份（2026-10）14份的一半"
    older = [_grid()]
    with_grid_flags(older, "2026-11", policy, "zh", 28)
    assert "flags_text_worker" not in older[0]
