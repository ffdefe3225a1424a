"""A published month re-run under another month's policy (pipeline/month_rules.py): trial 151's October, corrected
for an appeal with --reference inbox after November's new rules were written, was re-paid under them, exit 0."""
from conftest import HAND_SURVEYS


def _october() -> list[tuple]:
    return [tuple(c.replace("2026-09-", "2026-10-") if isinstance(c, str) else c for c in row) for row in HAND_SURVEYS]


def test_a_month_re_run_on_today_s_files_keeps_its_own_rules_unless_the_run_takes_the_policy(run_cli, make_inbox,
                                                                                          make_policy, tmp_path):
    inbox = make_inbox({"2026-09.csv": HAND_SURVEYS, "2026-10.csv": _october()})
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0                     # the shipped rules
    november = make_policy(version='"own-1"', integrity__past_phones_while_held="false")  # October's own, say
    workers = (inbox / "workers.csv").read_text(encoding="utf-8")
    (inbox / "workers.csv").write_text(workers.replace("1000.00", "1200.00"), encoding="utf-8")    # October's raise
    code, err = run_cli("run", "--month", "2026-10", inbox=inbox, policy=november)
    assert code == 0, err
    # the rules changed from the month before are said (trial 264's December, on the 街道's new rules: nothing was)
    assert ("2026-10 is paid under policy own-1, and 2026-09 was paid under 2027.37: they differ in "
            "integrity.past_phones_while_held (true -> false). If these rules are not yet 2026-10's, run it under "
            "2026-09's policy file") in err, err
    # ... and the targets (trial 264's re-check: November paid on December's raise, exit 0, nothing said)
    assert ("workers.csv gives 1 worker another perf_pay_target than 2026-09 was paid on (W1 1000.00 -> 1200.00): "
            "2026-10 is paid on the new one. workers.csv has no dates") in err, err
    payroll = (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes()
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", "--reason", "申诉", inbox=inbox,
                        policy=november)
    assert code == 1, err
    line = err.strip().splitlines()[-1]
    assert "2026-09 was published (run " in line and ", and the inbox's policy is own-1, the rules 2026-10 was " \
           "published under: --reference inbox would re-pay 2026-09 under another month's rules; nothing published. " \
           "To re-run it under its own rules, use --reference published (today's files differ too: workers.csv: W1 " \
           "perf_pay_target 1000.00 -> 1200.00; add --take and the file only where its change is 2026-09's too: " \
           "--take workers); to re-pay it under own-1 (its rules corrected too), add --take policy as well" in line, line
    assert (tmp_path / "out" / "2026-09" / "payroll.csv").read_bytes() == payroll
    # a policy taken is checked as one run on: a key no rule reads stops it (trial 178's pay.floor was dropped unsaid)
    unread = make_policy(version='"own-1"', integrity__past_phones_while_held="false")
    unread.write_text(unread.read_text(encoding="utf-8") + "\n[budget]\nfloor = 0.90\n", encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reference", "published", "--take", "policy", "--reason", "申诉",
                        inbox=inbox, policy=unread)
    assert code == 2 and "budget: no rule reads it (did you mean pay.budget?)" in err, err
    # the run that names the policy takes it
    code, err = run_cli("run", "--month", "2026-09", "--reference", "published", "--take", "policy", "--reason", "申诉",
                        inbox=inbox, policy=november)
    assert code == 0, err
    # a version no month was published under is taken, and said
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", "--reason", "新办法", inbox=inbox,
                        policy=make_policy(version='"own-2"', integrity__past_phones_while_held="false"))
    assert code == 0, err
    assert "2026-09 is re-paid under policy own-2, not own-1 it was published under (run " in err
