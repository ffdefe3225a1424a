"""A month is paid once it has ended (a ninety-sixth trial's December published on December 5)."""
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from gridpay.pipeline.month_over import month_not_over

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _ctx(month: str, replay=None):
    return SimpleNamespace(month=month, request=SimpleNamespace(replay=replay),
                           policy=SimpleNamespace(timezone="Asia/Shanghai"))


def test_a_month_not_over_in_the_policys_zone_stops_and_names_the_month_that_has():
    # 2026-12-04 16:16 UTC is December 5 in Beijing: December has not ended
    message = month_not_over(_ctx("2026-12"), datetime(2026, 12, 4, 16, 16, tzinfo=ZoneInfo("UTC")))
    assert message == ("2026-12 has not ended: its last day is 2026-12-31 and it is now 2026-12-05 00:16 "
                       "(Asia/Shanghai), so its pay would be on the answers given so far and its 公示期 would close "
                       "before its residents have answered; run it after 2026-12-31 (the last month ended is 2026-11; "
                       "`gridpay inspect` reads a file now); nothing published.")
    assert month_not_over(_ctx("2027-03"), datetime(2026, 12, 5, tzinfo=SHANGHAI)) is not None     # a later month


def test_a_month_over_at_midnight_there_or_an_audit_is_not_stopped():
    assert month_not_over(_ctx("2026-11"), datetime(2026, 12, 1, 0, 0, tzinfo=SHANGHAI)) is None
    # 2026-11-30 16:00 UTC is midnight in Beijing: November is over there
    assert month_not_over(_ctx("2026-11"), datetime(2026, 11, 30, 16, 0, tzinfo=ZoneInfo("UTC"))) is None
    assert month_not_over(_ctx("2026-11"), datetime(2026, 11, 30, 15, 59, tzinfo=ZoneInfo("UTC"))) is not None
    assert month_not_over(_ctx("2026-12", replay=("r",)), datetime(2026, 12, 5, tzinfo=SHANGHAI)) is None


def test_doctor_names_a_month_published_before_it_ended():
    """A month published before runs of an unfinished month stopped (trial 96's December on December 5)."""
    import duckdb
    from gridpay.pipeline.maintenance import _published_early
    con = duckdb.connect()
    con.execute("create table published (month varchar, run_id varchar, published_at timestamp)")
    con.execute("insert into published values ('2026-12', 'a', '2026-12-04 16:15:00'), "
                "('2026-11', 'b', '2026-11-30 16:00:00'), ('2026-10', 'c', '2026-10-31 15:59:00')")
    assert _published_early(con) == [
        "2026-10: was published on 2026-10-31 (UTC), before the month ended (2026-10-31): its pay is on the answers "
        "given by then; run it again after the month ends (gridpay run --month 2026-10 --reason ...)",
        "2026-12: was published on 2026-12-04 (UTC), before the month ended (2026-12-31): its pay is on the answers "
        "given by then; run it again after the month ends (gridpay run --month 2026-12 --reason ...)"]
