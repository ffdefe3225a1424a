"""A worker sheet names the upheld appeals of others on its grids' answers (output format 16: a ninety-third
trial's worker on a shared grid saw her score move on a colleague's appeal, and her sheet did not say why)."""
from gridpay.publishing.worker_contexts import others_appeals

BY_GRID = {"G1": {"grid_name": "一网格"}, "G2": {"grid_name": "二网格"}}
UPHELD = {"G1": [{"appeal_id": "A1", "worker_id": "W1"}, {"appeal_id": "A2", "worker_id": "W2", "category": "misrated"},
                 {"appeal_id": "A3", "worker_id": None, "category": "wrong_grid"}],      # HR's own correction
          "G3": [{"appeal_id": "A4", "worker_id": "W3"}]}


def test_only_others_appeals_on_the_workers_own_grids_are_named():
    assigned = [("G1", 30, 30.0), ("G2", 30, 15.0)]
    assert others_appeals("W1", assigned, BY_GRID, UPHELD) == [{"grid_name": "一网格", "n": 2, "kind": "",
                                                               "ids": "A2、A3", "categories": [("misrated", 1),
                                                                                              ("wrong_grid", 1)]}]
    assert others_appeals("W9", [("G2", 30, 30.0)], BY_GRID, UPHELD) == []
    # format 17: HR's own correction apart (a hundred-and-eighth trial's sheet called it 他人提出的申诉)
    assert others_appeals("W1", assigned, BY_GRID, UPHELD, hr_apart=True) == [
        {"grid_name": "一网格", "n": 1, "kind": "", "ids": "A2", "categories": [("misrated", 1)]},
        {"grid_name": "一网格", "n": 1, "kind": "hr", "ids": "A3", "categories": [("wrong_grid", 1)]}]


def test_from_format_17_hr_s_own_correction_is_not_called_an_appeal_on_the_sheet():
    from gridpay.reports.render import report_html
    html = report_html("worker.html.j2", "zh", run=_corrected_run("2027.13", 17), w=_sheet_worker("W1", "1.0000",
                       "1562.40", ""), grids=[], items=(), trend=None, appeals=[], calls=[], coefficient_parts=None,
                       replaced_total_pay="1562.40", others_appeals=[{"grid_name": "一网格", "n": 1, "kind": "hr",
                                                                      "ids": "A3"}])
    assert "一网格：本月社区核对另剔除了 1 份答卷（A3，如同一户重复作答）" in html and "他人提出的申诉" not in html


def test_from_format_21_hr_s_own_corrections_say_why_and_an_unchanged_floored_total_says_why():
    """Trial 136: 13 answers HR took out as 非本网格 read "如同一户重复作答" on W04's sheet; an upheld appeal that left a
    floored worker's total as it was gave no reason (trial 135's left item)."""
    from gridpay.reports.render import report_html
    hr = [{"grid_name": "一网格", "n": 13, "kind": "hr", "ids": "A3", "categories": [("other", 1), ("wrong_grid", 12)]}]
    html = report_html("worker.html.j2", "zh", run=_corrected_run("2027.15", 21), w=_sheet_worker("W1", "0.8000",
                       "1280.00", "floored"), grids=[], items=(), trend=None, appeals=[], calls=[],
                       coefficient_parts=None, replaced_total_pay="1280.00", others_appeals=hr)
    assert "一网格：本月社区核对另剔除了 13 份答卷（A3；其他 1、非本网格 12），已不计入该网格得分" in html
    assert "您本月实发合计未变（1280.00 元）。您的得分仍低于下限，系数保底，得分的变化未改变金额。" in html
    before = report_html("worker.html.j2", "zh", run=_corrected_run("2027.15", 20), w=_sheet_worker(
        "W1", "0.8000", "1280.00", "floored"), grids=[], items=(), trend=None, appeals=[], calls=[],
        coefficient_parts=None, replaced_total_pay="1280.00", others_appeals=hr)
    assert "（A3，如同一户重复作答）" in before and "系数保底，得分的变化" not in before       # format 20 as published


def test_a_moved_answer_that_set_aside_its_homes_earlier_answer_says_so_on_the_grids_sheet():
    """Trial 207: a 非本网格 answer moved into G01 set aside the home's earlier answer there (one household, one voice):
    W01's total fell 60.30, her sheet saying only that an answer came."""
    from gridpay.reports.render import report_html
    came = [{"appeal_id": "A2", "worker_id": "W2", "effect": "moved", "displaced": "J16"},
            {"appeal_id": "A3", "worker_id": "W2", "effect": "moved_not_counted", "displaced": "J20"}]
    (entry,) = others_appeals("W1", [("G1", 30, 30.0)], BY_GRID, {}, hr_apart=True, moved=({}, {"G1": came}))
    assert (entry["kind"], entry["ids"], entry["displaced"]) == ("moved_in", "A2、A3", "J16")
    html = report_html("worker.html.j2", "zh", run=_corrected_run("2027.27", 27), w=_sheet_worker("W1", "1.0000",
                       "1562.40", ""), grids=[], items=(), trend=None, appeals=[], calls=[], coefficient_parts=None,
                       replaced_total_pay="1562.40", others_appeals=[entry])
    assert "改计入该网格（A2、A3，非本网格），本表得分已按此计算。同户在该网格较早的答卷（J16）因每户每月只计最近一份，不再计分。" in html


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
    w = _sheet_worker("W1", "1.0000", "1562.40", "budget_neutral")
    html = report_html("worker.html.j2", "zh", run=_corrected_run("2027.12", 16), w=w, grids=[], items=(), trend=None, appeals=[], calls=[],
                       coefficient_parts=None, replaced_total_pay="1567.05", moved_by_others=True)
    assert ("您本月实发合计由 1567.05 元变为 1562.40 元。您所在网格的答卷与原始得分均未变，人工调整与在岗天数也未变；合计有变，"
            "是因为其他网格的答卷有变：调整后得分参考全部网格的平均水平，绩效总额按预算比例调整。") in html


def test_from_format_17_a_moved_total_says_whether_the_policy_the_files_or_other_grids_moved_it():
    """A hundred-and-fourth trial's sheets blamed other grids' answers for a change of the policy's budget (and of
    min_responses), where no answer had changed anywhere."""
    from gridpay.publishing.worker_contexts import moved_because
    from gridpay.reports.render import report_html
    line = {"total_pay": "1662.80", "adjustment": "0.00", "perf_pay_target": "1600.00", "assigned_days": 30,
            "days_in_month": 30}
    now, assigned, run = {**line, "total_pay": "1366.60"}, [("G4", 30, 30.0)], {"policy_version": "翠微2026.11b"}
    policy = {"inputs_changed": [("policy.toml", "changed")], "grids_changed": ["G4网格"]}
    assert moved_because(now, line, assigned, {"G4"}, policy, run) == {"kind": "policy", "version": "翠微2026.11b"}
    assert moved_because(now, line, assigned, {"G4"}, {"inputs_changed": [("surveys/a.csv", "changed")],
                                                        "grids_changed": ["G1网格"]}, run) == {"kind": "others"}
    assert moved_because(now, line, assigned, {"G4"}, {"inputs_changed": [("workers.csv", "changed")],
                                                        "grids_changed": []}, run) == {"kind": "files",
                                                                                      "files": "workers.csv"}
    assert moved_because(now, line, assigned, set(), policy, run) is None          # her own grid moved: said above
    w = _sheet_worker("W4", "0.8000", "1366.60", "")
    html = report_html("worker.html.j2", "zh", run=_corrected_run("翠微2026.11b", 17), w=w, grids=[], items=(), trend=None, appeals=[], calls=[],
                       coefficient_parts=None, replaced_total_pay="1662.80", moved_by_others=False,
                       moved_because={"kind": "policy", "version": "翠微2026.11b"})
    assert "合计有变，是因为考评办法有变（本表按 翠微2026.11b 版计算）。" in html and "其他网格的答卷有变" not in html


def test_from_format_17_a_grid_held_part_of_the_month_says_its_answers_are_the_whole_month_s():
    """A hundred-and-third trial's leaver and newcomer read one grid's 25 answers on both sheets as each one's own."""
    from gridpay.publishing.worker_contexts import shared_grids
    assigned = {"W4": [("G4", 15, 15.0)], "W5": [("G4", 15, 15.0), ("G5", 30, 30.0)], "W6": [("G5", 30, 30.0)]}
    by_grid = {"G4": {"grid_name": "四网格"}, "G5": {"grid_name": "五网格"}}
    assert shared_grids({"worker_id": "W4", "days_in_month": "30"}, assigned, by_grid) == [
        {"grid_name": "四网格", "days": 15, "others": 1, "others_days": 15}]
    assert shared_grids({"worker_id": "W6", "days_in_month": 30}, assigned, by_grid) == []     # the whole month



def test_a_correction_of_swapped_names_says_whose_the_id_was_then():
    """Trial 261: workers.csv's W04 and W05 rows swapped, corrected; 王建华's sheet read "由 1510.80 元变为 1893.35 元",
    1510.80 being what W04 paid 刘婷婷 then (output format 31 names her)."""
    from gridpay.publishing.worker_contexts import _other_name
    from gridpay.reports.render import report_html
    w = {**_sheet_worker("W04", "1.0000", "1893.35", ""), "name": "王建华"}
    assert _other_name(w, {"name": "刘婷婷"}) == "刘婷婷"
    assert _other_name(w, {"name": " 王建华"}) is None and _other_name(w, None) is None
    html = report_html("worker.html.j2", "zh", run=_corrected_run("2027.32", 31), w=w, grids=[], items=(), trend=None,
                       appeals=[], calls=[], coefficient_parts=None, replaced_total_pay="1510.80",
                       replaced_name="刘婷婷")
    assert ("您本月实发合计由 1510.80 元变为 1893.35 元。该版本中编号 W04 的网格员为 刘婷婷（名单已更正），以上金额为同一编号的比较。"
            in html)


def test_an_appeal_id_wraps_in_its_column_from_format_31():
    """Trial 260's PDF printed SS2026-11-01 into the answer id's column (SS2026-11-0128): the first column never wrapped."""
    from gridpay.reports.render import report_html
    appeal = {"appeal_id": "SS2026-11-01", "response_id": "128", "category": "other", "filed_on": "2026-12-08",
              "decision": "upheld", "decided_on": "2026-12-09", "decision_note": "", "effect": "excluded"}
    for fmt, wraps in ((30, False), (31, True)):
        html = report_html("worker.html.j2", "zh", run=_corrected_run("2027.32", fmt), w=_sheet_worker("W1", "1.0000",
                           "1600.00", ""), grids=[], items=(), trend=None, appeals=[appeal], calls=[],
                           coefficient_parts=None, replaced_total_pay=None)
        assert ('<td style="white-space: normal">SS2026-11-01</td>' in html) is wraps

def _sheet_worker(worker_id: str, coefficient: str, total: str, flags: str) -> dict:
    return {"worker_id": worker_id, "name": "某", "score": "80.00", "score_ci": "", "coefficient": coefficient,
            "perf_pay_target": "1600.00", "assigned_days": 30, "days_in_month": 30, "performance_pay": total,
            "adjustment": "0.00", "total_pay": total, "flags": flags, "flags_text": ""}


def _corrected_run(version: str, fmt: int) -> dict:
    """A run of November replacing the publication of December 1, as the worker template reads it."""
    return {"month": "2026-11", "policy_version": version, "run_id": "r", "output_format": fmt,
            "window": {"published": {"date": "2026-12-09", "replaces": {"date": "2026-12-01", "run_id": "r0"}}}}
