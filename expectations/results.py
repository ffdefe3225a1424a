"""What validation found, in words HR can read: plain data with no Great Expectations import, so
that a run which stops before validating (a lock wait, a refused inbox) never pays GX's ~5 s
import, and the core can name these types without it."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class RuleResult:
    """One expectation's outcome, in words HR can read."""
    rule: str
    column: str | None
    reason: str
    failed_rows: int
    success: bool
    code: str | None = None     # a survey rule's reason code (transforms/reasons.py), reference rules: none


@dataclass(frozen=True)
class ValidationSummary:
    total_rows: int
    invalid_rows: int
    invalid_share: float
    max_invalid_share: float
    rules: tuple[RuleResult, ...]
    first_rows: tuple[str, ...] = ()   # per rule: where it first failed ("2026-10.csv row 3"), "" if never

    @property
    def gate_passed(self) -> bool:
        return self.invalid_share <= self.max_invalid_share

    def as_dict(self) -> dict:
        return {**asdict(self), "gate_passed": self.gate_passed}

    def top_reasons(self, count: int = 3) -> list[str]:
        """'sat_overall is not 1-5 or blank (812 rows, first at 2026-10.csv row 3)', most rows first."""
        failed = sorted((i for i, r in enumerate(self.rules) if r.failed_rows), key=lambda i: -self.rules[i].failed_rows)
        return [f"{self.rules[i].reason} ({self.rules[i].failed_rows} row{'s' if self.rules[i].failed_rows != 1 else ''}, "
                f"first at {self.first_rows[i]})"
                for i in failed[:count]]
