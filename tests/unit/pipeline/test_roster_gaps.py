"""Workers assignments.csv gives no day, and the namesake who holds their grid (trial 198's two 王芳)."""
import duckdb

from gridpay.pipeline.roster_gaps import unassigned_workers


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


def test_a_grid_without_a_worker_on_some_days_is_said_and_a_new_one_may_have_begun_then():
    """Trial 199: 银杏八网格 split off on 11-16 was told a covering worker's row was missing for 11-01 to 11-15."""
    from gridpay.pipeline.roster_gaps import part_staffed
    con = duckdb.connect()
    con.execute("create table runs as select 'r2' as run_id, '2026-11' as month")
    con.execute("create table published as select '2026-10' as month, 'r1' as run_id")
    con.execute("create table grid_scores as select * from (values ('r1', 'G1', '一网格'), ('r2', 'G1', '一网格'), "
                "('r2', 'G8', '八网格')) t(run_id, grid_id, grid_name)")
    con.execute("create table int_month_days as select unnest(generate_series(date '2026-11-01', date '2026-11-30', "
                "interval 1 day))::date as day")
    con.execute("create table int_worker_grid_day as select g, d::date as day from (values ('G1'), ('G8')) t(g), "
                "generate_series(date '2026-11-16', date '2026-11-30', interval 1 day) s(d)")
    con.execute("alter table int_worker_grid_day rename g to grid_id")
    said = part_staffed(con, "r2")
    assert said[0] == "一网格 (G1) on 15 days (11-01 to 11-15)"
    assert said[1] == ("八网格 (G8) on 15 days (11-01 to 11-15; new since the months published before: if it began on "
                       "its first worker's first day, no row is missing)")
