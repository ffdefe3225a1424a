"""Thin grids (fewer counted answers in the month than scoring.min_responses): which answers a
grid is scored on (pooled over months, policy scoring.insufficient), whether its share is paid at
the neutral coefficient, and which grids the response-rate watch flags. Pure functions."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from gridpay.transforms.pay import score_coefficient
from gridpay.transforms.policy import Policy

if TYPE_CHECKING:
    from gridpay.transforms.grid_scores import GridStats


@dataclass(frozen=True)
class WindowStats:
    """One row of int_window_grid_stats: a thin grid's counted answers over its pooling window."""
    grid_id: str
    months: str              # "2026-08,2026-09,2026-10": the months its answers came from
    responses: int
    sum_score: Decimal
    sum_sq: Decimal


def scored_sample(month: GridStats, window: WindowStats | None, policy: Policy) -> tuple[GridStats, bool]:
    """The answers a grid is scored on, and whether they were pooled: the month's, unless the
    month is thin, the policy pools, and the window holds at least min_responses answers."""
    rules = policy.scoring
    if (rules.insufficient == "pool" and window is not None and month.responses < rules.min_responses
            and window.responses >= rules.min_responses):
        return replace(month, responses=window.responses, sum_score=window.sum_score, sum_sq=window.sum_sq), True
    return month, False


def thin_month_neutral(month_responses: int, pay_score: float | None, policy: Policy) -> bool:
    """Whether a grid with fewer than min_responses counted answers this month, scored on its earlier months too, is
    paid at the neutral coefficient instead (scoring.thin_month_at_most_neutral): its earlier months may lower its pay
    (a grid whose residents are unhappy gains nothing by falling silent), never raise it above neutral. Trial 143's
    grid without one answer was paid on the two months before, already paid for, at 1.1079 where the month before had
    paid 1.0821; capped for a silent month alone, its re-check found one 非常不满意 answer lifting pay from neutral to
    1.0561: under the minimum, no answer of the month lifts pay above neutral, and the minimum reached, the month's own
    answers pay."""
    if not policy.scoring.thin_month_at_most_neutral or month_responses >= policy.scoring.min_responses:
        return False
    return pay_score is not None and score_coefficient(Decimal(str(pay_score)), policy.coefficient) > policy.coefficient.neutral


def is_insufficient(responses: int, policy: Policy) -> bool:
    """Whether a grid scored on `responses` answers is paid at the neutral coefficient."""
    if policy.scoring.insufficient == "shrunk":
        return responses == 0
    return responses < policy.scoring.min_responses


def low_rate_grids(rates: dict[str, float | None], earlier: dict[str, dict[str, float | None]],
                   months: list[str], policy: Policy) -> set[str]:
    """Grids whose response rate is below scoring.min_response_rate this month (`rates`) and in
    each of `months` (the scoring.low_rate_months - 1 months before it; `earlier`: their published
    rates by grid, then month). A month missing from `earlier` breaks the run."""
    threshold = policy.scoring.min_response_rate
    if threshold is None:
        return set()

    def low(rate: float | None) -> bool:
        return rate is not None and rate < threshold
    return {g for g, rate in rates.items()
            if low(rate) and all(low(earlier.get(g, {}).get(m)) for m in months)}
