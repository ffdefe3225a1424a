"""The pay policy as a typed value, parsed from TOML text (reading the file is the flows' job)."""
from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal


_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


class PolicyError(ValueError):
    """The policy file is not usable; the message names the key."""


@dataclass(frozen=True)
class CoefficientRule:
    mode: str
    score_at_floor: Decimal
    floor: Decimal
    score_at_cap: Decimal
    cap: Decimal
    neutral: Decimal
    decimals: int


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
    dedupe_household: bool
    min_responses: int
    coefficient: CoefficientRule
    rounding: str
    aliases: dict[str, str]


def _get(table: dict, dotted: str):
    node = table
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            raise PolicyError(f"policy is missing key '{dotted}'")
        node = node[part]
    return node


def _dec(table: dict, dotted: str) -> Decimal:
    # str() first: a TOML float like 0.8 must become Decimal('0.8'), not its binary expansion.
    return Decimal(str(_get(table, dotted)))


def policy_from_toml(text: str) -> Policy:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"policy is not valid TOML: {exc}") from exc
    items = tuple(_get(doc, "survey.items"))
    bad = [i for i in items if not _IDENTIFIER.match(str(i))]
    if bad or not items:
        raise PolicyError(f"policy survey.items must be lower-case column names, not {bad or 'empty'}")
    overall = str(_get(doc, "survey.overall_item"))
    if overall not in items:
        raise PolicyError(f"policy survey.overall_item '{overall}' is not one of survey.items")
    weights_doc = doc.get("survey", {}).get("item_weights", {})
    weights = {item: Decimal(str(weights_doc.get(item, 1))) for item in items}
    if any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
        raise PolicyError("policy survey.item_weights must be >= 0 with a positive sum")
    coef = CoefficientRule(
        mode=str(_get(doc, "coefficient.mode")),
        score_at_floor=_dec(doc, "coefficient.score_at_floor"),
        floor=_dec(doc, "coefficient.floor"),
        score_at_cap=_dec(doc, "coefficient.score_at_cap"),
        cap=_dec(doc, "coefficient.cap"),
        neutral=_dec(doc, "coefficient.neutral"),
        decimals=int(_get(doc, "coefficient.decimals")),
    )
    if coef.mode != "linear":
        raise PolicyError(f"policy coefficient.mode '{coef.mode}' is not supported (use 'linear')")
    if not coef.score_at_floor < coef.score_at_cap or not coef.floor <= coef.cap:
        raise PolicyError("policy coefficient needs score_at_floor < score_at_cap and floor <= cap")
    share = float(_get(doc, "gate.max_invalid_share"))
    if not 0 <= share <= 1:
        raise PolicyError("policy gate.max_invalid_share must be between 0 and 1")
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
        dedupe_household=bool(_get(doc, "integrity.dedupe_household")),
        min_responses=int(_get(doc, "scoring.min_responses")),
        coefficient=coef,
        rounding=str(_get(doc, "pay.rounding")),
        aliases={str(k).strip(): str(v) for k, v in doc.get("aliases", {}).items()},
    )
