"""An appeal filed or decided after the day of the run stops the month, as a call so dated does (policy 2027.12,
gate.appeal_dates: a hundredth trial's upheld appeal "decided 2026-12-14" moved a worker's pay on a sheet published
2026-12-05, exit 0)."""
from datetime import date, timedelta

from conftest import APPEAL_HEADER, appeal_row, today, write_csv


def test_an_appeal_decided_after_the_day_of_the_run_stops_unless_the_policy_lacks_the_key(published_copy, run_cli,
                                                                                         tmp_path):
    inbox, published = published_copy("none", 2)
    later = (date.fromisoformat(today()) + timedelta(days=9)).isoformat()
    row = list(appeal_row("A1", "W3", "R5"))
    row[9] = later                                                       # decided_on
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [tuple(row)])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉", inbox=inbox, policy=published)
    assert code == 1 and (f"appeals.csv row 2 (appeal A1): decided_on is after the day of the run ({today()}): is the "
                          f"date mistyped?") in err, err
    policy = tmp_path / "before.toml"
    from gridpay.core.settings import DEFAULT_POLICY
    policy.write_text(DEFAULT_POLICY.read_text(encoding="utf-8").replace('appeal_dates = "stop"\n', "")
                      .replace('version = "', 'version = "t', 1), encoding="utf-8")     # edited rules, a new version
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉", "--reference", "inbox", inbox=inbox,
                        policy=policy)
    assert code == 0, err                                                # a policy without the key, as before
