"""Small-sample statistics for grid scores: Wilson intervals for rates and empirical-Bayes
shrinkage of grid means toward the community mean (Morris 1983; James-Stein when the grids'
sampling variances are equal)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist


def z_value(confidence: float) -> float:
    """Two-sided normal quantile: 0.95 -> 1.959964."""
    return NormalDist().inv_cdf(0.5 + confidence / 2)


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float] | None:
    """Wilson score interval for a proportion (Newcombe 1998, method 3); None when n = 0."""
    if n == 0:
        return None
    z = z_value(confidence)
    p = successes / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denominator = 1 + z * z / n
    return max(0.0, (centre - spread) / denominator), min(1.0, (centre + spread) / denominator)


def james_stein(means: Sequence[float], sigma2: float) -> list[float]:
    """Positive-part James-Stein toward the grand mean, equal sampling variances sigma2:
    c = 1 - (k - 3) sigma2 / S, S = sum (y - ybar)^2."""
    k = len(means)
    grand = sum(means) / k
    spread = sum((y - grand) ** 2 for y in means)
    c = max(0.0, 1 - (k - 3) * sigma2 / spread) if spread > 0 else 0.0
    return [grand + c * (y - grand) for y in means]


@dataclass(frozen=True)
class Shrinkage:
    community_mean: float        # precision-weighted mean the grids shrink toward
    between_variance: float      # tau^2: how much true grid means differ
    factors: tuple[float, ...]   # B_g: share of the way each grid moves to the community mean
    estimates: tuple[float, ...]
    posterior_sd: tuple[float, ...]


def empirical_bayes(means: Sequence[float], variances: Sequence[float], iterations: int = 100) -> Shrinkage:
    """Morris (1983) empirical Bayes for unequal sampling variances v_g:
      tau^2 = max(0, sum w_g [k/(k-1) (y_g - mu)^2 - v_g] / sum w_g),  w_g = 1/(v_g + tau^2),
      mu = sum w_g y_g / sum w_g   (iterated to a fixed point),
      B_g = (k-3)/(k-1) x v_g / (v_g + tau^2),  estimate = mu + (1 - B_g)(y_g - mu).
    With equal v_g this is exactly the James-Stein estimate. With fewer than 4 grids nothing
    can be estimated about tau^2 and the raw means stand (B_g = 0)."""
    k = len(means)
    if k < 4:
        return Shrinkage(sum(means) / k if k else math.nan, math.nan, (0.0,) * k, tuple(means),
                         tuple(math.sqrt(v) for v in variances))
    grand = sum(means) / k          # once: inside the sum it made the fit quadratic in the grids
    tau2 = max(0.0, sum((y - grand) ** 2 for y in means) / (k - 1) - sum(variances) / k)
    for _ in range(iterations):
        weights = [1 / (v + tau2) if v + tau2 > 0 else 1.0 for v in variances]
        mu = sum(w * y for w, y in zip(weights, means)) / sum(weights)
        new = max(0.0, sum(w * (k / (k - 1) * (y - mu) ** 2 - v) for w, y, v in zip(weights, means, variances))
                  / sum(weights))
        if abs(new - tau2) < 1e-12:
            tau2 = new
            break
        tau2 = new
    weights = [1 / (v + tau2) if v + tau2 > 0 else 1.0 for v in variances]
    mu = sum(w * y for w, y in zip(weights, means)) / sum(weights)
    factors = tuple(min(1.0, (k - 3) / (k - 1) * v / (v + tau2)) if v + tau2 > 0 else 0.0 for v in variances)
    estimates = tuple(mu + (1 - b) * (y - mu) for b, y in zip(factors, means))
    # posterior variance (1 - B) v, the usual plug-in; it ignores the uncertainty in tau^2
    sds = tuple(math.sqrt(max(0.0, (1 - b) * v)) for b, v in zip(factors, variances))
    return Shrinkage(mu, tau2, factors, estimates, sds)
