"""A worker's pay moved past the policy's review share is said on the console, not on the scorecard alone
(trial 138: October's first run flagged W02 at +77%, and the README said such a move is said)."""
import duckdb

from gridpay.expectations.pay_inputs import moved_pay


def test_the_workers_flagged_pay_changed_are_named_and_no_others():
    with duckdb.connect() as con:
        con.execute("create table payroll (run_id varchar, worker_id varchar, name varchar, flags varchar)")
        con.execute("insert into payroll values ('r', 'W01', '周红梅', ''), ('r', 'W02', '吴建华', 'budget_neutral;pay_changed'),"
                    " ('r', 'W03', '郑晓燕', 'pay_changed_partly'), ('old', 'W04', '孙立新', 'pay_changed')")
        (line,) = moved_pay(con, "r")
        assert "for 吴建华 (W02) (flag pay_changed): check before signing" in line and "W01" not in line
        assert "W03" not in line and "W04" not in line
        con.execute("delete from payroll where worker_id = 'W02'")
        assert moved_pay(con, "r") == []
