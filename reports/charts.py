"""Chart functions: data in, matplotlib Figure out. Encoding for the page is separate."""
from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gridpay.reports.fonts import cjk_family
from gridpay.reports.trend_svg import lone_points, score_limits

if TYPE_CHECKING:       # matplotlib loads in cjk_family(), which each figure calls first
    from matplotlib.figure import Figure

BAR = "#2f6f9f"
WEAK = "#b8c7d6"


def grid_ranking_figure(names: Sequence[str], scores: Sequence[float | None], raw: Sequence[float | None],
                        ci_low: Sequence[float | None], ci_high: Sequence[float | None],
                        insufficient: Sequence[bool], xlabel: str) -> Figure:
    """Horizontal bars of the adjusted score, best grid on top, its interval as a whisker and the
    raw mean as a small diamond (the gap is the small-sample shift); grids with too few responses
    are drawn pale."""
    cjk_family()
    order = sorted(range(len(names)), key=lambda i: (scores[i] is None, -(scores[i] or 0)))[::-1]
    fig = _figure(figsize=(7.2, 0.26 * len(names) + 0.9))
    ax = fig.add_subplot()
    for pos, i in enumerate(order):
        if scores[i] is None:
            continue
        ax.barh(pos, scores[i], color=WEAK if insufficient[i] else BAR, height=0.7)
        if ci_low[i] is not None and ci_high[i] is not None:
            ax.plot([ci_low[i], ci_high[i]], [pos, pos], color="#333333", linewidth=1)
        if raw[i] is not None:
            ax.plot(raw[i], pos, marker="D", markersize=3, color="#c0392b")
    ax.set_yticks(range(len(order)), [names[i] for i in order], fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel, fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", color="#dddddd", linewidth=0.5)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def svg_data_uri(fig: Figure) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


PALETTE = ("#1d4e74", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#16a085", "#7f8c8d")


def _trend_axes(fig: Figure, months: Sequence[str], ylabel: str, values: Sequence[float | None]):
    ax = fig.axes[0] if fig.axes else fig.add_subplot()
    ax.set_xticks(list(range(len(months))), [m[2:] for m in months], fontsize=7)
    ax.set_xlim(-0.5, len(months) - 0.5)
    ax.set_ylim(*score_limits(values))
    from matplotlib.ticker import MaxNLocator
    ax.yaxis.set_major_locator(MaxNLocator(nbins=5, steps=[1, 2, 5, 10]))   # steps of 5 points, not 2.5
    ax.set_ylabel(ylabel, fontsize=8)
    ax.tick_params(length=0, labelsize=7)    # the grid lines mark the scale; tick marks only add nodes
    ax.grid(axis="y", color="#dddddd", linewidth=0.5)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


def _line(ax, values: Sequence[float | None], **style):
    lone = lone_points(values)
    return ax.plot(range(len(values)), [float("nan") if v is None else v for v in values],
                   marker="o" if lone else "None", markevery=lone or None, markersize=3, **style)[0]


def trend_figure(months: Sequence[str], series: dict[str, Sequence[float | None]], ylabel: str,
                 bold: str | None = None, legend_alone: bool = False) -> Figure:
    """One line per series over the months (gaps where a month has no figure); `bold` is drawn
    thicker (the community line among its areas). A lone series has a legend where `legend_alone`
    (output format 13: trial 82's chart, headed 社区与各片区, drew one line and did not say which)."""
    cjk_family()
    fig = _figure(figsize=(7.2, 2.8))
    ax = _trend_axes(fig, months, ylabel, [v for values in series.values() for v in values])
    for colour, (label, values) in zip(PALETTE * 4, series.items()):
        _line(ax, values, linewidth=2.4 if label == bold else 1.2, color=colour, label=label)
    legend = len(series) > 1 or legend_alone
    if legend:
        ax.legend(fontsize=7, frameon=False, ncol=min(5, len(series)), loc="lower center", bbox_to_anchor=(0.5, 1.0))
    # fixed margins, not tight_layout(): that draws the figure once more to measure it
    fig.subplots_adjust(left=0.085, right=0.99, bottom=0.1, top=0.86 if legend else 0.97)
    return fig


def items_figure(labels: Sequence[str], scores: Sequence[float], xlabel: str) -> Figure:
    """Horizontal bars of each item's 0-100 score for the month."""
    cjk_family()
    fig = _figure(figsize=(7.2, 0.35 * len(labels) + 0.9))
    ax = fig.add_subplot()
    ax.barh(range(len(labels)), scores, color=BAR, height=0.6)
    for pos, score in enumerate(scores):
        ax.text(score + 1, pos, f"{score:.1f}", va="center", fontsize=7)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.set_xlim(0, 100)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel, fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    return fig


def _figure(figsize: tuple[float, float]) -> Figure:
    from matplotlib.figure import Figure       # after cjk_family(), which chose the Agg backend
    return Figure(figsize=figsize)
