"""What would make HR say "that can't be right" when this month is set beside the month published
last: a grid whose counted answers collapsed, a worker whose pay jumped or fell. Flags for review;
they change no score and no pay. Pure functions (policy [review])."""
from __future__ import annotations

from decimal import Decimal

from gridpay.transforms.review_cycle import ReviewCycle


def dropped_grids(counted: dict[str, int], counted_before: dict[str, int], below: float) -> set[str]:
    """Grids that had counted answers in the month published last and now count fewer than
    `below` times as many (none at all included)."""
    return {grid for grid, before in counted_before.items()
            if before > 0 and counted.get(grid, 0) < Decimal(str(below)) * before}


def pay_changed(total: Decimal, total_before: Decimal | None, share: float,
                days: tuple[int | Decimal, int | Decimal] | None = None) -> bool:
    """A worker's total pay moved by more than `share` of the month published last (a worker new
    this month has nothing to move from; from zero, any pay is a move). `days` (assigned days this
    month, that month; the policy's review.pay_change_per_day): pay per assigned day is compared, so
    that a month paid for 16 days followed by a whole one is no move (a trial's hire was flagged); or
    the shares of the month's days worked (review.pay_change_per_share), so that whole months of 30
    and 31 days compare as whole months."""
    if total_before is None:
        return False
    if days is not None and all(days):
        total, total_before = total / days[0], total_before / days[1]
    if total_before == 0:
        return total != 0
    return abs(total - total_before) > Decimal(str(share)) * abs(total_before)


def review_flags(bad_reviews: int, upheld_bad: int, reached_calls: int, failed_calls: int,
                 cycle: ReviewCycle) -> tuple[str, ...]:
    """A grid's flags from HR's review of the month: `appeals_high` where upheld appeals took out
    more than max_upheld_share of its bad reviews; `verification_failed` where calls found at least
    failed_calls answers not genuine, or more than failed_share of the calls that reached someone; a share of one
    case flags nothing where the policy asks for more (least_upheld, least_failed: trials 89 and 93's workers read
    "the street office will look into it" over one appeal of one bad review, one coached call of one reached)."""
    flags = []
    if (cycle.window_days is not None and bad_reviews and upheld_bad >= cycle.least_upheld
            and upheld_bad > Decimal(str(cycle.max_upheld_share)) * bad_reviews):
        flags.append("appeals_high")
    if cycle.sample_share is not None and failed_calls and (failed_calls >= cycle.failed_calls or (
            failed_calls >= cycle.least_failed and failed_calls > Decimal(str(cycle.failed_share)) * reached_calls)):
        flags.append("verification_failed")
    return tuple(flags)
