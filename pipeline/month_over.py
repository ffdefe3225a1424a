"""A month is paid once it has ended. A ninety-sixth trial's HR ran December on December 5 (meaning
November) and it published, exit 0: pay on the answers of five days, and a 公示期 that closed before the
month did. A run of a month whose last day has not passed in the policy's time zone stops (exit 1); an
audit replays what its run read and is not asked."""
from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from gridpay.core.month import Month
from gridpay.pipeline.context import RunContext


def month_not_over(ctx: RunContext, now: datetime | None = None) -> str | None:
    """The stop's message where the month has not ended yet; None otherwise (and in an audit)."""
    if ctx.request.replay is not None:
        return None
    zone = ZoneInfo(ctx.policy.timezone)
    now = (now or datetime.now(zone)).astimezone(zone)
    last = Month.parse(ctx.month).last_day
    if now >= datetime.combine(last + timedelta(days=1), time.min, zone):
        return None
    return (f"{ctx.month} has not ended: its last day is {last} and it is now {now:%Y-%m-%d %H:%M} ({zone.key}), so "
            f"its pay would be on the answers given so far and its 公示期 would close before its residents have "
            f"answered; run it after {last} (the last month ended is {Month.parse(f'{now:%Y-%m}').previous}; `gridpay "
            f"inspect` reads a file now); nothing published.")
