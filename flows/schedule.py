"""The monthly schedule: a Prefect deployment that runs the previous month on a cron in the
community's time zone. The locations `gridpay serve` resolved (arguments, environment, gridpay.toml)
are the deployment's parameters, absolute: a run of it reads no location from the folder or the
environment it happens to run in."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger
from prefect.schedules import Cron
from prefect.states import Completed, State

from gridpay.core.errors import ConfigError, GateFailed
from gridpay.pipeline.context import MonthRequest
from gridpay.core.month import Month
from gridpay.core.settings import Settings, settings_from_env
from gridpay.flows.month import month_flow, stopped
from gridpay.store.runs import published_runs
from gridpay.store.warehouse import connect

DEPLOYMENT_NAME = "gridpay-monthly"


def previous_month(now: datetime, timezone: str) -> str:
    """The month before `now` as seen in `timezone`: on 2 December 06:00 Beijing time, '2026-11'."""
    return str(Month.of(now.astimezone(ZoneInfo(timezone))).previous)


LOCATIONS = ("inbox", "out", "db", "policy", "archive", "logs", "key_file", "archive_key_file")


@flow(name="gridpay-monthly")
def monthly(month: str | None = None, lang: str = "zh", reports: str = "all", inbox: str | None = None,
            out: str | None = None, db: str | None = None, policy: str | None = None, archive: str | None = None,
            logs: str | None = None, key_file: str | None = None, archive_key_file: str | None = None,
            project: str | None = None, project_locations: dict | None = None) -> str | State:
    """What the schedule runs: `month` defaults to the previous month in GRIDPAY_TIMEZONE; the
    locations are the deployment's (a location not given: the environment's, as before)."""
    given = {"inbox": inbox, "out": out, "db": db, "policy": policy, "archive": archive, "logs": logs,
             "key_file": key_file, "archive_key_file": archive_key_file}
    s = settings_from_env().with_overrides(**given)
    month = month or previous_month(datetime.now(ZoneInfo(s.timezone)), s.timezone)
    if done := published_already(s.db, month):       # a run made up after a restart, or a second one: never again
        get_run_logger().warning(done)
        return Completed(message=done)
    try:
        project_unchanged(project, project_locations)
        return month_flow(MonthRequest(month, s, lang, reports=reports))
    except (GateFailed, ConfigError) as exc:       # the subflow's Failed state, raised here: the same, no traceback
        return stopped(exc)


def published_already(db: Path, month: str) -> str | None:
    """A scheduled run publishes its month once: one whose month is published (a run Prefect made up after the machine
    was off, a second run of the day) publishes nothing. Trial 180's made-up run re-published November over HR's
    corrected run, without a reason, and its notice became a 更正公示 of nothing changed."""
    if not db.is_file():
        return None
    with connect(db) as con:
        runs = published_runs(con, month)
    return (f"{month} is published already (run {runs[-1]}): a scheduled run publishes a month once, so this one "
            f"publishes nothing; to run it again, run it by hand with a reason (gridpay run --month {month} --reason "
            f"\"...\")") if runs else None


def deployment_parameters(settings: Settings) -> dict:
    """The locations every run of the deployment uses, absolute (Settings holds them so), and the gridpay.toml they
    were resolved with, with what it named then."""
    pinned = {name: str(getattr(settings, name)) for name in LOCATIONS}
    return pinned if settings.project is None else {
        **pinned, "project": str(settings.project), "project_locations": project_locations(settings.project)}


def project_locations(project: Path) -> dict[str, str]:
    s = settings_from_env(project=project)
    return {name: str(getattr(s, name)) for name in LOCATIONS}


def project_unchanged(project: str | None, then: dict | None) -> None:
    """Stop a scheduled run (exit as the gate's) whose gridpay.toml names other locations than when `gridpay serve`
    registered the schedule: trial 119's HR named a new policy there, and the schedule paid December on the old one,
    exit 0, while a hand run in the folder paid on the new one."""
    if not project or then is None or not Path(project).is_file():
        return
    now = project_locations(Path(project))
    if changed := [name for name in LOCATIONS if now.get(name) != then.get(name)]:
        raise ConfigError(f"{project} now names other locations than when gridpay serve registered this schedule ("
                          f"{'; '.join(f'{n}: {then.get(n)} then, {now[n]} now' for n in changed)}); nothing "
                          f"published. The schedule runs on the locations it registered: stop gridpay serve and start "
                          f"it again in the project's folder, then run the month (gridpay run --month ...)")


def monthly_deployment(settings: Settings):
    return monthly.to_deployment(name=DEPLOYMENT_NAME, schedule=Cron(settings.cron, timezone=settings.timezone),
                                 parameters=deployment_parameters(settings),
                                 description="gridpay: the previous month, inbox to published scorecards")


def require_prefect_server() -> None:
    """A schedule needs a Prefect server: the temporary one Prefect starts without PREFECT_API_URL makes no
    scheduled runs (a sixtieth trial served for minutes and no run came; Prefect only logs a warning)."""
    from prefect.settings import get_current_settings
    if not get_current_settings().api.url:
        raise ConfigError("gridpay serve needs a Prefect server: without PREFECT_API_URL, Prefect's temporary server "
                          "cannot schedule runs, so no month would ever run and nothing would say so. Start one "
                          "(prefect server start, as a service) and set PREFECT_API_URL=http://127.0.0.1:4200/api "
                          "(docs/operations.md, Scheduled runs)")


def serve(settings: Settings) -> None:
    """Register the deployment and serve it until stopped (the deployment is paused on exit)."""
    from prefect import serve as prefect_serve
    prefect_serve(monthly_deployment(settings))
