"""A target far from the others' is said (expectations/pay_inputs.py); under a budget shared by the targets' sum it
says that everyone's pay moves (trial 130: 15000 for 1500 made the budget 21,000 for 7,500 and cut the five others
by 28.25 to 73.08 yuan, only the typo's worker named)."""
import duckdb

from gridpay.expectations.pay_inputs import far_targets


def _con():
    con = duckdb.connect()
    con.execute("create table stg_workers (worker_id varchar, name varchar, perf_pay_target_yuan decimal(12, 2))")
    con.executemany("insert into stg_workers values (?, ?, ?)", [("W1", "张丽", 1500), ("W2", "李强", 1500),
                                                                 ("W3", "王芳", 15000), ("W4", "赵敏", 1400)])
    return con


def test_a_far_target_is_said_and_under_a_shared_budget_so_is_everyone_s_pay():
    (alone,) = far_targets(_con(), 5)
    assert alone.startswith("王芳 (W3)'s perf_pay_target 15000.00 is over 5 times the median") and "every" not in alone
    (shared,) = far_targets(_con(), 5, shared=True)
    assert shared.startswith(alone) and shared.endswith("the budget is the sum of the targets, so a wrong one moves "
                                                        "every worker's pay, not only this one's")
    assert far_targets(_con(), None, shared=True) == []
