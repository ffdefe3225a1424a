"""Answers from a phone workers.csv gives a worker, said grid by grid (expectations/worker_phone_lines.py): a 网格站's
duty mobile given to two workers (trial 273) is named for the one assigned to the grid, and in a grid neither works
for both together; each was named alone, as assigned to the other's grid."""
import duckdb

from gridpay.expectations.worker_phone_lines import worker_phone_lines


def _month() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("create table stg_workers as select * from (values ('W1', '赵红'), ('W2', '钱明')) t(worker_id, name)")
    con.execute("create table stg_worker_phones as select * from (values ('W1', 'duty'), ('W2', 'duty')) "
                "t(worker_id, phone_hash)")
    con.execute("create table stg_grids as select * from (values ('G1', '第一网格'), ('G2', '第二网格'), ('G3', '第三网格')) "
                "t(grid_id, grid_name)")
    con.execute("create table int_worker_grid_days as select * from (values ('W1', 'G1'), ('W2', 'G2')) t(worker_id, grid_id)")
    con.execute("create table int_surveys as select * from (values (1, 'G1', 'a', '11', 'duty'), (2, 'G1', 'b', '12', 'duty'), "
                "(3, 'G2', 'c', '13', 'duty'), (4, 'G3', 'd', '14', 'duty'), (5, 'G3', 'e', '15', 'duty')) "
                "t(row_id, grid_id, household_id, response_id, respondent_phone_hash)")
    con.execute("create table int_exclusions as select * from (values (1, 'self_rating'), (2, 'self_rating'), "
                "(3, 'self_rating')) t(row_id, code)")
    con.execute("create table int_response_scores as select * from (values (4), (5)) t(row_id)")
    return con


def test_a_phone_two_workers_share_is_named_for_the_grid_s_own_worker_and_for_both_elsewhere():
    con = _month()
    own = worker_phone_lines(con, own=True)
    assert [line.split(", who ")[0] for line in own] == [
        "2 answers to 第一网格 (G1) came from the phone of 赵红 (W1)", "1 answer to 第二网格 (G2) came from the phone of 钱明 (W2)"]
    (other,) = worker_phone_lines(con, own=False)
    assert other.startswith("2 answers to 第三网格 (G3) came from the phone of 赵红 (W1) and 钱明 (W2), who both have it in "
                            "workers.csv (a shared or duty phone?), neither working it, for 2 homes")
