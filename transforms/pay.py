"""From a worker's month score to performance pay, exact to the fen."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from transforms.policy import CoefficientRule

FEN = Decimal("0.01")


@dataclass(frozen=True)
class WorkerMonth:
    """One row of fct_worker_scores: a worker's month, before money."""
    worker_id: str
    name: str
    perf_pay_target: Decimal
    assigned_days: int
    days_in_month: int
    score: Decimal | None           # weighted over grids with enough responses
    scored_share: Decimal           # share of weight-days in grids with enough responses
    responses: int
    has_insufficient_grid: bool


@dataclass(frozen=True)
class PayLine:
    worker_id: str
    name: str
    score: Decimal | None
    responses: int
    coefficient: Decimal
    performance_pay: Decimal
    adjustment: Decimal
    total_pay: Decimal
    flags: tuple[str, ...]


def linear_coefficient(score: Decimal, rule: CoefficientRule) -> Decimal:
    """Straight line from (score_at_floor, floor) to (score_at_cap, cap), clamped at both ends."""
    if score <= rule.score_at_floor:
        return rule.floor
    if score >= rule.score_at_cap:
        return rule.cap
    slope = (rule.cap - rule.floor) / (rule.score_at_cap - rule.score_at_floor)
    return rule.floor + slope * (score - rule.score_at_floor)


def worker_coefficient(month: WorkerMonth, rule: CoefficientRule) -> Decimal:
    """Scored share at the score's coefficient, the rest (too few answers) at the neutral one."""
    scored = linear_coefficient(month.score, rule) if month.score is not None else rule.neutral
    blended = month.scored_share * scored + (1 - month.scored_share) * rule.neutral
    return blended.quantize(Decimal(1).scaleb(-rule.decimals), rounding=ROUND_HALF_UP)


def prorated_pay(target: Decimal, coefficient: Decimal, days: int, days_in_month: int) -> Decimal:
    """target x coefficient x days / days_in_month, rounded once to the fen, half up."""
    return (target * coefficient * days / days_in_month).quantize(FEN, rounding=ROUND_HALF_UP)


def pay_flags(month: WorkerMonth, rule: CoefficientRule, adjustment: Decimal) -> tuple[str, ...]:
    flags = []
    if month.score is None:
        flags.append("no_scored_grid")
    elif month.score >= rule.score_at_cap:
        flags.append("capped")
    elif month.score <= rule.score_at_floor:
        flags.append("floored")
    if month.has_insufficient_grid:
        flags.append("insufficient_responses")
    if month.assigned_days < month.days_in_month:
        flags.append("prorated")
    if adjustment != 0:
        flags.append("adjusted")
    return tuple(flags)


def pay_line(month: WorkerMonth, rule: CoefficientRule, adjustment: Decimal) -> PayLine:
    coefficient = worker_coefficient(month, rule)
    pay = prorated_pay(month.perf_pay_target, coefficient, month.assigned_days, month.days_in_month)
    return PayLine(
        worker_id=month.worker_id,
        name=month.name,
        score=month.score,
        responses=month.responses,
        coefficient=coefficient,
        performance_pay=pay,
        adjustment=adjustment.quantize(FEN),
        total_pay=pay + adjustment.quantize(FEN),
        flags=pay_flags(month, rule, adjustment),
    )
