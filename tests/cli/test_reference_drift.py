"""A re-run of a published month on reference files or a policy changed since it was published
stops and names the change (a field trial: October re-run for an appeal was paid on November's
raised target, exit 0); --reference published re-uses the files it was published from, --reference
inbox takes today's on purpose. Either way the month audits clean."""
from conftest import APPEAL_HEADER, appeal_row, write_csv


def _payroll(tmp_path) -> str:
    return (tmp_path / "out" / "2026-09" / "payroll.csv").read_text(encoding="utf-8-sig")


def test_a_target_raised_since_stops_the_rerun_until_told_which_files(run_cli, published_copy, tmp_path):
    inbox, _ = published_copy("none")
    before = _payroll(tmp_path)
    workers = (inbox / "workers.csv").read_text(encoding="utf-8")
    (inbox / "workers.csv").write_text(workers.replace("1000.00", "1200.00"), encoding="utf-8")

    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1
    line = err.strip().splitlines()[-1]
    assert line.startswith("gridpay: stopped: 2026-09 was published (run 2026-09-"), line
    assert "workers.csv: W1 perf_pay_target 1000.00 -> 1200.00." in line
    assert "--reference published" in line and "--reference inbox" in line
    assert _payroll(tmp_path) == before

    code, err = run_cli("run", "--month", "2026-09", "--reference", "published", inbox=inbox)
    assert code == 0, err
    assert _payroll(tmp_path) == before                  # the target the month was published with
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0

    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", inbox=inbox)
    assert code == 0, err
    assert _payroll(tmp_path) != before and ",1200.00," in _payroll(tmp_path)
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0


def test_the_month_s_adjustments_and_a_phone_are_compared_without_showing_the_phone(run_cli, published_copy):
    inbox, _ = published_copy("none")
    # HR keeps only the latest month's adjustments in the file; a worker's phone was corrected
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W2", "2026-10", "80.00", "夜间巡查", "人事科 陈主任")])
    workers = (inbox / "workers.csv").read_text(encoding="utf-8")
    (inbox / "workers.csv").write_text(workers.replace("13800000002", "13900000002"), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1
    line = err.strip().splitlines()[-1]
    assert "workers.csv: W2 phone changed" in line and "13900000002" not in line and "13800000002" not in line
    assert "adjustments.csv: (W1, 2026-09) removed." in line         # October's row is not September's business


def test_a_file_saved_again_unchanged_or_other_months_adjustments_are_no_change(run_cli, published_copy):
    inbox, _ = published_copy("none")
    grids = (inbox / "grids.csv").read_text(encoding="utf-8")
    (inbox / "grids.csv").write_text(grids.replace("\n", "\r\n"), encoding="utf-8")     # saved again by Excel
    workers = (inbox / "workers.csv").read_text(encoding="utf-8")        # a target typed 1,000.00 (a trial's)
    (inbox / "workers.csv").write_text(workers.replace("1000.00", '"1,000.00"', 1)          # and a phone re-typed
                                       .replace("13800000002", "138 0000 0002"), encoding="utf-8")   # with spaces
    with (inbox / "adjustments.csv").open("a", encoding="utf-8") as handle:
        handle.write("W2,2026-10,80.00,夜间巡查,人事科 陈主任\n")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err


def test_a_community_policy_leaving_out_todays_rules_is_told_so_on_every_run(run_cli, published_copy, tmp_path):
    """A field trial wrote its own policy from the key table, without scoring.household_scope: a
    key left out keeps the rule from before it (one household across grids), paid 1630.26 for
    1649.88, exit 0, no word. Each rule left out is now named on the run, never in an audit."""
    from conftest import policy_text
    inbox, _ = published_copy("none")
    shipped = policy_text().split('version = "')[1].split('"')[0]
    text = policy_text().replace('household_scope = "grid"\n', "").replace(f'version = "{shipped}"', 'version = "本社区1"')
    own = tmp_path / "own-policy.toml"
    own.write_text(text.split("[appeals]")[0] + "[notice]" + text.split("[notice]")[1], encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", inbox=inbox, policy=own)
    assert code == 0, err
    line = next(x for x in err.splitlines() if "leaves out" in x)
    assert f"the policy {own} (version 本社区1) leaves out 2 rules the shipped policy {shipped} sets" in line
    assert line.endswith("default.toml (`gridpay init` in an empty folder writes a copy of it, policy.toml, to read), into yours under a new version") and ": appeals, scoring.household_scope. To use today's rules" in line
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox, policy=own)
    assert code == 0 and "leaves out" not in err
    assert "leaves out" not in run_cli("run", "--month", "2026-09", "--reference", "inbox", inbox=inbox)[1]


def test_a_hire_of_a_later_month_changes_nothing_in_a_re_run(run_cli, published_copy):
    """A ninth field trial added November's hire (workers.csv and an assignment from 2026/11/16) and
    could not re-run October for a correction: the stop named rows that cannot change October's pay."""
    inbox, _ = published_copy("none")
    with (inbox / "workers.csv").open("a", encoding="utf-8") as handle:
        handle.write("W5,赵新,13800000005,700.00\n")
    with (inbox / "assignments.csv").open("a", encoding="utf-8") as handle:
        handle.write("W5,G1,2026/11/16,,\nW4,G1,2026/10/01,,1\n")       # W4's October row: not September's
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    # a tenth trial saved the file again as WPS does (年月日 dates) and ended W3's row in November: the
    # same September
    text = (inbox / "assignments.csv").read_text(encoding="utf-8")
    (inbox / "assignments.csv").write_text(text.replace("W1,G1,2026-01-01,,", "W1,G1,2026年1月1日,,")
                                           .replace("W3,G2,2026-09-16,,", "W3,G2,2026年9月16日,2026-11-10,"),
                                           encoding="utf-8")
    assert (inbox / "assignments.csv").read_text(encoding="utf-8").count("2026年") == 2
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    # a September row and W2's worker row do bear on it, the key of several columns bracketed
    with (inbox / "assignments.csv").open("a", encoding="utf-8") as handle:
        handle.write("W2,G1,2026/9/20,2026/9/30,0.5\n")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and "assignments.csv: (W2, G1, 2026-09-20) added." in err, err


def test_a_late_adjustment_is_taken_alone_and_the_rest_as_published(run_cli, published_copy, tmp_path):
    """A field trial added a 200.00 back pay for September after November raised every target:
    --reference published dropped the adjustment without a word (exit 0), --reference inbox paid all
    of September on November's targets. --take takes the one file; the run without it says what it left."""
    inbox, _ = published_copy("none")
    before = _payroll(tmp_path)
    workers = (inbox / "workers.csv").read_text(encoding="utf-8")
    (inbox / "workers.csv").write_text(workers.replace("1000.00", "1200.00"), encoding="utf-8")
    with (inbox / "adjustments.csv").open("a", encoding="utf-8") as handle:
        handle.write("W2,2026-09,200.00,9月防汛加班补发,人事科 陈主任\n")

    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1 and "--reference published and the files to take (--take workers, --take adjustments)" in err

    code, err = run_cli("run", "--month", "2026-09", "--reference", "published", inbox=inbox)
    assert code == 0 and _payroll(tmp_path) == before
    left = next(x for x in err.splitlines() if "this run does not apply them" in x)
    assert "adjustments.csv: (W2, 2026-09) added" in left and "W1 perf_pay_target 1000.00 -> 1200.00" in left
    assert left.endswith("(--take workers, --take adjustments)")
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox)
    assert code != 0 and "--reference published --take adjustments" in err

    code, err = run_cli("run", "--month", "2026-09", "--reference", "published", "--take", "adjustments.csv",
                        inbox=inbox)
    assert code == 0, err
    after = _payroll(tmp_path)
    assert ",1200.00," not in after and ",1000.00," in after           # September's targets as published
    assert after != before and "200.00" in next(x for x in after.splitlines() if x.startswith("W2,"))
    left = next(x for x in err.splitlines() if "this run does not apply them" in x)
    assert "workers.csv" in left and "adjustments.csv:" not in left and left.endswith("(--take workers)")
    assert "(but today's adjustments.csv, as --take says)" in left
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0

    code, err = run_cli("run", "--month", "2026-09", "--take", "adjustments", inbox=inbox)
    assert code == 2 and "add --reference published" in err.strip().splitlines()[-1]


def test_a_month_caught_up_before_a_published_one_stops_until_its_files_are_said_to_be_its_own(run_cli, published_copy):
    """Trial 149's backlog: June run after November was published, on November's workers.csv (targets raised in
    October): June to August paid about 11% too much, exit 0; its re-check published August on October's file (no
    difference from the later month to see) and stopped the honest one."""
    inbox, _ = published_copy("none")
    (inbox / "surveys" / "2026-08").mkdir(parents=True)
    september = next((inbox / "surveys").rglob("*.csv")).read_text(encoding="utf-8")
    (inbox / "surveys" / "2026-08" / "2026-08.csv").write_text(september.replace("2026-09-", "2026-08-"),
                                                              encoding="utf-8")
    workers = (inbox / "workers.csv").read_text(encoding="utf-8")
    (inbox / "workers.csv").write_text(workers.replace("1000.00", "1200.00"), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-08", inbox=inbox)
    assert code == 1, err
    line = err.strip().splitlines()[-1]
    assert line.startswith("gridpay: stopped: 2026-08 is not published here and 2026-09, a later month, is: "
                           "workers.csv holds one target per worker and no date, so the inbox's may be a later month's "
                           "(perf_pay_target W1 1200.00 now, 1000.00 in the later month)"), line
    assert "then run again with --reference inbox" in line
    assert not (inbox.parent / "out" / "2026-08").exists()
    # the later month's file (and a worker not assigned in the month, not listed): stopped too
    (inbox / "workers.csv").write_text(workers.rstrip("\n") + "\nW9,赵六,,700.00\n", encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-08", inbox=inbox)
    assert code == 1 and "(perf_pay_target as the later month was paid on: W1 1000.00; W2 " in err, err
    assert "W9" not in err, err
    (inbox / "workers.csv").write_text(workers, encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-08", "--reference", "inbox", inbox=inbox)
    assert code == 0, err
    assert "2026-08 is paid on the inbox's workers.csv as its own (--reference inbox), though 2026-09 was published " \
           "here before it" in err


def test_a_policy_whose_notes_alone_changed_is_no_change(run_cli, published_copy, tmp_path):
    """A new build's shipped policy with a comment reworded, its rules and version the same: a correction of a month
    published on the old build's stopped as 'the policy (changed since, its version ... unchanged: a policy paying on
    other rules needs a new version)' (this stop's cross-build check). Rules, not bytes, are compared."""
    from conftest import policy_text
    inbox, _ = published_copy("none")
    before = _payroll(tmp_path)
    noted = tmp_path / "noted.toml"
    noted.write_text(policy_text() + "\n# a note a new build's shipped policy added\n", encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=noted)
    assert code == 0 and "changed since" not in err, err
    assert _payroll(tmp_path) == before and run_cli("audit", "--month", "2026-09", inbox=inbox, policy=noted)[0] == 0
    ruled = tmp_path / "ruled.toml"        # a rule changed under the same version still stops
    ruled.write_text(policy_text(min_responses=7), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=ruled)
    assert code != 0, err


def test_a_re_run_stopped_at_the_gate_on_changed_reference_files_says_they_changed_first(run_cli, published_copy):
    # trial 288: November re-run on December's grids.csv (a grid split off) was told to move answers by appeals to a
    # grid November never had; --reference published came only from the stop after it
    inbox, _ = published_copy("none")
    workers = (inbox / "workers.csv").read_text(encoding="utf-8")
    (inbox / "workers.csv").write_text(workers.replace("1000.00", "1200.00"), encoding="utf-8")
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W1", "R99")])      # no such answer: a gate stop
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    line = err.strip().splitlines()[-1]
    assert code == 1 and line.startswith("gridpay: validation gate failed: 2026-09 was published (run 2026-09-"), line
    assert "W1 perf_pay_target 1000.00 -> 1200.00" in line and "--reference published" in line
    assert "On today's files the run stopped at the gate: 2026-09: " in line and "not one of 2026-09's valid answers" in line


def test_a_policy_edited_under_the_shipped_version_is_told_to_take_a_version_of_its_own(run_cli, make_inbox, tmp_path):
    # trial 289: init's copy edited, its version left as written: the scorecard printed 考评办法版本 2027.34 for rules
    # that were not 2027.34's
    from gridpay.core.settings import DEFAULT_POLICY
    edited = tmp_path / "policy.toml"
    edited.write_text(DEFAULT_POLICY.read_text(encoding="utf-8").replace("min_responses = 10", "min_responses = 3"),
                      encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=make_inbox(), policy=edited)
    assert code == 0 and "says version 2027.37, the shipped policy's, but differs from it in scoring.min_responses" in err
