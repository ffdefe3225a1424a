"""The monthly schedule: a Prefect deployment that runs the previous month on a cron in the
community's time zone, with every location taken from the settings at run time."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from prefect import flow
from prefect.schedules import Cron

from gridpay.pipeline.context import MonthRequest
from gridpay.core.month import Month
from gridpay.core.settings import Settings, settings_from_env
from gridpay.flows.month import month_flow

DEPLOYMENT_NAME = "gridpay-monthly"


def previous_month(now: datetime, timezone: str) -> str:
    """The month before `now` as seen in `timezone`: on 2 December 06:00 Beijing time, '2026-11'."""
    return str(Month.of(now.astimezone(ZoneInfo(timezone))).previous)


@flow(name="gridpay-monthly")
def monthly(month: str | None = None, lang: str = "zh") -> str:
    """What the schedule runs: `month` defaults to the previous month in GRIDPAY_TIMEZONE."""
    s = settings_from_env()
    month = month or previous_month(datetime.now(ZoneInfo(s.timezone)), s.timezone)
    return month_flow(MonthRequest(month, s, lang))


def monthly_deployment(settings: Settings):
    return monthly.to_deployment(name=DEPLOYMENT_NAME, schedule=Cron(settings.cron, timezone=settings.timezone),
                                 description="gridpay: the previous month, inbox to published scorecards")


def serve(settings: Settings) -> None:
    """Register the deployment and serve it until stopped (the deployment is paused on exit)."""
    from prefect import serve as prefect_serve
    prefect_serve(monthly_deployment(settings))
