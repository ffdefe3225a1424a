"""From a month's exact per-grid sums to the grid scores HR sees and pay uses: raw mean with its
interval, the empirical-Bayes adjusted score, 好评率 / 满意率 / response rate with Wilson
intervals, and (scoring mode "vbp") achievement and improvement points."""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from statistics import median

from gridpay.transforms.policy import Policy
from gridpay.transforms.stats import empirical_bayes, wilson_interval, z_value
from gridpay.transforms.thin_grids import WindowStats, is_insufficient, scored_sample, thin_month_neutral


@dataclass(frozen=True)
class GridStats:
    """One row of int_grid_stats."""
    grid_id: str
    grid_name: str
    community: str
    area: str
    households: int
    responses: int
    sum_score: Decimal
    sum_sq: Decimal
    overall_answered: int
    good: int
    satisfied: int
    review_flags: str


@dataclass(frozen=True)
class GridScore:
    grid_id: str
    grid_name: str
    community: str
    area: str
    responses: int
    households: int
    response_rate: float | None
    response_rate_low: float | None
    response_rate_high: float | None
    raw_score: float | None
    ci_low: float | None
    ci_high: float | None
    adjusted_score: float | None
    adjusted_se: float | None
    adjusted_ci_low: float | None
    adjusted_ci_high: float | None
    shrink_factor: float | None
    good_rate: float | None
    good_rate_low: float | None
    good_rate_high: float | None
    satisfied_rate: float | None
    satisfied_rate_low: float | None
    satisfied_rate_high: float | None
    achievement_points: float | None
    improvement_points: float | None
    pay_score: float | None
    is_insufficient: bool
    flags: str
    review_flags: str
    window_months: str | None        # the months the score rests on (None: a policy from before pooling)
    window_responses: int | None     # the counted answers it rests on


@dataclass(frozen=True)
class VbpBenchmarks:
    threshold: float            # median of the grids' baseline scores
    benchmark: float            # mean of the top decile of baseline scores


def pooled_within_variance(stats: list[GridStats]) -> float | None:
    """Variance of single response scores around their grid's mean, pooled over all grids:
    sum over grids of (sum_sq - sum^2 / n), divided by sum of (n - 1). Exact sums, one division."""
    usable = [s for s in stats if s.responses >= 2]
    dof = sum(s.responses - 1 for s in usable)
    if dof == 0:
        return None
    within = sum(s.sum_sq - s.sum_score * s.sum_score / s.responses for s in usable)
    return float(within) / dof


def vbp_benchmarks(baseline: dict[str, float], top_share: float) -> VbpBenchmarks | None:
    if not baseline:
        return None
    scores = sorted(baseline.values(), reverse=True)
    top = scores[: max(1, math.ceil(len(scores) * top_share))]
    return VbpBenchmarks(threshold=median(scores), benchmark=sum(top) / len(top))


def achievement_points(score: float, marks: VbpBenchmarks) -> float:
    """CMS VBP: 0 below the threshold, 10 at or above the benchmark, 9 x share of the way + 0.5 between."""
    if score >= marks.benchmark:
        return 10.0
    if score < marks.threshold:
        return 0.0
    return 9 * (score - marks.threshold) / (marks.benchmark - marks.threshold) + 0.5


def improvement_points(score: float, own_baseline: float, marks: VbpBenchmarks) -> float:
    """CMS VBP: 0 at or below the grid's own baseline, 9 at the benchmark, 10 x share - 0.5 between."""
    if score <= own_baseline or own_baseline >= marks.benchmark:
        return 0.0
    if score >= marks.benchmark:
        return 9.0
    return max(0.0, min(9.0, 10 * (score - own_baseline) / (marks.benchmark - own_baseline) - 0.5))


def _clip(x: float) -> float:
    return min(100.0, max(0.0, x))


def _rate(successes: int, n: int, confidence: float) -> tuple[float | None, float | None, float | None]:
    interval = wilson_interval(successes, n, confidence)
    return (successes / n, *interval) if interval else (None, None, None)


def _adjusted(scored: list[GridStats], means: dict[str, float], s2: float | None,
              shrinkage: bool) -> dict[str, tuple[float, float, float]]:
    """grid -> (adjusted score, its posterior sd, shrink factor): empirical Bayes over the grids
    with answers (4 or more), else the raw means with their standard errors."""
    if shrinkage and s2 is not None and len(scored) >= 4:
        fit = empirical_bayes([means[s.grid_id] for s in scored], [s2 / s.responses for s in scored])
        return {s.grid_id: (e, sd, b) for s, e, sd, b in zip(scored, fit.estimates, fit.posterior_sd, fit.factors)}
    return {s.grid_id: (means[s.grid_id], math.sqrt(s2 / s.responses) if s2 is not None else math.nan, 0.0)
            for s in scored}


def _sample_flags(responses: int, month_responses: int, pooled: bool, insufficient: bool, scoring) -> list[str]:
    flags = ["pooled"] if pooled else []
    if insufficient:
        flags.append("insufficient_responses")
    elif month_responses < scoring.min_responses and not pooled:
        flags.append("few_responses")            # "shrunk": scored on few answers, as the policy says
    return flags


def _points(grid_id: str, est: float | None, marks: VbpBenchmarks | None, baseline: dict[str, float] | None,
            flags: list[str], mode: str) -> tuple[float | None, float | None, float | None]:
    """(achievement points, improvement points, the score pay uses) under the scoring mode."""
    if marks is not None and est is not None:
        ach = achievement_points(est, marks)
        own = (baseline or {}).get(grid_id)
        imp = improvement_points(est, own, marks) if own is not None else None
        return ach, imp, 10 * max(ach, imp or 0.0)
    if mode == "vbp" and est is not None:
        flags.append("no_baseline")     # the first months have nothing to compare against
    return None, None, est


def grid_scores(stats: list[GridStats], policy: Policy, baseline: dict[str, float] | None = None,
                windows: dict[str, WindowStats] | None = None, low_rate: set[str] = frozenset(),
                month: str | None = None, dropped: set[str] = frozenset(),
                reviewed: dict[str, tuple[str, ...]] | None = None) -> list[GridScore]:
    """`stats` in a fixed order (grid_id) so the float arithmetic is the same on every run. A thin
    grid with a pooling window (`windows`) is scored on the window's answers: those then enter the
    community's fit (its mean and variance) in place of the month's. `low_rate`, `dropped` and
    `reviewed` flag grids for HR (the response-rate watch, answers against the month published
    last, the appeals and calls); flags change no score."""
    scoring = policy.scoring
    z = z_value(scoring.confidence)
    samples = [scored_sample(s, (windows or {}).get(s.grid_id), policy) for s in stats]
    s2 = pooled_within_variance([sample for sample, _ in samples])
    scored = [sample for sample, _ in samples if sample.responses >= 1]
    means = {s.grid_id: float(s.sum_score) / s.responses for s in scored}
    adjusted = _adjusted(scored, means, s2, scoring.shrinkage)
    marks = vbp_benchmarks(baseline or {}, scoring.vbp_top_share) if scoring.mode == "vbp" else None
    rows = []
    for m, (s, pooled) in zip(stats, samples):
        mean = means.get(s.grid_id)
        se = math.sqrt(s2 / s.responses) if s2 is not None and s.responses else None
        est, sd, factor = adjusted.get(s.grid_id, (None, None, None))
        insufficient = is_insufficient(s.responses, policy)
        flags = _sample_flags(s.responses, m.responses, pooled, insufficient, scoring)
        ach, imp, pay_score = _points(s.grid_id, est, marks, baseline, flags, scoring.mode)
        if not insufficient and thin_month_neutral(m.responses, pay_score, policy):
            insufficient = True         # its window's answers still give its score; its share is paid at neutral
            flags.append("thin_month")
        flags += [flag for flag, on in (("low_response_rate", s.grid_id in low_rate),
                                        ("answers_dropped", s.grid_id in dropped)) if on]
        flags += (reviewed or {}).get(s.grid_id, ())     # appeals_high, verification_failed
        has_sd = sd is not None and not math.isnan(sd)
        rows.append(GridScore(
            grid_id=s.grid_id, grid_name=s.grid_name, community=s.community, area=s.area, responses=m.responses,
            households=s.households, **_month_rates(m, scoring.confidence), raw_score=mean,
            ci_low=_clip(mean - z * se) if se is not None else None,
            ci_high=_clip(mean + z * se) if se is not None else None,
            adjusted_score=est, adjusted_se=sd if has_sd else None,
            adjusted_ci_low=_clip(est - z * sd) if has_sd else None,
            adjusted_ci_high=_clip(est + z * sd) if has_sd else None,
            shrink_factor=factor, achievement_points=ach, improvement_points=imp, pay_score=pay_score,
            is_insufficient=insufficient, flags=";".join(flags), review_flags=s.review_flags,
            **_window_columns(m, (windows or {}).get(s.grid_id), pooled or insufficient, scoring, month)))
    return rows


def _month_rates(m: GridStats, confidence: float) -> dict:
    """What residents did this month: response rate, 好评率 and 满意率 with their intervals."""
    rate = _rate(m.responses, m.households, confidence) if m.responses <= m.households else (
        m.responses / m.households if m.households else None, None, None)
    good = _rate(m.good, m.overall_answered, confidence)
    satisfied = _rate(m.satisfied, m.overall_answered, confidence)
    return {"response_rate": rate[0], "response_rate_low": rate[1], "response_rate_high": rate[2],
            "good_rate": good[0], "good_rate_low": good[1], "good_rate_high": good[2],
            "satisfied_rate": satisfied[0], "satisfied_rate_low": satisfied[1], "satisfied_rate_high": satisfied[2]}


def _window_columns(m: GridStats, window: WindowStats | None, from_window: bool, scoring, month: str | None) -> dict:
    """The months and answers the score rests on; for a grid still short after pooling, what its
    window held (None: a policy from before pooling)."""
    if scoring.pool_months is None:
        return {"window_months": None, "window_responses": None}
    if window is not None and from_window:
        return {"window_months": window.months, "window_responses": window.responses}
    return {"window_months": month, "window_responses": m.responses}
