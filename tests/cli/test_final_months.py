"""A month final whose pay HR's files now contradict: trial 89 finalized October with --force while an appeal was
pending and upheld it the day after; the final pay stayed 102.00 short, and doctor said the warehouse agreed."""
from conftest import APPEAL_HEADER, appeal_row, write_csv


def test_an_appeal_upheld_after_a_forced_finalize_is_a_doctor_problem(published_copy, run_cli, closed_window,
                                                                      monkeypatch):
    inbox, policy = published_copy("none", min_responses=2)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5", decision="")])
    assert run_cli("run", "--month", "2026-09", "--reason", "收到申诉", inbox=inbox, policy=policy)[0] == 0
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "街道统一定稿",
                        inbox=inbox)
    assert code == 0, err
    monkeypatch.setenv("GRIDPAY_INBOX", str(inbox))        # doctor reads them from gridpay.toml or the environment
    monkeypatch.setenv("GRIDPAY_POLICY", str(policy))
    assert run_cli("doctor", inbox=inbox)[0] == 0                           # pending: the cycle was not over
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5")])         # upheld the day after
    code, err = run_cli("doctor", inbox=inbox)
    assert code == 1 and ("PROBLEM: 2026-09 is final, but appeal A7 was decided (upheld) after run" in run_cli.out
                          and 'run the month again to apply it (gridpay run --month 2026-09 --reference published --reason "...")' in run_cli.out)
    # and every later month's run says it (October's folder holds no file: published empty, as asked)
    code, err = run_cli("run", "--month", "2026-10", "--allow-empty-month", inbox=inbox, policy=policy)
    assert "2026-09 is final, but appeal A7 was decided (upheld) after run" in err, err
    # applied as the line says: the correction is a draft, and doctor says so until the month is final again
    code, err = run_cli("run", "--month", "2026-09", "--reason", "申诉支持", inbox=inbox, policy=policy)
    # trial 137: whose pay the correction moved is named on the console
    assert code == 0 and "), total pay moved for 3 workers: W2 李娜 320.00 -> 333.32 (+13.32); W3 张喆 240.00 -> " \
                         "249.99 (+9.99); W4" in err, err
    code, _ = run_cli("doctor", inbox=inbox)
    assert code == 1 and "2026-09: was finalized (run 2026-09-" in run_cli.out, run_cli.out      # trial 94
    assert "is a draft: finalize it again once its appeal window closes" in run_cli.out
    assert "is final, but appeal A7" not in run_cli.out
    assert run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox)[0] == 0
    assert run_cli("doctor", inbox=inbox)[0] == 0
    # trial 303: a late appeal after finalizing, rejected, changes nothing: no re-publication asked for
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5"), appeal_row("A9", "W3", "R6", "驳回")])
    assert run_cli("doctor", inbox=inbox)[0] == 0, run_cli.out


def test_a_published_month_that_does_not_apply_an_appeal_in_the_inbox_is_said_by_the_next_month(published_copy, run_cli):
    """Trial 134: a backup from before October's correction was restored; November published on the first October,
    the upheld appeal and the call that corrected it still in the inbox, exit 0, nothing said."""
    inbox, policy = published_copy("none", min_responses=2)
    write_csv(inbox / "appeals.csv", APPEAL_HEADER, [appeal_row("A7", "W3", "R5")])       # upheld, never applied
    code, err = run_cli("run", "--month", "2026-10", "--allow-empty-month", inbox=inbox, policy=policy)
    assert code == 0 and "2026-09 is published, but appeal A7 was decided (upheld) after run" in err, err
    assert "run the month again to apply it (gridpay run --month 2026-09)" in err


def test_a_survey_file_the_published_run_did_not_read_keeps_the_month_from_being_final(published_copy, run_cli,
                                                                                     closed_window):
    """Trial 142: a colleague's warehouse and out/ copied back over the office's, whose run had read a late download;
    finalize named only a bonus, and the month would have been final without that grid's answers."""
    import shutil
    inbox, policy = published_copy("none", min_responses=2)
    late = inbox / "surveys" / "2026-09" / "late.csv"
    late.parent.mkdir()
    shutil.copy(inbox / "surveys" / "2026-09.csv", late)
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "x", inbox=inbox)
    assert code != 0 and ("surveys/2026-09/late.csv is in the inbox and run 2026-09-" in err
                          and "did not read it as it is now (added or changed since), so the published pay does not "
                              "apply it" in err), err
    late.unlink()
    assert run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox)[0] == 0
