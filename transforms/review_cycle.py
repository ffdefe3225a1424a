"""The policy's 公示 cycle as a typed value: [appeals], [notice] and [verification], each optional."""
from __future__ import annotations

from dataclasses import dataclass

from gridpay.transforms.policy_sections import PolicyError


@dataclass(frozen=True)
class ReviewCycle:
    """The 公示 cycle: the appeal window after a month's first publication, what HR is told to
    look at, and the verification calls. None switches a part off: a policy written before it."""
    window_days: int | None = None              # calendar days from the month's first publication
    max_upheld_share: float = 0.2               # upheld appeals over this share of a grid's bad reviews: appeals_high
    upheld_must_count: bool = False             # an upheld appeal on an answer that did not count stops the month
    high_counts_disputes: bool = False          # appeals_high counts 误评/恶意差评/诱导 only; False: every upheld (before)
    wrong_grid_before_household: bool = False   # an upheld 非本网格 pushes out no answer of the grid's home (2027.25)
    shared_grid_names_refused: bool = False     # a resident_grid typed as a name several grids give: refused (2027.35)
    moved_homes_by_compound: bool = False       # a moved answer's home keyed as its resident grid's are (2027.36)
    contact: str = ""                           # whom residents and workers contact (the notice, the sheets)
    sample_share: float | None = None           # verify.csv: this share of each grid's counted answers ...
    min_per_grid: int = 2                       # ... and at least this many, where a grid has them
    failed_calls: int = 2                       # a grid with this many denied or coached calls ...
    failed_share: float = 0.2                   # ... or more than this share of its reached calls: verification_failed
    flags_called: tuple[str, ...] | None = None  # the review flags that draw a call; None: every flag (before 2027.7)
    least_upheld: int = 1                       # appeals_high needs this many upheld appeals (1: before 2027.11)
    least_failed: int = 1                       # verification_failed by share needs this many failed calls (1: before)


REVIEW_FLAGS = ("speeder", "straight_line", "burst", "shared_phone")     # int_response_flags' flags


def review_cycle(doc: dict) -> ReviewCycle:
    """[appeals], [notice] and [verification]: each optional (see ReviewCycle)."""
    appeals, notice, calls = doc.get("appeals", {}), doc.get("notice", {}), doc.get("verification", {})
    cycle = ReviewCycle(
        window_days=appeals.get("window_days"), max_upheld_share=float(appeals.get("max_upheld_share", 0.2)),
        upheld_must_count=bool(appeals.get("upheld_must_count", False)),
        high_counts_disputes=bool(appeals.get("high_counts_disputes", False)),
        wrong_grid_before_household=bool(appeals.get("wrong_grid_before_household", False)),
        shared_grid_names_refused=bool(appeals.get("shared_grid_names_refused", False)),
        moved_homes_by_compound=bool(appeals.get("moved_homes_by_compound", False)),
        contact=str(notice.get("contact", "")), sample_share=calls.get("sample_share"),
        min_per_grid=int(calls.get("min_per_grid", 2)), failed_calls=int(calls.get("failed_calls", 2)),
        failed_share=float(calls.get("failed_share", 0.2)),
        flags_called=tuple(calls["flags_called"]) if isinstance(calls.get("flags_called"), list) else None,
        least_upheld=int(appeals.get("least_upheld", 1)), least_failed=int(calls.get("least_failed", 1)))
    if "flags_called" in calls and (cycle.flags_called is None or not set(cycle.flags_called) <= set(REVIEW_FLAGS)):
        raise PolicyError(f"policy verification.flags_called must list review flags ({', '.join(REVIEW_FLAGS)})")
    if cycle.window_days is not None and (not isinstance(cycle.window_days, int) or not 1 <= cycle.window_days <= 90):
        raise PolicyError("policy appeals.window_days must be a whole number of days, 1 to 90")
    if cycle.sample_share is not None and not 0 < float(cycle.sample_share) <= 1:
        raise PolicyError("policy verification.sample_share must be above 0 and at most 1")
    if not 0 <= cycle.max_upheld_share <= 1 or not 0 <= cycle.failed_share <= 1 or cycle.min_per_grid < 0:
        raise PolicyError("policy appeals.max_upheld_share and verification.failed_share must be between 0 and 1")
    return cycle
