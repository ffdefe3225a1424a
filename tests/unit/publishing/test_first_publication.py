"""A correction of a correction names the month's first publication too (output format 26): trial 184's W03, holding
the sheet of 2 November (1409.55), read on the final one only "与该版本相比，您本月实发合计未变（1346.40 元）", the fall
having come in a run between them."""
from datetime import datetime

import duckdb

from gridpay.publishing.republication import publication
from gridpay.reports.render import report_html

# the third publication of October, replacing the second, as a worker sheet reads it; W03 paid 1346.40 in it
RUN = {"month": "2026-10", "policy_version": "2027.21", "run_id": "r3", "output_format": 26,
       "window": {"published": {"date": "2026-11-08", "replaces": {"date": "2026-11-07", "run_id": "r2",
                                                                   "first": {"date": "2026-11-02", "run_id": "r1"}}}}}
W03 = {"worker_id": "W03", "name": "某", "score": "80.00", "score_ci": "", "coefficient": "1.0000",
       "perf_pay_target": "1500.00", "assigned_days": 31, "days_in_month": 31, "performance_pay": "1346.40",
       "adjustment": "0.00", "total_pay": "1346.40", "flags": "", "flags_text": ""}
RUNS = [("r1", datetime(2026, 11, 2, 2)), ("r2", datetime(2026, 11, 7, 2)), ("r3", datetime(2026, 11, 8, 2))]


def _con(fmt: int):
    con = duckdb.connect()
    con.execute("create table runs (run_id varchar, month varchar, status varchar, started_at timestamp, "
                "finished_at timestamp, output_format integer, reason varchar, inputs_json varchar, code_version varchar)")
    con.executemany("insert into runs values (?, '2026-10', 'published', ?, ?, ?, 'r', '[]', 'v')",
                    [(run, at, at, fmt) for run, at in RUNS])
    con.execute("create table payroll (run_id varchar, worker_id varchar, total_pay_yuan decimal(12,2))")
    con.executemany("insert into payroll values (?, 'W03', ?)", [("r1", 1409.55), ("r2", 1346.40), ("r3", 1346.40)])
    con.execute("create table grid_scores (run_id varchar, grid_id varchar, grid_name varchar, adjusted_score "
                "decimal(9,4), responses integer, response_rate decimal(9,4))")
    return con


def test_the_months_first_publication_is_named_where_the_run_replaced_is_not_it():
    with _con(26) as con:
        third = publication(con, "r3", "2026-10", "Asia/Shanghai")["replaces"]
        assert third["run_id"] == "r2" and third["first"] == {"run_id": "r1", "date": "2026-11-02"}
        assert "first" not in publication(con, "r2", "2026-10", "Asia/Shanghai")["replaces"]    # r1 is the first
    with _con(25) as con:       # a month published before format 26: as published
        assert "first" not in publication(con, "r3", "2026-10", "Asia/Shanghai")["replaces"]


def test_the_sheet_says_the_total_against_the_first_publication():
    said = {first: report_html("worker.html.j2", "zh", run=RUN, w=W03, grids=[], items=(), trend=None, appeals=[],
                               calls=[], coefficient_parts=None, replaced_total_pay="1346.40", first_total_pay=first)
            for first in ("1409.55", "1346.40", "")}
    assert ("与该版本相比，您本月实发合计未变（1346.40 元）。与 2026-11-02 第一次发布的版本相比，由 1409.55 元变为 1346.40 元。"
            in said["1409.55"])
    assert "与 2026-11-02 第一次发布的版本相比未变。" in said["1346.40"]
    assert "2026-11-02 第一次发布的版本中没有您的工资记录。" in said[""]


def test_the_first_publication_s_total_reaches_the_sheet_the_pool_renders():
    """The recheck of trial 184: the line, tested on the template alone, never reached a sheet (the page renderer
    passed the context's keys by name, and not this one)."""
    from gridpay.publishing.worker_pages import render_worker_page
    context = {"run": RUN, "w": W03, "items": (), "months": [], "trend": [], "grids": [], "appeals": [],
               "replaced_total_pay": "1346.40", "first_total_pay": "1409.55"}
    _, html, pdf = render_worker_page(context, "zh")
    assert "与 2026-11-02 第一次发布的版本相比，由 1409.55 元变为 1346.40 元。" in html and pdf.startswith(b"%PDF")


def test_from_format_31_the_notice_names_the_grids_moved_since_the_first_notice():
    """Trial 275's residents, whose paper forms were typed again, read on the last notice only that nothing had changed
    since the notice before it: 第四网格 had moved from 64.97 to 71.07 since the first."""
    with _con(31) as con:
        con.executemany("insert into grid_scores values (?, ?, ?, ?, 30, 0.1)",
                        [("r1", "G4", "第四网格", 64.97), ("r2", "G4", "第四网格", 71.07), ("r3", "G4", "第四网格", 71.07),
                         ("r1", "G1", "第一网格", 80.0), ("r2", "G1", "第一网格", 80.0), ("r3", "G1", "第一网格", 80.0)])
        third = publication(con, "r3", "2026-10", "Asia/Shanghai")["replaces"]
    assert third["grids_changed"] == [] and third["first"]["grids_changed"] == ["第四网格"]
    from gridpay.reports.strings import labels
    assert labels("zh")["notice_first_changed"].format(date="2026-11-02", grids="第四网格") == \
        "与 2026-11-02 第一次发布的公示相比，以下网格的数据有变：第四网格。"
