"""Two worker ids that differ in leading zeros only are one worker typed twice (trial 205: 00125 and the 125 Excel made,
both 张敏, the second with no phone, were paid twice, exit 0)."""
import duckdb

from gridpay.expectations.payroll_doubts import payroll_doubts


def test_ids_differing_in_leading_zeros_only_are_a_payroll_doubt():
    con = duckdb.connect()
    con.execute("create table stg_workers (worker_id varchar, name varchar, phone_hash varchar)")
    con.execute("insert into stg_workers values ('00125', '张敏', 'h1'), ('125', '张敏', null), ('00126', '李强', 'h2'), "
                "('W1', '王伟', 'h3'), ('W01', '赵磊', 'h4')")
    con.execute("create table payroll as select 'r' as run_id, worker_id, 1.0 as total_pay_yuan, name, "
                "1.0 as performance_pay_yuan, 0.0 as adjustment_yuan from stg_workers")
    con.execute("create table stg_adjustments (worker_id varchar, amount_yuan decimal(10, 2), reason varchar, "
                "source_file varchar, row_number integer)")
    con.execute("create table stg_grids (grid_id varchar, grid_name varchar)")
    said = payroll_doubts(con, "r")
    assert said == ["workers.csv gives the ids 00125 and 125, which differ in leading zeros only: a spreadsheet drops "
                    "an id's leading zeros (00125 saved as 125), and one worker typed twice would be paid twice; keep "
                    "one id, typed as text in every file"]          # W1 and W01 are ids of letters: not Excel's doing
