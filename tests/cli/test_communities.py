"""A district's month (more than one community in grids.csv): one HR scorecard per community, a
roll-up page for the district as scorecard.html/.pdf, and one residents' notice per community."""
import subprocess

from conftest import write_csv
from gridpay.flows.demo_data import DemoScale, demo_tables
from gridpay.publishing.communities import community_parts

REPORTS = "hr"


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_each_community_gets_its_scorecard_and_the_district_a_roll_up(run_cli, make_inbox, tmp_path):
    inbox = make_inbox()
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网格", "天井湖社区", "20"), ("G2", "井湖村二网格", "井湖社区", "10")])
    code, err = run_cli("run", "--month", "2026-09", "--reports", "hr", inbox=inbox)
    assert code == 0, err
    month = tmp_path / "out" / "2026-09"
    roll_up = _text(month / "scorecard.pdf")
    assert "街道汇总" in roll_up and "天井湖社区" in roll_up and "井湖社区" in roll_up
    # the run's lines to read before signing head the roll-up too (output format 25: trial 176's street summary
    # said nothing of a community published with --accept-fewer-answers)
    assert "本次运行的其他提示" in roll_up and "本次运行的其他提示" in _text(month / "scorecards" / "井湖社区.pdf")
    assert 'href="scorecards/天井湖社区.html"' in (month / "scorecard.html").read_text(encoding="utf-8")
    first, second = _text(month / "scorecards" / "天井湖社区.pdf"), _text(month / "scorecards" / "井湖社区.pdf")
    assert "天桥新村一网格" in first and "井湖村二网格" not in first
    assert "井湖村二网格" in second and "天桥新村一网格" not in second
    assert "王伟 (W1)" in first and "王伟 (W1)" not in second          # W1 works in G1 only
    assert "刘玥 (W4)" in first and "刘玥 (W4)" in second              # W4 in both communities ...
    # ... paid in 天井湖 (30 weighted days against 15): 井湖's page lists the line without counting it (format 5)
    pages = [(month / "scorecards" / f"{c}.html").read_text(encoding="utf-8") for c in ("天井湖社区", "井湖社区")]
    assert "由天井湖社区发放，不计入本社区合计" in pages[1] and "发放，不计入" not in pages[0]
    rows = (month / "scorecard.html").read_text(encoding="utf-8").split("<tbody>")[1].split("</tbody>")[0]
    payroll = (month / "payroll.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows.count("<tr>") == 2 and sum(int(r.split('class="num">')[2].split("<")[0]) for r in
                                          rows.split("<tr>")[1:]) == len(payroll) - 1 == 4   # 4 workers, not 5
    assert {p.name for p in (month / "notice").iterdir()} == {"天井湖社区.html", "天井湖社区.pdf",
                                                             "井湖社区.html", "井湖社区.pdf"}
    # each community's quarantine table counts its own rows (a thirty-fourth trial's counted the district's)
    shares = [_quarantined(month / "scorecards" / f"{c}.html") for c in ("天井湖社区", "井湖社区")]
    assert all(table == kpi for table, kpi in shares) and sum(t for t, _ in shares) == len(
        (month / "quarantine.csv").read_text(encoding="utf-8-sig").splitlines()) - 1 > 0


def _quarantined(page) -> tuple[int, int]:
    """(the sum of the page's quarantine table, its 隔离问卷 figure)."""
    import re
    html = page.read_text(encoding="utf-8")
    table = html.split("数据质量：未计入评分的问卷")[1].split("</table>")[0]
    kpi = re.search(r"隔离问卷<b>(\d+)</b>", html)[1]
    return sum(int(n) for n in re.findall(r'<td class="num">(\d+)</td>', table)), int(kpi)


def test_a_worker_of_two_communities_counts_in_the_totals_of_the_one_with_most_weighted_days():
    """A thirty-ninth trial's two signed community scorecards each carried W13's whole pay (paid twice)."""
    from decimal import Decimal
    grids = [{"community": c, "grid_id": g, "grid_name": g, "area": "", "responses": 0, "households": 10,
              "adjusted_score": ""} for c, g in (("五松社区", "S1"), ("天井湖社区", "T1"))]
    worker = {"worker_id": "W13", "performance_pay": "1394.78", "adjustment": "0.00", "total_pay": "1394.78",
              "perf_pay_target": "1600.00", "assigned_days": 31, "days_in_month": 31}
    days = {"W13": [("S1", 31, Decimal(31)), ("T1", 31, Decimal("15.5"))]}
    parts = community_parts(grids, [worker], days, [], [], {}, fmt=5)
    assert parts["五松社区"]["run"]["total_pay"] == "1394.78" and parts["天井湖社区"]["run"]["total_pay"] == "0.00"
    assert parts["天井湖社区"]["workers"][0]["paid_in"] == "五松社区" and "paid_in" not in parts["五松社区"]["workers"][0]
    before = community_parts(grids, [worker], days, [], [], {})           # format 4 and earlier: in both, as drawn then
    assert [p["run"]["total_pay"] for p in before.values()] == ["1394.78", "1394.78"]
    # two communities' grids of one name: each scorecard's callbacks are its own grids' (trial 42's were not)
    named = [{**g, "grid_name": "第一网格"} for g in grids]
    calls = [{"grid_id": "S1", "grid_name": "第一网格"}, {"grid_id": "T1", "grid_name": "第一网格"}]
    own = community_parts(named, [worker], days, [], calls, {}, fmt=5)
    assert [c["grid_id"] for c in own["天井湖社区"]["callbacks"]] == ["T1"]
    assert len(community_parts(named, [worker], days, [], calls, {})["天井湖社区"]["callbacks"]) == 2     # as before


def test_a_one_community_month_keeps_one_scorecard_and_the_demo_can_make_two():
    grids = [{"community": "天井湖社区", "grid_id": "G1", "grid_name": "一网格"}]
    assert community_parts(grids, [], {}, [], [], {}) == {}
    tables = demo_tables(DemoScale(households=1200, months=1, communities=2))
    assert sorted(tables["grids"]["community"].unique()) == ["天井湖社区", "铜官山社区"]


def test_community_scorecards_drawn_on_the_pool_are_the_ones_drawn_in_process(run_cli, make_inbox, tmp_path,
                                                                              monkeypatch):
    import gridpay.publishing.reporting as reporting
    inbox = make_inbox()
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网格", "天井湖社区", "20"), ("G2", "井湖村二网格", "井湖社区", "10")])
    assert run_cli("run", "--month", "2026-09", "--reports", "hr", inbox=inbox)[0] == 0
    month = tmp_path / "out" / "2026-09"
    in_process = {p.name: p.read_bytes() for p in (month / "scorecards").iterdir()}
    monkeypatch.setattr(reporting, "PARALLEL_COMMUNITIES", 2)
    started = []
    real_pool = reporting.worker_page_pool
    monkeypatch.setattr(reporting, "worker_page_pool", lambda pages, n: started.append(pages) or real_pool(pages, 2))
    assert run_cli("render", "--month", "2026-09", inbox=inbox)[0] == 0
    assert started == [reporting.PARALLEL_FROM]          # the pool was asked for, and drew both communities
    assert {p.name: p.read_bytes() for p in (month / "scorecards").iterdir()} == in_process
