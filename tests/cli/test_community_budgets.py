"""A fixed pool (pay.budget = "neutral") is each community's own (policy 2027.1, pay.budget_pool): a forty-sixth
trial's street office ran two communities in one month; one pool for both paid 银杏社区 142.85 yuan under its
budget and 金桥社区 as much over it, each scorecard saying 预算中性."""
import csv
from decimal import Decimal

from test_two_communities_one_name import _answers, _inbox


def _pay_by_community(out) -> dict[str, Decimal]:
    community = {"W1": "天井湖", "W2": "天井湖", "W3": "五松", "W4": "五松"}      # one grid each (_inbox)
    totals: dict[str, Decimal] = {}
    with (out / "2026-09" / "payroll.csv").open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            key = community[row["worker_id"]]
            totals[key] = totals.get(key, Decimal(0)) + Decimal(row["performance_pay"])
    return totals


def test_each_community_pays_out_its_own_pool(run_cli, tmp_path, make_policy):
    inbox = _inbox(tmp_path, {"天井湖社区网格员满意度测评_12_12.csv": _answers("T", "第一网格", "5")
                              + _answers("U", "第二网格", "4", unit=2),
                              "五松社区网格员满意度测评_12_12.csv": _answers("S", "第一网格", "2", unit=3)
                              + _answers("V", "第二网格", "1", unit=4)})
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=make_policy(budget='"neutral"', min_responses=3))
    assert code == 0, err
    assert _pay_by_community(tmp_path / "out") == {"天井湖": Decimal("2000.00"), "五松": Decimal("2000.00")}
    month = make_policy(version='"own-1"', budget='"neutral"', budget_pool='"month"', min_responses=3)   # one pool, as before the key
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", "--reports", "all", inbox=inbox, policy=month)
    assert code == 0, err
    pay = _pay_by_community(tmp_path / "out")
    assert pay["天井湖"] > Decimal("2000.00") > pay["五松"] and sum(pay.values()) == Decimal("4000.00")
    # output format 28 (trial 215): each sheet says how the pool reached its pay, held at a bound or its share
    sheets = {p.stem: p.read_text(encoding="utf-8") for p in (tmp_path / "out" / "2026-09" / "workers").glob("*.html")}
    assert "= 1000.00 × 1.2000 × 30 ÷ 30 = 1200.00；按预算分配将高于封顶，按封顶系数 1.20 计" in sheets["W1"]
    assert "= 1000.00 × 0.8000 × 30 ÷ 30 = 800.00；再按预算分配，× 1.076925（分配到分，见下注）</td><td class=\"num\">861.54" in sheets["W3"]
    assert all("其余预算在其他网格员之间再按比例分配" in sheet for sheet in sheets.values())
