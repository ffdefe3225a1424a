"""[coefficient]: the rule from a grid's score to its workers' pay coefficient, linear between a floor
and a cap or in tiers, as a typed value parsed from the policy's TOML document."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from gridpay.transforms.policy_sections import PolicyError, choice_of, decimal_of, get_key

MOST = Decimal(3)       # the highest cap a policy may set: three times the target (130 or 15 is a percentage typed)


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
    tiers_on_shown_score: bool = False          # a tier reached by the score as printed (82.00); False: as kept
    linear_on_shown_score: bool = False         # the line read at the score as printed (71.98); False: as kept


def coefficient_rule(doc: dict) -> CoefficientRule:
    table = doc.get("coefficient", {})
    tiers = tuple(sorted(((decimal_of(t["min_score"]), decimal_of(t["coefficient"])) for t in table.get("tiers", [])),
                         reverse=True))
    rule = CoefficientRule(
        mode=choice_of(doc, "coefficient.mode", ("linear", "tiers")),
        score_at_floor=decimal_of(get_key(doc, "coefficient.score_at_floor")),
        floor=decimal_of(get_key(doc, "coefficient.floor")),
        score_at_cap=decimal_of(get_key(doc, "coefficient.score_at_cap")),
        cap=decimal_of(get_key(doc, "coefficient.cap")),
        neutral=decimal_of(get_key(doc, "coefficient.neutral")),
        decimals=int(get_key(doc, "coefficient.decimals")),
        tiers=tiers,
        tiers_on_shown_score=bool(table.get("tiers_on_shown_score", False)),
        linear_on_shown_score=bool(table.get("linear_on_shown_score", False)),
    )
    if not 0 <= rule.score_at_floor < rule.score_at_cap <= 100 or not rule.floor <= rule.neutral <= rule.cap:
        raise PolicyError(f"policy coefficient needs 0 <= score_at_floor < score_at_cap <= 100 (scores are 0-100; here "
                          f"{rule.score_at_floor} and {rule.score_at_cap}) and floor <= neutral <= cap (here "
                          f"{rule.floor}, {rule.neutral}, {rule.cap})")
    if rule.cap > MOST or rule.floor < 0:    # trial 118's 上浮15% typed cap = 15 paid W01 23,016.78, exit 0
        raise PolicyError(f"policy coefficient.cap = {rule.cap} and floor = {rule.floor}: a coefficient multiplies a "
                          f"worker's target pay (1.30 pays 130%, 0.80 pays 80%), so a cap above {MOST} or a floor "
                          f"below 0 is refused: write 上浮30% as cap = 1.30, 下浮20% as floor = 0.80")
    if not 2 <= rule.decimals <= 6:      # 0 decimals made every coefficient 1 (a sixty-eighth trial)
        raise PolicyError(f"policy coefficient.decimals must be 2 to 6, not {rule.decimals}")
    if rule.mode == "tiers" and (not tiers or tiers[-1][0] > 0):
        raise PolicyError("policy coefficient.tiers must end with a tier at min_score = 0")
    # the tiers apply under mode = "tiers" only: a linear policy's floor and cap may leave the unused table behind
    if rule.mode == "tiers" and any(not rule.floor <= c <= rule.cap for _, c in tiers):
        raise PolicyError("policy coefficient.tiers coefficients must lie between floor and cap")
    return rule
