"""A trend of the community's line alone says which line it is from output format 13 (trial 82's chart,
headed 社区与各片区, drew one line and no legend); earlier months' charts are drawn as they were."""
from gridpay.reports.charts import trend_figure


def test_a_lone_series_has_a_legend_only_where_asked():
    months = ["2026-09", "2026-10"]
    alone = trend_figure(months, {"全社区": [80.0, 82.5]}, "得分", bold="全社区", legend_alone=True)
    legend = alone.axes[0].get_legend()
    assert legend is not None and [t.get_text() for t in legend.get_texts()] == ["全社区"]
    assert trend_figure(months, {"全社区": [80.0, 82.5]}, "得分", bold="全社区").axes[0].get_legend() is None
    two = trend_figure(months, {"全社区": [80.0, 82.5], "东区": [79.0, None]}, "得分", bold="全社区")
    assert two.axes[0].get_legend() is not None
