"""A payroll HR would call wrong at a glance stops the month (gate.payroll_doubts): a nineteenth field
trial published each of these with exit 0."""
import duckdb

from conftest import WORKER_PHONE, write_csv


def test_a_negative_total_an_adjustment_twice_and_one_phone_for_two_workers_stop_the_month(run_cli, make_inbox,
                                                                                        make_policy, tmp_path):
    inbox = make_inbox(assignments=[("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "2026-09-15", ""),
                                    ("W3", "G2", "2026-09-16", "", ""), ("W4", "G1", "2026-01-01", "", "1"),
                                    ("w3", "G2", "2026-01-01", "", "0.5")])
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W1", "2026-09", "50.00", "协助防汛加班", "人事科 陈主任"),
               ("W1", "2026-09", "50.00", "协助防汛加班", "人事科 陈主任"),       # typed twice
               ("W2", "2026-09", "-5000.00", "扣款", "人事科 陈主任")])          # more than the month's pay
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("W1", "王伟", WORKER_PHONE, "1000.00"), ("W2", "李娜", "13800000002", "800.00"),
               ("W3", "张\u202e喆", "", "600.00"), ("W4", "王 伟", f"+86 {WORKER_PHONE}", "900.00"),   # W1 again
               ("w3", "刘玥", "13800000002", "900.00")])        # W2's phone: a couple sharing one, two people
    # (w3: W3's id in other case, trial 78: one file for both sheets where case does not count; W3's name turned
    # round by U+202E and a grid's id with a zero-width space: shown otherwise than they are)
    write_csv(inbox / "grids.csv", ("grid_id", "grid_name", "community", "households"),
              [("G1", "天桥新村一网格", "天井湖社区", "20"), ("G2", "井湖村二网格", "天井湖社区", "10"),
               ("G1\u200b", "天桥新村一网格", "天井湖社区", "20")])
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 1, err
    assert "2026-09: the payroll cannot be right; nothing published." in err and "刘玥 (w3)" not in err
    assert "workers.csv gives the ids W3 and w3, which differ in letter case only" in err
    assert ("workers.csv's W3 (张<U+202E>喆): its name holds an invisible or direction character, which the documents "
            "would not show; type it again") in err
    assert "grids.csv's G1<U+200B> (天桥新村一网格): its id holds an invisible" in err
    assert "李娜 (W2) would be paid -" in err and "a deduction larger than the month's pay" in err
    assert ("adjustments.csv gives W1 50.00 for '协助防汛加班' twice (adjustments.csv row 2, adjustments.csv row 3): "
            "paid twice") in err
    assert ("王伟 (W1) and 王 伟 (W4) give one phone and one name in workers.csv: one person under two ids would be "
            "paid twice; keep one id") in err
    assert not (tmp_path / "out" / "2026-09").exists()
    # a policy without the key publishes, as before, and says so
    old = tmp_path / "old.toml"
    old.write_text(make_policy().read_text(encoding="utf-8").replace('payroll_doubts = "stop"\n', ""), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, policy=old)
    assert code == 0 and "the payroll of 2026-09 may be wrong: 李娜 (W2) would be paid -" in err


def test_a_successors_start_date_typed_early_is_said_and_a_true_handover_is_not(run_cli, make_inbox):
    """The hand month's G2 passes from W2 (to 09-15) to W3 (from 09-16): nothing said. A nineteenth trial
    typed the successor's start as the month's first day: both were paid for the same days, unsaid."""
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox())
    assert code == 0 and "around a handover" not in err, err
    early = [("W1", "G1", "2026-01-01", "", ""), ("W2", "G2", "2026-01-01", "2026-09-15", ""),
             ("W3", "G2", "2026-09-01", "", ""), ("W4", "G1", "2026-01-01", "", "1")]
    code, err = run_cli("run", "--month", "2026-09", "--reference", "inbox", inbox=make_inbox(assignments=early))
    assert code == 0, err
    assert ("two workers are paid for one grid on the same days around a handover: G2: W2's assignment ends on "
            "09-15 and W3's covers it from 09-01, so both are paid for it on 09-01 to 09-15; if W3 took over from "
            "W2, W3's start_date is the day after 09-15") in err


def test_an_adjustment_added_after_its_month_published_is_said_and_keeps_the_month_from_final(
        run_cli, make_inbox, closed_window):
    """A nineteenth trial added October's 补发 after October was published: November ignored it, and
    `finalize --force` finalized October without it (100 yuan lost, nothing said)."""
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W1", "2026-09", "50", "协助防汛加班", "人事科 陈主任"),            # as published (50.00)
               ("W2", "2026-09", "100.00", "补发", "人事科 陈主任"),              # added since
               ("W3", "2026-09", "80.00", "10月社区活动补贴", "人事科 陈主任"),       # October's, typed 2026-09
               ("W4", "2026-1", "300.00", "奖励", "人事科 陈主任")])              # 2026-11 mistyped: January
    code, err = run_cli("run", "--month", "2026-10", "--allow-empty-month", inbox=inbox)
    assert code == 0, err
    assert ("adjustments.csv has changed for 2026-09 since its published run" in err
            and "it gives W2 100.00 for '补发', which it did not pay; W3 80.00 for '10月社区活动补贴', which it did not "
                "pay; only a run of 2026-09 pays adjustments of 2026-09: if the lines are 2026-09's, run it again (gridpay "
                "run --month 2026-09 --reference published --take adjustments) before it is finalized; a line of 2026-10 "
                "typed as 2026-09's is paid by no run: correct its month and run again (its reason says 10月: "
                "'10月社区活动补贴')" in err), err
    assert ("adjustments.csv gives money to months this warehouse has not published, before 2026-10: row 5 W4 300.00 "
            "in 2026-01; no run here pays a month before 2026-09, this warehouse's first: is the month mistyped (2026-1 "
            "for 2026-11)? If not (money owed for a month before gridpay was used: a leaver's back pay), pay it outside "
            "gridpay and take its row out of adjustments.csv") in err
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "统一定稿",
                        inbox=inbox)
    assert code == 2 and "adjustments.csv gives W2 100.00 for '补发' in 2026-09, which run" in err, err
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W1", "2026-09", "50", "协助防汛加班", "人事科 陈主任"), ("W2", "2026-09", "100.00", "补发", "人事科 陈主任"),
               ("W4", "2026-1", "300.00", "奖励", "人事科 陈主任")])
    assert "(gridpay run --month 2026-09 --reference published --take adjustments)" in err    # a command that runs
    assert run_cli("run", "--month", "2026-09", "--reference", "published", "--take", "adjustments",
                   inbox=inbox)[0] == 0
    code, err = run_cli("finalize", "--month", "2026-09", "--by", "陈主任", inbox=inbox)
    assert code == 0, err


def test_a_deduction_typed_without_its_minus_and_a_target_far_from_the_others_are_said(run_cli, make_inbox,
                                                                                       make_policy, tmp_path):
    """A probe of 2026-12-03: 迟到扣款 typed 200 was paid as a bonus, and 16000.00 typed for 1600.00 paid as typed,
    exit 0, nothing said. Said, not stopped: a part-timer's target and 纠正错扣 +80 read the same (trial 70)."""
    inbox = make_inbox()
    write_csv(inbox / "adjustments.csv", ("worker_id", "month", "amount", "reason", "approved_by"),
              [("W1", "2026-09", "200", "迟到扣款", "人事科"), ("W4", "2026-09", "-80", "罚款", "人事科"),
               ("W2", "2026-08", "90", "罚款", "人事科"), ("W4", "2026-09", "100", "冲减8月多发绩效", "人事科"),
               ("W3", "2026-09", "120", "年终奖", "人事科"), ("W2", "2026-09", "-300", "补发10月值班补贴", "人事科"),
               ("W1", "2026-09", "-50", "补扣上月多发补贴", "人事科")])     # trial 138: 120000 for 1,200; trial 292
    write_csv(inbox / "workers.csv", ("worker_id", "name", "phone", "perf_pay_target"),
              [("W1", "王伟", "", "1000.00"), ("W2", "李娜", "", "8000.00"), ("W3", "张喆", "", "60.00"),
               ("W4", "刘玥", "", "900.00"), ("W5", "志愿者", "", "0")])      # a target of 0 is never compared
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox)
    assert code == 0, err
    assert ("adjustments.csv row 2 gives W1 +200.00 for '迟到扣款', a reason that reads as a deduction (扣): if it "
            "deducts, type -200.00 and run again; if it adds (退还, 补发, 纠正错扣), it is right as it is") in err
    assert "row 3 gives" not in err and "row 4 gives" not in err      # typed with '-'; another month's row
    assert "row 5 gives W4 +100.00 for '冲减8月多发绩效', a reason that reads as a deduction (冲减)" in err
    assert ("row 7 gives W2 -300.00 for '补发10月值班补贴', a reason that reads as money added (补发/补贴): if it adds, "
            "type 300.00 without its '-'") in err and "row 8 gives" not in err        # 补扣: taken back
    assert ("李娜 (W2)'s perf_pay_target 8000.00 is over 5 times the median of workers.csv's targets (900.00): a zero "
            "too many or too few?") in err
    assert "张喆 (W3)'s perf_pay_target 60.00 is under 1/5 of the median" in err and "(W1)'s perf_pay_target" not in err
    assert ("adjustments.csv row 6 gives 张喆 (W3) 120.00 for '年终奖', as much as the worker's whole target in "
            "workers.csv (60.00) or more: a zero too many?") in err and "gives 王伟 (W1)" not in err
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:     # the scorecard lists them
        notices = con.execute("select run_notices from runs where status = 'published'").fetchone()[0]
    assert "迟到扣款" in notices and "李娜 (W2)" in notices
    # a policy without the keys says neither
    old = tmp_path / "old.toml"
    old.write_text("\n".join(line for line in make_policy(version='"own-1"').read_text(encoding="utf-8").splitlines()
                             if not line.startswith(("deduction_", "target_times"))), encoding="utf-8")
    code, err = run_cli("run", "--month", "2026-09", "--reason", "旧规则", "--reference", "inbox", inbox=inbox, policy=old)
    assert code == 0 and "reads as a deduction" not in err and "perf_pay_target" not in err, err
