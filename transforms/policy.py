"""The pay policy as a typed value, parsed from TOML text (reading the file is the flows' job)."""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal

from gridpay.transforms.platform_layouts import LayoutError, PlatformLayout, platform_layouts, survey_timezone
from gridpay.transforms.rounding import RULES

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


class PolicyError(ValueError):
    """The policy file is not usable; the message names the key."""


@dataclass(frozen=True)
class CoefficientRule:
    mode: str                                   # "linear" or "tiers"
    score_at_floor: Decimal
    floor: Decimal
    score_at_cap: Decimal
    cap: Decimal
    neutral: Decimal
    decimals: int
    tiers: tuple[tuple[Decimal, Decimal], ...]  # (min_score, coefficient), highest first


@dataclass(frozen=True)
class IntegrityRules:
    dedupe_household: bool
    exclude_self_rating: bool
    speeder: str                                # "exclude", "flag" or "off"
    speeder_fraction: float
    straight_line_min_items: int
    burst_window_minutes: int
    burst_min_responses: int


@dataclass(frozen=True)
class ScoringRules:
    min_responses: int
    mode: str                                   # "linear" or "vbp"
    shrinkage: bool
    confidence: float
    vbp_baseline_months: int
    vbp_top_share: float
    # a grid with fewer than min_responses counted answers this month: "pool" scores it on the
    # answers of its last pool_months months, "neutral" pays its share at the neutral
    # coefficient, "shrunk" uses its shrunken score whatever the count
    insufficient: str = "neutral"
    pool_months: int | None = None              # None: a policy from before pooling (no window columns)
    min_response_rate: float | None = None      # None: a policy from before the response-rate watch
    low_rate_months: int = 3
    # one household, one voice: "grid" ranks a household's answers within its grid (door numbers
    # repeat from compound to compound), "month" month-wide (the rule of every policy written before
    # the key, so their months audit unchanged)
    household_scope: str = "month"


@dataclass(frozen=True)
class OutcomeRules:
    """Alarms on the month's outcome, not only its input. None switches one off: a policy written
    before them (every archived policy up to 2026.2) names none, and its months audit unchanged."""
    unknown_grid_rows: int | None = None        # this many rows naming one unknown grid stop the month
    max_excluded_share: float | None = None     # one exclusion rule removing more of a grid's valid answers ...
    min_excluded_rows: int = 5                  # ... and at least this many of them stops the month
    answers_dropped_below: float | None = None  # counted answers under this share of the last published month's
    pay_change_share: float | None = None       # a worker's total pay moving more than this share

    @property
    def compares_months(self) -> bool:
        return self.answers_dropped_below is not None or self.pay_change_share is not None


@dataclass(frozen=True)
class ReviewCycle:
    """The 公示 cycle: the appeal window after a month's first publication, what HR is told to
    look at, and the verification calls. None switches a part off: a policy written before it."""
    window_days: int | None = None              # calendar days from the month's first publication
    max_upheld_share: float = 0.2               # upheld appeals over this share of a grid's bad reviews: appeals_high
    contact: str = ""                           # whom residents and workers contact (the notice, the sheets)
    sample_share: float | None = None           # verify.csv: this share of each grid's counted answers ...
    min_per_grid: int = 2                       # ... and at least this many, where a grid has them
    failed_calls: int = 2                       # a grid with this many denied or coached calls ...
    failed_share: float = 0.2                   # ... or more than this share of its reached calls: verification_failed


@dataclass(frozen=True)
class Policy:
    version: str
    sha256: str
    items: tuple[str, ...]
    item_weights: dict[str, Decimal]
    overall_item: str
    callback_at_or_below: int
    scale_min: int
    scale_max: int
    channels: tuple[str, ...]
    max_invalid_share: float
    integrity: IntegrityRules
    scoring: ScoringRules
    coefficient: CoefficientRule
    rounding: str
    budget: str                                 # "target" or "neutral"
    comments_in_worker_scorecard: bool
    payroll_artifact: bool                      # the per-worker pay table as a Prefect artifact
    aliases: dict[str, str]
    questions: dict[str, str]                   # canonical column -> text its platform question contains
    sources: dict[str, str]                     # platform 来源 -> channel
    option_codes: dict[str, str]                # codes export: option number -> answer (5 = best)
    platforms: tuple[PlatformLayout, ...]       # survey-platform layouts, tried in this order
    timezone: str                               # survey times are local times in this zone
    outcome: OutcomeRules = OutcomeRules()
    review: ReviewCycle = ReviewCycle()
    max_duration_s: int | None = None           # a longer duration_s is invalid; None: a policy from before the rule
    door_number_dashes: bool = False            # '3-2-301' read as 3栋2单元301; False: a policy from before the rule

    @property
    def good_at_or_above(self) -> int:
        """好评: the top two points of the answer scale (4 and 5 on 1-5)."""
        return self.scale_max - 1

    @property
    def satisfied_at_or_above(self) -> int:
        """满意: at or above the scale's midpoint, rounded up (3 on 1-5, 6 on 1-10)."""
        return -(-(self.scale_min + self.scale_max) // 2)


def _get(table: dict, dotted: str):
    node = table
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            raise PolicyError(f"policy is missing key '{dotted}'")
        node = node[part]
    return node


def _dec(value) -> Decimal:
    # str() first: a TOML float like 0.8 must become Decimal('0.8'), not its binary expansion.
    return Decimal(str(value))


def _choice(doc: dict, dotted: str, allowed: tuple[str, ...]) -> str:
    value = str(_get(doc, dotted))
    if value not in allowed:
        raise PolicyError(f"policy {dotted} = '{value}' is not one of {', '.join(allowed)}")
    return value


def _items(doc: dict) -> tuple[tuple[str, ...], dict[str, Decimal], str]:
    items = tuple(_get(doc, "survey.items"))
    bad = [i for i in items if not _IDENTIFIER.match(str(i))]
    if bad or not items:
        raise PolicyError(f"policy survey.items must be lower-case column names, not {bad or 'empty'}")
    overall = str(_get(doc, "survey.overall_item"))
    if overall not in items:
        raise PolicyError(f"policy survey.overall_item '{overall}' is not one of survey.items")
    weights_doc = doc.get("survey", {}).get("item_weights", {})
    weights = {item: _dec(weights_doc.get(item, 1)) for item in items}
    if any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
        raise PolicyError("policy survey.item_weights must be >= 0 with a positive sum")
    return items, weights, overall


def _coefficient(doc: dict) -> CoefficientRule:
    tiers = tuple(sorted(((_dec(t["min_score"]), _dec(t["coefficient"])) for t in doc["coefficient"].get("tiers", [])),
                         reverse=True))
    rule = CoefficientRule(
        mode=_choice(doc, "coefficient.mode", ("linear", "tiers")),
        score_at_floor=_dec(_get(doc, "coefficient.score_at_floor")),
        floor=_dec(_get(doc, "coefficient.floor")),
        score_at_cap=_dec(_get(doc, "coefficient.score_at_cap")),
        cap=_dec(_get(doc, "coefficient.cap")),
        neutral=_dec(_get(doc, "coefficient.neutral")),
        decimals=int(_get(doc, "coefficient.decimals")),
        tiers=tiers,
    )
    if not rule.score_at_floor < rule.score_at_cap or not rule.floor <= rule.neutral <= rule.cap:
        raise PolicyError("policy coefficient needs score_at_floor < score_at_cap and floor <= neutral <= cap")
    if rule.mode == "tiers" and (not tiers or tiers[-1][0] > 0):
        raise PolicyError("policy coefficient.tiers must end with a tier at min_score = 0")
    if any(not rule.floor <= c <= rule.cap for _, c in tiers):
        raise PolicyError("policy coefficient.tiers coefficients must lie between floor and cap")
    return rule


def policy_from_toml(text: str) -> Policy:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"policy is not valid TOML: {exc}") from exc
    items, weights, overall = _items(doc)
    share = float(_get(doc, "gate.max_invalid_share"))
    if not 0 <= share <= 1:
        raise PolicyError("policy gate.max_invalid_share must be between 0 and 1")
    integrity = IntegrityRules(
        dedupe_household=bool(_get(doc, "integrity.dedupe_household")),
        exclude_self_rating=bool(_get(doc, "integrity.exclude_self_rating")),
        speeder=_choice(doc, "integrity.speeder", ("exclude", "flag", "off")),
        speeder_fraction=float(_get(doc, "integrity.speeder_fraction")),
        straight_line_min_items=int(_get(doc, "integrity.straight_line_min_items")),
        burst_window_minutes=int(_get(doc, "integrity.burst_window_minutes")),
        burst_min_responses=int(_get(doc, "integrity.burst_min_responses")),
    )
    scoring = ScoringRules(
        min_responses=int(_get(doc, "scoring.min_responses")),
        mode=_choice(doc, "scoring.mode", ("linear", "vbp")),
        shrinkage=bool(_get(doc, "scoring.shrinkage")),
        confidence=float(_get(doc, "scoring.confidence")),
        vbp_baseline_months=int(_get(doc, "scoring.vbp.baseline_months")),
        vbp_top_share=float(_get(doc, "scoring.vbp.top_share")),
        household_scope=(_choice(doc, "scoring.household_scope", ("grid", "month"))
                         if "household_scope" in doc.get("scoring", {}) else "month"),
        **_thin_grids(doc),
    )
    if not 0 < scoring.confidence < 1:
        raise PolicyError("policy scoring.confidence must be between 0 and 1")
    return Policy(
        version=str(_get(doc, "version")),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        items=items,
        item_weights=weights,
        overall_item=overall,
        callback_at_or_below=int(_get(doc, "survey.callback_at_or_below")),
        scale_min=int(_get(doc, "survey.scale_min")),
        scale_max=int(_get(doc, "survey.scale_max")),
        channels=tuple(_get(doc, "survey.channels")),
        max_invalid_share=share,
        integrity=integrity,
        scoring=scoring,
        coefficient=_coefficient(doc),
        rounding=_choice(doc, "pay.rounding", RULES),
        budget=_choice(doc, "pay.budget", ("target", "neutral")),
        comments_in_worker_scorecard=bool(_get(doc, "report.comments_in_worker_scorecard")),
        payroll_artifact=bool(doc.get("report", {}).get("payroll_artifact", False)),
        aliases={str(k).strip(): str(v) for k, v in doc.get("aliases", {}).items()},
        **_survey_platform(doc, items),
        outcome=_outcome(doc),
        review=_review_cycle(doc),
        door_number_dashes=bool(doc.get("survey", {}).get("door_number_dashes", False)),
    )


def _survey_platform(doc: dict, items: tuple[str, ...]) -> dict:
    survey = doc.get("survey", {})
    questions = {str(k): str(v) for k, v in survey.get("questions", {}).items()}
    bad = [k for k in questions if not _IDENTIFIER.match(k)]
    if bad:
        raise PolicyError(f"policy survey.questions keys must be column names, not {bad}")
    codes = {str(k).strip(): str(v).strip() for k, v in survey.get("option_codes", {}).items()}
    if any(not v.isdigit() for v in codes.values()):
        raise PolicyError("policy survey.option_codes values must be answers on the item scale (e.g. \"5\")")
    longest = survey.get("max_duration_s")      # absent from policies before it: no upper bound, as then
    if longest is not None and (isinstance(longest, bool) or not isinstance(longest, int) or longest < 1):
        raise PolicyError("policy survey.max_duration_s must be a whole number of seconds, at least 1")
    try:
        platforms, timezone = platform_layouts(survey), survey_timezone(survey)
    except LayoutError as exc:
        raise PolicyError(str(exc)) from exc
    return {"questions": questions, "sources": {str(k): str(v) for k, v in survey.get("sources", {}).items()},
            "option_codes": codes, "max_duration_s": longest, "platforms": platforms, "timezone": timezone}


def _thin_grids(doc: dict) -> dict:
    """Pooling and the response-rate watch. A policy written before them names neither key, and is
    read as it was applied then (the neutral rule, no watch), so that its months audit unchanged."""
    scoring = doc.get("scoring", {})
    if "insufficient" not in scoring:
        return {}
    rules = {"insufficient": _choice(doc, "scoring.insufficient", ("pool", "neutral", "shrunk")),
             "pool_months": int(_get(doc, "scoring.pool_months")),
             "min_response_rate": float(_get(doc, "scoring.min_response_rate")),
             "low_rate_months": int(_get(doc, "scoring.low_rate_months"))}
    if not 1 <= rules["pool_months"] <= 12 or not 1 <= rules["low_rate_months"] <= 12:
        raise PolicyError("policy scoring.pool_months and scoring.low_rate_months must be 1 to 12")
    if not 0 <= rules["min_response_rate"] <= 1:
        raise PolicyError("policy scoring.min_response_rate must be between 0 and 1")
    return rules


def _outcome(doc: dict) -> OutcomeRules:
    """[gate] unknown_grid_rows, max_excluded_share, min_excluded_rows and [review]: each optional,
    absent meaning off (see OutcomeRules)."""
    gate, review = doc.get("gate", {}), doc.get("review", {})

    def share(table: dict, name: str, section: str) -> float | None:
        if name not in table:
            return None
        value = float(table[name])
        if not 0 <= value <= 1:
            raise PolicyError(f"policy {section}.{name} must be between 0 and 1")
        return value

    def count(table: dict, name: str, default: int | None) -> int | None:
        value = table.get(name, default)
        if value is not None and (not isinstance(value, int) or value < 1):
            raise PolicyError(f"policy gate.{name} must be a whole number of rows, 1 or more")
        return value
    return OutcomeRules(
        unknown_grid_rows=count(gate, "unknown_grid_rows", None),
        max_excluded_share=share(gate, "max_excluded_share", "gate"),
        min_excluded_rows=count(gate, "min_excluded_rows", 5),
        answers_dropped_below=share(review, "answers_dropped_below", "review"),
        pay_change_share=share(review, "pay_change_share", "review"),
    )


def _review_cycle(doc: dict) -> ReviewCycle:
    """[appeals], [notice] and [verification]: each optional (see ReviewCycle)."""
    appeals, notice, calls = doc.get("appeals", {}), doc.get("notice", {}), doc.get("verification", {})
    cycle = ReviewCycle(
        window_days=appeals.get("window_days"), max_upheld_share=float(appeals.get("max_upheld_share", 0.2)),
        contact=str(notice.get("contact", "")), sample_share=calls.get("sample_share"),
        min_per_grid=int(calls.get("min_per_grid", 2)), failed_calls=int(calls.get("failed_calls", 2)),
        failed_share=float(calls.get("failed_share", 0.2)))
    if cycle.window_days is not None and (not isinstance(cycle.window_days, int) or not 1 <= cycle.window_days <= 90):
        raise PolicyError("policy appeals.window_days must be a whole number of days, 1 to 90")
    if cycle.sample_share is not None and not 0 < float(cycle.sample_share) <= 1:
        raise PolicyError("policy verification.sample_share must be above 0 and at most 1")
    if not 0 <= cycle.max_upheld_share <= 1 or not 0 <= cycle.failed_share <= 1 or cycle.min_per_grid < 0:
        raise PolicyError("policy appeals.max_upheld_share and verification.failed_share must be between 0 and 1")
    return cycle
