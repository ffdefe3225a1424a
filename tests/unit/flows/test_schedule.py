"""The monthly deployment runs at 06:00 on the 2nd, Beijing time, for the month before."""
import asyncio
import inspect
from datetime import datetime, timezone

import prefect.server.schemas.schedules as server_schedules

from gridpay.flows.schedule import DEPLOYMENT_NAME, monthly_deployment, previous_month
from gridpay.core.settings import settings_from_env


def test_deployment_schedule_resolves_to_the_2nd_at_six_in_shanghai():
    deployment = monthly_deployment(settings_from_env())
    assert deployment.name == DEPLOYMENT_NAME
    (schedule,) = deployment.schedules
    cron = server_schedules.CronSchedule(cron=schedule.schedule.cron, timezone=schedule.schedule.timezone)
    dates = cron.get_dates(n=3, start=datetime(2026, 11, 28, tzinfo=timezone.utc))
    if inspect.iscoroutine(dates):
        dates = asyncio.run(dates)
    assert [d.isoformat() for d in dates] == [
        "2026-12-02T06:00:00+08:00", "2027-01-02T06:00:00+08:00", "2027-02-02T06:00:00+08:00"]
    # 06:00 in Beijing is 22:00 UTC the day before
    assert dates[0].astimezone(timezone.utc).isoformat() == "2026-12-01T22:00:00+00:00"


def test_schedule_comes_from_the_settings(monkeypatch):
    monkeypatch.setenv("GRIDPAY_CRON", "30 7 3 * *")
    (schedule,) = monthly_deployment(settings_from_env()).schedules
    assert (schedule.schedule.cron, schedule.schedule.timezone) == ("30 7 3 * *", "Asia/Shanghai")


def test_default_month_is_the_previous_one_in_beijing():
    # 1 Dec 23:00 UTC is already 2 Dec 07:00 in Beijing: the month before is November
    assert previous_month(datetime(2026, 12, 1, 23, 0, tzinfo=timezone.utc), "Asia/Shanghai") == "2026-11"
    assert previous_month(datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc), "Asia/Shanghai") == "2026-11"
    assert previous_month(datetime(2027, 1, 2, 6, 0, tzinfo=timezone.utc), "Asia/Shanghai") == "2026-12"
    assert previous_month(datetime(2026, 10, 31, 17, 0, tzinfo=timezone.utc), "Asia/Shanghai") == "2026-10"


def test_the_deployment_pins_no_month_so_each_scheduled_run_takes_the_month_before():
    parameters = monthly_deployment(settings_from_env()).parameters
    assert "month" not in parameters and parameters        # the locations only


def test_a_scheduled_run_stops_where_gridpay_toml_names_other_locations_than_when_served(tmp_path, monkeypatch):
    """Trial 119: HR named a new policy in gridpay.toml; the schedule, served before, paid December on the old one."""
    import pytest
    from gridpay.core.errors import ConfigError
    from gridpay.flows.schedule import project_unchanged
    for name in ("GRIDPAY_POLICY", "GRIDPAY_INBOX", "GRIDPAY_OUT", "GRIDPAY_DB"):
        monkeypatch.delenv(name, raising=False)
    project = tmp_path / "gridpay.toml"
    project.write_text('community = "天井湖社区"\n', encoding="utf-8")
    parameters = monthly_deployment(settings_from_env(project=project)).parameters
    assert parameters["project"] == str(project)
    project_unchanged(parameters["project"], parameters["project_locations"])        # unchanged: runs
    project.write_text('community = "天井湖社区"\npolicy = "policy-2027.toml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"now names other locations than when gridpay serve registered this "
                                          r"schedule \(policy: .* then, .*policy-2027.toml now\); nothing published"):
        project_unchanged(parameters["project"], parameters["project_locations"])
