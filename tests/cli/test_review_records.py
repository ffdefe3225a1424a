"""HR's decisions as records a month keeps (a fifty-second trial's): a correction never drops an appeal or a
call its month was published on, a call file of the month named otherwise is refused rather than read by no
run, an appeal whose month is mistyped is named, and a later month's adjustment for a worker hired since does
not stop a correction of an earlier month."""
import pytest

from conftest import APPEAL_HEADER, today, appeal_row, write_csv


@pytest.fixture
def published(published_copy, tmp_path):
    inbox, policy = published_copy("none", min_responses=2)
    return inbox, policy


def test_a_rerun_without_an_appeal_its_month_was_published_on_stops_and_a_reversal_does_not(published, run_cli):
    inbox, policy = published
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W3", "R5")])     # upheld: R5 taken out
    assert run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)[0] == 0
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [])               # a fresh file for the next month
    code, err = run_cli("run", "--month", "2026-09", "--reason", "补发", inbox=inbox, policy=policy)
    assert code == 1 and "no longer hold decisions the month's published run" in err
    assert "appeal A1 (answer R5, upheld)" in err
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W3", "R5", "驳回")])    # HR reverses it
    assert run_cli("run", "--month", "2026-09", "--reason", "复核改判", inbox=inbox, policy=policy)[0] == 0


def test_an_appeal_and_a_call_dated_without_their_year_are_read_as_days_after_the_month(published, run_cli, tmp_path):
    """Trials 69 and 72 typed 10月4日 and 1月6日 on their appeal and call sheets, as offices do; each stopped the month."""
    inbox, policy = published
    day = today()
    typed = f"{int(day[5:7])}月{int(day[8:10])}日"
    row = appeal_row("A1", "W3", "R5")
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [(*row[:6], typed, row[7], row[8], typed, row[10])])
    write_csv(inbox / "verification" / "2026-09.csv", ("response_id", "result", "called_by", "called_on", "note"),
              [("R7", "属实", "王干事", typed, "居民来电")])      # HR's own call (the draw turns on the policy)
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
    assert code == 0, err
    quarantine = (tmp_path / "out" / "2026-09" / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert "appeal_upheld" in quarantine                       # the appeal applied, its dates read as today's


def test_a_call_file_of_the_month_named_otherwise_is_refused(published, run_cli):
    inbox, policy = published
    write_csv(inbox / "verification" / "2026-09回访结果.csv", ("response_id", "result", "called_by", "called_on", "note"),
              [("R5", "未参与", "王干事", today(), "住户称未填写问卷")])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "回访", inbox=inbox, policy=policy)
    assert code == 2 and "verification/2026-09回访结果.csv: is read by no run: verification/2026-09.csv is read" in err


def test_an_appeal_of_the_month_with_its_month_mistyped_is_named(published, run_cli):
    inbox, policy = published
    typo = ("A2", "2026-1", *appeal_row("A2", "W3", "R5")[2:])         # 2026-09 typed 2026-1: read as January
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [typo])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
    assert code == 1 and "(appeal A2, of 2026-01): month is not 2026-09, but the appeal was filed in 2026-09's" in err
    # rejected, it pays nothing either way: a sixty-ninth trial's late appeal of another month, 逾期不予受理, stopped
    late = ("A2", "2026-08", *appeal_row("A2", "W3", "R5", decision="驳回")[2:])
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [late])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
    assert code == 0 and "appeal A2" not in err, err


def test_a_later_months_adjustment_for_a_worker_hired_since_does_not_stop_a_correction(published, run_cli):
    inbox, policy = published
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W9", "2026-10", "−30", "迟到扣款", "人事科"), ("W1", "2026-09", "200", "补发", "人事科")])
    late = ("--reason", "补发", "--reference", "published", "--take", "adjustments")    # the trial's late line
    code, err = run_cli("run", "--month", "2026-09", *late, inbox=inbox, policy=policy)
    assert code == 0, err
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W9", "2026-09", "200", "补发", "人事科")])
    code, err = run_cli("run", "--month", "2026-09", *late, inbox=inbox, policy=policy)
    assert code == 2 and "W9" in err and "is not in workers.csv" in err


def test_an_appeal_decided_after_a_forced_finalize_is_to_be_applied_by_a_correction(published, run_cli, closed_window):
    """A sixty-ninth trial was told to run the final month again without --reason, which a final month refuses."""
    inbox, policy = published
    assert run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox, policy=policy)[0] == 0
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W3", "R5")])     # upheld after it
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox, policy=policy)
    assert code == 1 and ('so the published pay does not apply it: run the month again to apply it (gridpay run '
                          '--month 2026-09 --reference published --reason "...")') in err, err
    assert run_cli("run", "--month", "2026-09", "--reason", "申诉改判", inbox=inbox, policy=policy)[0] == 0


def test_an_appeal_with_its_decider_typed_and_its_decision_left_blank_is_said(published, run_cli):
    """A sixty-ninth trial's such appeal published as pending, its answer counted, nothing said until finalize."""
    inbox, policy = published
    row = (*appeal_row("A5", "W3", "R5", decision="")[:7], "", "人事科 陈主任", today(), "经回访核实")
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [row])
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
    assert code == 0, err
    assert ("appeals.csv row 2 (appeal A5): decided_by or decided_on is filled but the decision is blank, so the appeal "
            "is pending and its answer counts") in err


def test_a_malicious_review_appeal_upheld_on_a_satisfied_answer_stops_naming_the_grid_s_bad_reviews(published, run_cli):
    """Trial 128's appeal of answer 73 (all 非常不满意) typed as 78 (非常满意) took a good answer out, exit 0."""
    inbox, policy = published
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W3", "R7")])     # R7: all 4 (满意)
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)
    assert code == 1 and ("upheld appeal A1 (malicious, 恶意差评) names answer R7, whose lowest rating is 4: no bad "
                          "review to be malicious; is its answer id mistyped? (its grid's bad reviews this month: R5)"
                          ) in err, err
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W3", "R5")])
    assert run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)[0] == 0


def test_an_upheld_appeal_s_answer_id_put_right_after_the_run_is_not_applied_and_not_finalized(published, run_cli,
                                                                                                closed_window):
    """Trial 128 put its appeal's id right (73 for 78) after the correction: `appeals` read plain "upheld" and
    finalize --force made the pay with 78 taken out final."""
    inbox, policy = published
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A1", "W3", "R5", category="其他")])
    assert run_cli("run", "--month", "2026-09", "--reason", "申诉复核", inbox=inbox, policy=policy)[0] == 0
    row = appeal_row("A1", "W3", "R6", category="其他")
    # filed in the window closed_window stands for (one filed after it is listed late: trial 151)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [row[:6] + ("2020-01-02",) + row[7:]])
    code, err = run_cli("appeals", "--month", "2026-09", inbox=inbox, policy=policy)
    assert code == 0 and "upheld (not yet applied)" in run_cli.out, run_cli.out
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "发薪截止",
                        inbox=inbox, policy=policy)
    assert code == 2 and "appeal A1 names answer R6, run " in err and "took out answer R5, so the published pay does " \
                                                                      "not apply it" in err, err
