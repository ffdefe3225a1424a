"""A worker sheet names the upheld appeals of others on its grids' answers (output format 16: a ninety-third
trial's worker on a shared grid saw her score move on a colleague's appeal, and her sheet did not say why)."""
from gridpay.publishing.worker_contexts import others_appeals

BY_GRID = {"G1": {"grid_name": "一网格"}, "G2": {"grid_name": "二网格"}}
UPHELD = {"G1": [{"appeal_id": "A1", "worker_id": "W1"}, {"appeal_id": "A2", "worker_id": "W2"},
                 {"appeal_id": "A3", "worker_id": None}],                      # HR's own correction
          "G3": [{"appeal_id": "A4", "worker_id": "W3"}]}


def test_only_others_appeals_on_the_workers_own_grids_are_named():
    assigned = [("G1", 30, 30.0), ("G2", 30, 15.0)]
    assert others_appeals("W1", assigned, BY_GRID, UPHELD) == [{"grid_name": "一网格", "n": 2, "ids": "A2、A3"}]
    assert others_appeals("W9", [("G2", 30, 30.0)], BY_GRID, UPHELD) == []


def test_a_total_moved_with_the_workers_own_grids_and_lines_unchanged_is_said_to_come_from_the_others():
    """A ninety-seventh trial's W1 read 由 1567.05 元变为 1562.40 元 on a grid of the same 17 answers, unexplained."""
    from gridpay.publishing.worker_contexts import moved_by_others
    from gridpay.reports.render import report_html
    line = {"total_pay": "1567.05", "adjustment": "0.00", "perf_pay_target": "1600.00", "assigned_days": 30,
            "days_in_month": 30}
    now = {**line, "total_pay": "1562.40"}
    assigned = [("G1", 30, 30.0)]
    assert moved_by_others(now, line, assigned, {"G1"})
    assert not moved_by_others(now, line, assigned, set())                          # her grid's answers moved
    assert not moved_by_others({**now, "adjustment": "50.00"}, line, assigned, {"G1"})   # her adjustment did
    assert not moved_by_others(line, line, assigned, {"G1"}) and not moved_by_others(now, None, assigned, {"G1"})
    w = {"worker_id": "W1", "name": "某", "score": "80.00", "score_ci": "", "coefficient": "1.0000",
         "perf_pay_target": "1600.00", "assigned_days": 30, "days_in_month": 30, "performance_pay": "1562.40",
         "adjustment": "0.00", "total_pay": "1562.40", "flags": "budget_neutral", "flags_text": ""}
    run = {"month": "2026-11", "policy_version": "2027.12", "run_id": "r", "output_format": 16,
           "window": {"published": {"date": "2026-12-09", "replaces": {"date": "2026-12-01", "run_id": "r0"}}}}
    html = report_html("worker.html.j2", "zh", run=run, w=w, grids=[], items=(), trend=None, appeals=[], calls=[],
                       coefficient_parts=None, replaced_total_pay="1567.05", moved_by_others=True)
    assert ("您本月实发合计由 1567.05 元变为 1562.40 元。您所在网格的答卷与原始得分均未变，人工调整与在岗天数也未变；合计有变，"
            "是因为其他网格的答卷有变：调整后得分参考全部网格的平均水平，绩效总额按预算比例调整。") in html
