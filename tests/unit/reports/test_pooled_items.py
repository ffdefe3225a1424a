"""A worker sheet says its grid's items are the month's answers where its score is of pooled months (output
format 13: trial 85's worker of a 平房 grid saw 3 answers averaging 50.0 beside a raw score of 57.00 of 10)."""
import re

from gridpay.reports.render import report_html

GRID = {"grid_id": "G10", "grid_name": "平房网格", "assigned_days": 31, "weight_days": "31.0", "responses": 3,
        "raw_score": "57.00", "adjusted_score": "58.10", "ci": "", "good_rate_pct": "", "flags": "pooled",
        "flags_short": "", "flags_text": "", "item_scores": {"sat_overall": "50.0"}, "comments": [],
        "window_months": "2026-08,2026-09,2026-10", "window_responses": 10}
WORKER = {"worker_id": "W09", "name": "某", "score": "58.10", "score_ci": "", "coefficient": "0.9000",
          "total_pay": "1440.00", "perf_pay_target": "1600.00", "assigned_days": 31, "days_in_month": 31,
          "performance_pay": "1440.00", "adjustment": "0.00", "flags": "", "flags_text": ""}


def _sheet(fmt: int) -> str:
    run = {"month": "2026-10", "policy_version": "2027.9", "run_id": "r", "output_format": fmt}
    html = report_html("worker.html.j2", "zh", run=run, w=WORKER, grids=[GRID], items=("sat_overall",), trend=None,
                       appeals=[], calls=[], coefficient_parts=None, replaced_total_pay=None)
    return re.sub(r"<[^>]+>", "", html)


def test_a_pooled_grids_items_are_said_to_be_the_months_from_format_13():
    said = "平房网格：分项为本月的 3 份答卷所得；得分按2026-08、2026-09、2026-10合计 10 份答卷计算（当月答卷不足，合并近月）。"
    assert said in _sheet(13) and said not in _sheet(12)


def test_a_format_15_sheet_keeps_its_calculation_whole_and_draws_its_trend_narrower():
    """Trial 93's corrected sheets ran to a second page holding the two footnote lines alone, or step 7 alone."""
    from gridpay.reports.trend_svg import trend_geometry

    def html(fmt: int) -> str:
        run = {"month": "2026-10", "policy_version": "2027.11", "run_id": "r", "output_format": fmt}
        return report_html("worker.html.j2", "zh", run=run, w=WORKER, grids=[GRID], items=("sat_overall",),
                           trend=trend_geometry(["2026-09", "2026-10"], [55.0, 58.1]), appeals=[], calls=[],
                           coefficient_parts=None, replaced_total_pay=None)
    assert 'style="width: 60%"' in html(15) and '<div style="break-inside: avoid"><h2>' in html(15)
    assert html(15).count("<div") == html(14).count("<div") + 1 and html(15).endswith("</div></body>\n</html>")
    assert 'style="width: 80%"' in html(14) and "<div style=\"break-inside" not in html(14) and 'style="width: 80%"' not in html(13)


def test_a_sheet_of_output_format_13_or_earlier_renders_byte_for_byte_as_those_formats_did():
    """Format 14's flag line, put under the figures, took a newline from every earlier format's sheet: trial 94's
    audit --documents of a month published before the upgrade failed on every worker sheet ("edited since?")."""
    run = {"month": "2026-10", "policy_version": "2027.9", "run_id": "r", "output_format": 13,
           "window": {"open": True, "start": "2026-11-01", "end": "2026-11-07", "contact": ""}}
    html = report_html("worker.html.j2", "zh", run=run, w=WORKER, grids=[GRID], items=("sat_overall",), trend=None,
                       appeals=[], calls=[], coefficient_parts=None, replaced_total_pay=None)
    assert '</div>\n\n<p class="alert">公示期' in html                      # as format 13 was published
    run["output_format"] = 14
    html = report_html("worker.html.j2", "zh", run=run, w=WORKER, grids=[GRID], items=("sat_overall",), trend=None,
                       appeals=[], calls=[], coefficient_parts=None, replaced_total_pay=None)
    assert '</div>\n<p class="alert">公示期' in html                        # as format 14 was published
