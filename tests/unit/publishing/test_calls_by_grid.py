"""A worker's sheet lists the verification calls on its grids' answers and what they took out (output
format 13; trial 82's worker read his sheet explain the appeal that moved his pay, not the call)."""
import duckdb

from gridpay.publishing.review_data import calls_by_grid


def test_calls_are_counted_by_grid_and_result_and_only_answers_a_call_took_out_are_out():
    con = duckdb.connect()
    con.execute("create table raw_surveys (run_id varchar, source_file varchar, row_number integer, "
                "response_id varchar, grid_id varchar)")
    con.execute("create table raw_verification (run_id varchar, response_id varchar, result varchar)")
    con.execute("create table quarantine (run_id varchar, source_file varchar, row_number integer, reason_code varchar)")
    con.execute("insert into raw_surveys values ('r', 'a.csv', 1, 'R1', 'G1'), ('r', 'a.csv', 2, 'R2', 'G1'), "
                "('r', 'a.csv', 3, 'R3', 'G1'), ('r', 'a.csv', 4, 'R4', 'G2'), ('old', 'a.csv', 1, 'R1', 'G1')")
    con.execute("insert into raw_verification values ('r', 'R1', 'denied'), ('r', 'R2', 'coached'), "
                "('r', 'R3', 'confirmed'), ('r', 'R4', 'unreachable'), ('old', 'R1', 'confirmed')")
    # R2 was a speeder already: the call found it coached, but it was out before the call
    con.execute("insert into quarantine values ('r', 'a.csv', 1, 'verification_denied'), "
                "('r', 'a.csv', 2, 'speeder'), ('old', 'a.csv', 1, 'verification_denied')")
    assert calls_by_grid(con, "r") == {
        "G1": {"confirmed": 1, "denied": 1, "coached": 1, "unreachable": 0, "out": 1},
        "G2": {"confirmed": 0, "denied": 0, "coached": 0, "unreachable": 1, "out": 0}}
