"""The worker sheet's trend chart, drawn by the template as inline SVG (reports/trend_svg.py and
templates/charts.html.j2), keeps matplotlib's scale and shows gaps and lone points as before."""
from hypothesis import given, settings, strategies as st
from matplotlib.ticker import MaxNLocator

from gridpay.reports import trend_svg

score = st.one_of(st.none(), st.floats(0, 100, allow_nan=False).map(lambda v: round(v, 2)))


@settings(max_examples=300, deadline=None)
@given(st.lists(score, min_size=1, max_size=24))
def test_y_ticks_are_the_ones_matplotlib_drew(values):
    low, high = trend_svg.score_limits(values)
    theirs = [t for t in MaxNLocator(nbins=5, steps=[1, 2, 5, 10]).tick_values(low, high)
              if low - 1e-9 <= t <= high + 1e-9]
    assert trend_svg.y_ticks(low, high) == [float(t) for t in theirs]


def test_gaps_break_the_line_and_only_lone_points_get_a_marker():
    months = [f"2026-{m:02d}" for m in range(1, 9)]
    g = trend_svg.trend_geometry(months, [70.0, 72.0, None, 75.0, None, 71.0, 73.0, 74.0])
    assert [len(line.split()) for line in g["lines"]] == [2, 3]
    assert [x for x, _ in g["dots"]] == [g["x_ticks"][3][0]]
    assert [label for _, _, label in g["y_ticks"]] == ["65", "70", "75", "80"]     # 62.5-82.5
    assert g["x_ticks"][0] == (73.386, "26-01")            # matplotlib's place for the first month
    top = trend_svg.trend_geometry(months[:1], [100.0])      # the limits stop at 100
    assert top["y_ticks"][-1][0] == top["top"] and top["dots"] == [(top["x_ticks"][0][0], top["top"])]


def test_worker_page_draws_its_trend_inline(tmp_path):
    from gridpay.publishing.reporting import render_worker_page
    w = {"worker_id": "W1", "name": "王伟", "score": "70.00", "score_ci": "", "coefficient": "0.9333",
         "total_pay": "1.00", "perf_pay_target": "1.00", "assigned_days": 30, "days_in_month": 30,
         "performance_pay": "1.00", "adjustment": "0.00", "flags": "", "flags_text": ""}
    context = {"run": {"run_id": "r", "month": "2026-09", "policy_version": "t"}, "items": ("sat_overall",),
               "months": ["2026-08", "2026-09"], "trend": [55.5, 91.0], "grids": [], "w": w}
    _, html, pdf = render_worker_page(context, "zh")
    assert "<img" not in html and html.count("<polyline") == 1 and "满意度得分" in html and "26-09" in html
    assert pdf.startswith(b"%PDF")
