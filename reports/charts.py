"""Chart functions: data in, matplotlib Figure out. Encoding for the page is separate."""
from __future__ import annotations

import base64
import io
from collections.abc import Sequence

from matplotlib.figure import Figure

from reports.fonts import cjk_family

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
    fig = Figure(figsize=(7.2, 0.32 * len(names) + 1.0))
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
