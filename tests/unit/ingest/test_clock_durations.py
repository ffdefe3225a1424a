"""A duration written as a clock (00:02:05: an Excel duration cell, a platform's 填写时长) is that many
seconds under survey.clock_durations: an eighteenth trial's answer so timed was invalid, though the
duration is optional, and its resident's judgement lost (exit 0)."""
from conftest import scored_below_the_cli, survey
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.parsing import clock_seconds
from gridpay.transforms.policy import policy_from_toml


def test_a_clock_is_its_seconds_and_anything_else_is_left_to_validation():
    assert [clock_seconds(v) for v in ("00:02:05", "0:02:05", "2:05", "１:02:05", "125")] == [
        "125", "125", "125", "3725", None]
    assert [clock_seconds(v) for v in ("2:65", "1:60:00", "2分5秒", None)] == [None, None, None, None]


def test_an_answer_timed_as_a_clock_counts_and_its_seconds_are_kept(make_inbox, tmp_path):
    rows = [survey("R1", "G1", "1栋1单元101", ("4",) * 5, duration="00:02:05"),
            survey("R2", "G2", "1栋1单元102", ("4",) * 5, duration="00:00:09")]       # a speeder's: judged so
    inbox = make_inbox({"2026-09.csv": rows})
    _, con = scored_below_the_cli(inbox, tmp_path / "now", load_policy(DEFAULT_POLICY))
    with con:
        assert con.execute("select count(*) from quarantine where reason_code = 'bad_duration'").fetchone()[0] == 0
        assert dict(con.execute("select response_id, duration_s from raw_surveys").fetchall()) == {
            "R1": "125", "R2": "9"}
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace("clock_durations = true", "")
    _, con = scored_below_the_cli(inbox, tmp_path / "before", policy_from_toml(text))
    with con:        # a policy without the key: invalid, as before
        assert con.execute("select count(*) from quarantine where reason_code = 'bad_duration'").fetchone()[0] == 2
