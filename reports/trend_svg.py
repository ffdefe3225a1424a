"""The worker sheet's trend chart as plain numbers for the template to draw (templates/charts.html.j2
makes them an inline <svg>): no matplotlib round trip per page. The geometry is matplotlib's as
reports/charts.py drew it until 2026-11 (a 7.2 x 2.2 in figure, the axes at 0.085-0.99 by
0.13-0.96, the y limits of _score_limits, ticks as MaxNLocator(nbins=5, steps=[1, 2, 5, 10]) puts
them, a marker only on a lone point), so the page looks as it did; tests/unit/reports/test_trend_svg.py holds
the ticks to matplotlib's."""
from __future__ import annotations

import math
from collections.abc import Sequence

WIDTH, HEIGHT = 518.4, 158.4             # points: 7.2 x 2.2 inches
LEFT, RIGHT = 0.085 * WIDTH, 0.99 * WIDTH
TOP, BOTTOM = (1 - 0.96) * HEIGHT, (1 - 0.13) * HEIGHT
STEPS = (1, 2, 5, 10)
NBINS = 5


def score_limits(values: Sequence[float | None]) -> tuple[float, float]:
    """At least 20 points tall, so that a one-point wobble does not look like a cliff."""
    known = [v for v in values if v is not None]
    if not known:
        return 0.0, 100.0
    low, high = min(known), max(known)
    pad = max(5.0, (20 - (high - low)) / 2)
    return max(0.0, low - pad), min(100.0, high + pad)


def y_ticks(low: float, high: float) -> list[float]:
    """The smallest step of 1, 2, 5 or 10 (times a power of ten) that cuts [low, high] into at
    most NBINS parts, and its multiples inside [low, high] (what MaxNLocator gives for these limits)."""
    raw = (high - low) / NBINS
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(s * power for s in STEPS if s * power >= raw - 1e-12)
    first = math.ceil(low / step - 1e-9)
    return [k * step for k in range(first, math.floor(high / step + 1e-9) + 1)]


def lone_points(values: Sequence[float | None]) -> list[int]:
    """Indices of the points with no neighbour to draw a line to: only these get a marker."""
    known = [v is not None for v in values]
    return [i for i, k in enumerate(known)
            if k and not (i > 0 and known[i - 1]) and not (i + 1 < len(known) and known[i + 1])]


def _label(tick: float) -> str:
    return f"{tick:.0f}" if tick == round(tick) else f"{tick:g}"


def trend_geometry(months: Sequence[str], values: Sequence[float | None]) -> dict:
    """Everything the template's macro draws, in the SVG's points (y grows downwards)."""
    low, high = score_limits(values)
    n = len(months)

    def x(i: int) -> float:
        return round(LEFT + (i + 0.5) / n * (RIGHT - LEFT), 3)

    def y(v: float) -> float:
        return round(BOTTOM - (v - low) / (high - low) * (BOTTOM - TOP), 3)
    runs, run = [], []               # the line's unbroken runs of two or more points
    for i, v in enumerate(values):
        if v is None:
            runs, run = (runs + [run] if len(run) > 1 else runs), []
        else:
            run.append(f"{x(i)},{y(v)}")
    runs += [run] if len(run) > 1 else []
    return {"width": WIDTH, "height": HEIGHT, "left": round(LEFT, 3), "right": round(RIGHT, 3),
            "top": round(TOP, 3), "bottom": round(BOTTOM, 3), "middle": round((TOP + BOTTOM) / 2, 3),
            # matplotlib's text places: 3.5 pt from the axes, baselines 9.66 below / 3.08 under the tick
            "x_label_y": round(BOTTOM + 9.66, 3), "y_label_x": round(LEFT - 3.5, 3), "title_x": round(LEFT - 16.23, 3),
            "x_ticks": [(x(i), m[2:]) for i, m in enumerate(months)],
            "y_ticks": [(y(t), round(y(t) + 3.08, 3), _label(t)) for t in y_ticks(low, high)],
            "lines": [" ".join(r) for r in runs],
            "dots": [(x(i), y(values[i])) for i in lone_points(values)]}
