"""The 公示 window's dates: pure arithmetic shared by the run's checks (pipeline/steps.py), the
finalize gate (pipeline/review_gate.py) and the reports that print the window (publishing/)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo


def window_dates(first_published: datetime | None, window_days: int | None, tz: str) -> tuple[date, date] | None:
    """(first day, last day) of the appeal window as local dates in `tz`: from the local date of the
    month's first publication (a naive UTC time, as the warehouse records it) for `window_days`
    calendar days, the first day counted (7 days: published on the 1st, open to the 7th). None when
    the month was never published or the policy has no window."""
    if first_published is None or window_days is None:
        return None
    opened = first_published.replace(tzinfo=timezone.utc).astimezone(ZoneInfo(tz)).date()
    return opened, opened + timedelta(days=window_days - 1)


def local_day(moment: datetime | None, tz: str) -> date:
    """The local date in `tz` of `moment` (a naive UTC time, as the warehouse records it; None: now)."""
    moment = datetime.now(timezone.utc) if moment is None else moment.replace(tzinfo=moment.tzinfo or timezone.utc)
    return moment.astimezone(ZoneInfo(tz)).date()


def window_open(window: tuple[date, date] | None, now: datetime, tz: str) -> bool:
    """Whether `now` (aware) falls on or before the window's last local day."""
    return window is not None and now.astimezone(ZoneInfo(tz)).date() <= window[1]


def finalized_early(window: tuple[date, date] | None, finalized_at: datetime, tz: str) -> date | None:
    """The local day of `finalized_at` (naive UTC) where it falls on or before the window's last day, else None."""
    day = local_day(finalized_at, tz)
    return day if window is not None and day <= window[1] else None
