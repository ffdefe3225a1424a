"""Which community pays a worker: the one with most of the worker's weighted days in the month (a tie: the
first by name). A worker of one community is paid by it. The scorecards count a worker of two communities
in the payer's totals (output format 5), and a fixed pool of `pay.budget = "neutral"` is each payer
community's own where the policy says so (`pay.budget_pool = "community"`)."""
from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal
from typing import Iterable


def payer_communities(weighted_days: Iterable[tuple[str, str | None, Decimal | int]]) -> dict[str, str | None]:
    """worker_id -> the paying community, from (worker_id, community of a grid, weighted days there) rows."""
    days: dict[str, Counter] = defaultdict(Counter)
    for worker, community, weight_days in weighted_days:
        days[worker][community] += weight_days
    return {worker: min(by, key=lambda c: (-by[c], c or "")) for worker, by in days.items()}
