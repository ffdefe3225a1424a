"""A sheet typed by hand with a column of the time each answer took (survey.typed_durations_unread, policy 2027.18):
trial 150's volunteer typed 20 seconds on four unhappy paper forms of one grid, set aside as speeders (+220.50 for
its worker), exit 0, nothing said."""
from below_cli import quarantined_below_the_cli
from conftest import SURVEY_HEADER, survey, write_csv
from downloads import write_xlsx
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.policy import policy_from_toml


def _inbox(make_inbox):
    inbox = make_inbox({})
    online = [survey(f"R{i}", "G1", f"1栋1单元{100 + i}", ("4",) * 5, duration=str(200 + i)) for i in range(1, 9)]
    write_csv(inbox / "surveys" / "2026-09" / "online.csv", SURVEY_HEADER, online)
    header = ["问卷编号", "网格", "门牌号", "提交时间", "答题用时", *SURVEY_HEADER[7:12]]
    paper = [[f"P{i}", "G2", f"2栋1单元{100 + i}", "2026-09-12 10:00:00", "20" if i <= 4 else "240", *("1",) * 5]
             for i in range(1, 7)]
    write_xlsx(inbox / "surveys" / "2026-09" / "纸质问卷录入.xlsx", header, paper)
    return inbox


def test_a_typed_sheet_s_answer_times_are_not_read_and_said(make_inbox, tmp_path, caplog):
    assert quarantined_below_the_cli(_inbox(make_inbox), tmp_path / "now", load_policy(DEFAULT_POLICY)) == {}
    assert ("纸质问卷录入.xlsx: its column '答题用时' (6 answers) is not read as the time each answer took: a sheet typed "
            "by hand has no platform's timer") in caplog.text
    caplog.clear()
    before = DEFAULT_POLICY.read_text(encoding="utf-8").replace("typed_durations_unread = true", "")
    assert quarantined_below_the_cli(_inbox(make_inbox), tmp_path / "before", policy_from_toml(before)) == {
        f"P{i}": "speeder" for i in range(1, 5)}
    assert ("纸质问卷录入.xlsx: 6 answers' durations are its column '答题用时', typed by hand, not a platform's timer: the "
            "speeder rule reads them") in caplog.text


def test_a_paper_answer_has_no_timer_in_any_file(make_inbox, tmp_path):
    """Trial 150's re-check: the paper forms typed into a CSV headed as the contract's own (duration_s), four
    unhappy ones at 20 seconds, set aside as speeders; a paper answer's time is not read under the key."""
    rows = [survey(f"R{i}", "G1", f"1栋1单元{100 + i}", ("4",) * 5, duration=str(200 + i)) for i in range(1, 9)]
    rows += [survey(f"P{i}", "G2", f"2栋1单元{100 + i}", ("1",) * 5, channel="paper", duration="20" if i <= 4 else "240")
             for i in range(1, 7)]
    inbox = make_inbox({"2026-09.csv": rows})
    assert quarantined_below_the_cli(inbox, tmp_path / "now", load_policy(DEFAULT_POLICY)) == {}
    before = DEFAULT_POLICY.read_text(encoding="utf-8").replace("typed_durations_unread = true", "")
    assert quarantined_below_the_cli(inbox, tmp_path / "before", policy_from_toml(before)) == {
        f"P{i}": "speeder" for i in range(1, 5)}
