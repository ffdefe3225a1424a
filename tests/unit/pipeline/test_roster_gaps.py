"""Workers assignments.csv gives no day, and the namesake who holds their grid (trial 198's two 王芳)."""
import duckdb

from gridpay.pipeline.unassigned_workers import unassigned_workers


def _month(assigned: list[tuple]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("create table stg_workers (worker_id varchar, name varchar)")
    con.execute("insert into stg_workers values ('W03', '王芳'), ('W05', '李强'), ('W07', '王芳'), ('W09', '周洁')")
    con.execute("create table stg_grids (grid_id varchar, grid_name varchar)")
    con.execute("insert into stg_grids values ('G3', '第三网格'), ('G5', '第五网格'), ('G7', '第七网格')")
    con.execute("create table stg_assignments (worker_id varchar, grid_id varchar)")
    con.executemany("insert into stg_assignments values (?, ?)", assigned)
    return con


def test_a_worker_whose_namesake_holds_the_grids_is_said_with_them():
    # a VLOOKUP by name gave W03 both 王芳 rows
    con = _month([("W03", "G3"), ("W03", "G7"), ("W05", "G5")])
    assert unassigned_workers(con) == (
        "王芳 (W07; W03, also named 王芳, is given 第三网格 (G3), 第七网格 (G7): if assignments.csv was filled in by "
        "name, check which 王芳 each row means)", "周洁 (W09)")


def test_a_worker_without_a_namesake_on_the_roster_is_said_alone():
    assert unassigned_workers(_month([("W03", "G3"), ("W07", "G7"), ("W05", "G5")])) == ("周洁 (W09)",)
    # both 王芳 unassigned: neither holds a grid, so neither is the other's namesake here
    assert unassigned_workers(_month([("W05", "G5")])) == ("王芳 (W03)", "王芳 (W07)", "周洁 (W09)")
