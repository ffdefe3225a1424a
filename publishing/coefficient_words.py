"""The policy's score -> coefficient rule as the reports print it (worker sheets and the scorecard,
from output format 3 on): a worker checks their coefficient, HR sees a new cap."""
from __future__ import annotations

from decimal import Decimal


def coefficient_words(rule) -> dict:
    """The rule's figures as text: the line's ends and the neutral coefficient, or its tiers."""
    words = {k: str(getattr(rule, k)) for k in ("score_at_floor", "score_at_cap")}
    words |= {k: coefficient_text(getattr(rule, k)) for k in ("floor", "cap", "neutral")}
    return {**words, "mode": rule.mode, "tiers": [(str(at), coefficient_text(c)) for at, c in rule.tiers],
            "decimals": str(rule.decimals)}


def coefficient_text(value: Decimal) -> str:
    """0.8 as 0.80, 1.255 as 1.255: as a coefficient is written, to the cent at least."""
    return f"{value:.2f}" if value == round(value, 2) else str(value)
