"""How a message lists what it found: the first few and how many more, so that a line naming a thousand
rows stays one line (one helper for every room: the run's stops, inspect's check lines, doctor)."""
from __future__ import annotations

from collections.abc import Iterable


def listed(names: Iterable[object], shown: int = 10) -> str:
    """'a, b, c' or, for many, the first `shown` and how many more."""
    items = [str(n) for n in names]
    return ", ".join(items[:shown]) + (f" and {len(items) - shown} more" if len(items) > shown else "")
