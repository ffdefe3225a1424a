"""From a worker's month score to performance pay, exact to the fen."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from gridpay.transforms.coefficient_rule import CoefficientRule
from gridpay.transforms.rounding import rounded

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
    # a grid's pooled window holds another worker's days before hers: her share at neutral (2027.22)
    before_start: bool = False


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


SHOWN_SCORE_PLACES = 2      # a score as payroll.csv, the scorecard and the worker sheets print it


def tier_coefficient(score: Decimal, rule: CoefficientRule) -> Decimal:
    """The coefficient of the highest tier whose min_score the score reaches; where the policy says so
    (coefficient.tiers_on_shown_score), the score as printed: a thirty-fifth trial's worker read 82.00 on
    the sheet beside "82 分及以上为 1.05" and was paid at 1.00 for a kept score of 81.9999."""
    if rule.tiers_on_shown_score:
        score = rounded(score, SHOWN_SCORE_PLACES)
    return next(coefficient for min_score, coefficient in rule.tiers if score >= min_score)


def score_coefficient(score: Decimal, rule: CoefficientRule) -> Decimal:
    """The score's coefficient; on the line at the score as printed where the policy says so
    (coefficient.linear_on_shown_score): trial 79's sheet printed 得分 71.98 beside 系数 0.9598, read off the
    line at the kept 71.9849, and the worker applying the printed rule to 71.98 got 0.9597 (21 fen)."""
    if rule.mode == "tiers":
        return tier_coefficient(score, rule)
    return linear_coefficient(rounded(score, SHOWN_SCORE_PLACES) if rule.linear_on_shown_score else score, rule)


def worker_coefficient(month: WorkerMonth, rule: CoefficientRule, rounding: str = "ROUND_HALF_UP") -> Decimal:
    """Scored share at the score's coefficient, the rest (too few answers) at the neutral one."""
    scored = score_coefficient(month.score, rule) if month.score is not None else rule.neutral
    blended = month.scored_share * scored + (1 - month.scored_share) * rule.neutral
    return rounded(blended, rule.decimals, rounding)


def prorated_pay(target: Decimal, coefficient: Decimal, days: int, days_in_month: int,
                 rounding: str = "ROUND_HALF_UP") -> Decimal:
    """target x coefficient x days / days_in_month, in exact fractions, rounded once to the fen."""
    return rounded(Fraction(target) * Fraction(coefficient) * days / days_in_month, 2, rounding)


def pay_flags(month: WorkerMonth, rule: CoefficientRule, adjustment: Decimal) -> tuple[str, ...]:
    flags = []
    if month.score is None:
        if not month.before_start or month.has_insufficient_grid:     # else her grid had answers enough: not said so
            flags.append("no_scored_grid")
    elif score_coefficient(month.score, rule) >= rule.cap:
        flags.append("capped")
    elif score_coefficient(month.score, rule) <= rule.floor:
        flags.append("floored")
    if month.has_insufficient_grid:
        flags.append("insufficient_responses")
    if month.before_start:
        flags.append("window_before_start")
    if month.assigned_days < month.days_in_month:
        flags.append("prorated")
    if adjustment != 0:
        flags.append("adjusted")
    return tuple(flags)


def pay_line(month: WorkerMonth, rule: CoefficientRule, adjustment: Decimal,
             rounding: str = "ROUND_HALF_UP") -> PayLine:
    coefficient = worker_coefficient(month, rule, rounding)
    pay = prorated_pay(month.perf_pay_target, coefficient, month.assigned_days, month.days_in_month, rounding)
    adjustment = rounded(adjustment, 2, rounding)
    return PayLine(
        worker_id=month.worker_id,
        name=month.name,
        score=month.score,
        responses=month.responses,
        coefficient=coefficient,
        performance_pay=pay,
        adjustment=adjustment,
        total_pay=pay + adjustment,
        flags=pay_flags(month, rule, adjustment),
    )


def _fen(amount: Fraction, rounding: str) -> int:
    """Whole fen under the policy's rule."""
    return int(rounded(amount, 2, rounding).scaleb(2))


def neutral_shares(prorated: list[Fraction], coefficients: list[Decimal], floor: Decimal, cap: Decimal,
                   pool_fen: int) -> list[Fraction]:
    """Share the pool in proportion to prorated target x coefficient, keeping every worker within
    [floor, cap] x prorated target: whoever the proportional share would push past a bound is held
    at it and the rest is shared again among the others (caps first, then floors, until stable)."""
    pool = Fraction(pool_fen, 100)
    weights = [p * Fraction(c) for p, c in zip(prorated, coefficients)]
    fixed: dict[int, Fraction] = {}
    for _ in range(2 * len(weights) + 2):
        free = [i for i in range(len(weights)) if i not in fixed]
        total = sum((weights[i] for i in free), Fraction(0))
        if not free or total == 0:
            break
        scale = (pool - sum(fixed.values(), Fraction(0))) / total
        over = [i for i in free if weights[i] * scale > prorated[i] * Fraction(cap)]
        under = [i for i in free if weights[i] * scale < prorated[i] * Fraction(floor)]
        for i in over or under:
            fixed[i] = prorated[i] * Fraction(cap if over else floor)
        if not over and not under:
            return [fixed.get(i, weights[i] * scale) for i in range(len(weights))]
    return [fixed.get(i, Fraction(0)) for i in range(len(weights))]


def largest_remainder_fen(amounts: list[Fraction], pool_fen: int) -> list[int]:
    """Whole fen that add up to pool_fen exactly: everyone gets the fen below their share, and the
    fen left over go one each to the largest remainders (ties: the earlier in the list)."""
    floors = [int(a * 100 // 1) for a in amounts]
    left = pool_fen - sum(floors)
    order = sorted(range(len(amounts)), key=lambda i: (-(amounts[i] * 100 - floors[i]), i))
    for i in order[:max(0, left)]:
        floors[i] += 1
    return floors


def payroll(months: list[WorkerMonth], rule: CoefficientRule, budget: str,
            adjustments: dict[str, Decimal], rounding: str = "ROUND_HALF_UP",
            pools: dict[str, str | None] | None = None) -> list[PayLine]:
    """Pay lines for the month in worker order. budget 'target': each worker's own line;
    'neutral': the same coefficients, then each pool (the sum of its workers' prorated targets) shared
    out exactly; `pools`: worker_id -> its pool (the paying community), None: one pool for the month."""
    lines = [pay_line(m, rule, adjustments.get(m.worker_id, Decimal(0)), rounding) for m in months]
    if budget != "neutral" or not lines:
        return lines
    groups: dict[object, list[int]] = {}
    for i, m in enumerate(months):
        groups.setdefault((pools or {}).get(m.worker_id), []).append(i)
    out = list(lines)
    for members in groups.values():
        for i, line in zip(members, _neutral_lines([months[i] for i in members], [lines[i] for i in members],
                                                   rule, rounding)):
            out[i] = line
    return out


def _neutral_lines(months: list[WorkerMonth], lines: list[PayLine], rule: CoefficientRule,
                   rounding: str) -> list[PayLine]:
    prorated = [Fraction(m.perf_pay_target) * m.assigned_days / m.days_in_month for m in months]
    pool_fen = _fen(sum(prorated, Fraction(0)), rounding)
    shares = neutral_shares(prorated, [ln.coefficient for ln in lines], rule.floor, rule.cap, pool_fen)
    fen = largest_remainder_fen(shares, pool_fen)
    return [replace(line, performance_pay=Decimal(cents) / 100, total_pay=Decimal(cents) / 100 + line.adjustment,
                    flags=(*line.flags, "budget_neutral")) for line, cents in zip(lines, fen)]
