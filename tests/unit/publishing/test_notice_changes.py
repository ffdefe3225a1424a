"""Which grids a corrected notice says changed (publishing/republication.py): given two runs' grid_scores rows ->
the grids named. Trial 82's named all five, one whose printed 89.91 had not moved (its stored 89.9112 had)."""
import duckdb

from gridpay.publishing.republication import _changes

ROWS = {  # grid: (adjusted score before, after), answers and rate the same
    "G1": ("81.9500", "82.3100"),       # the appeal's grid
    "G5": ("89.9112", "89.9088"),       # shrunk toward a moved mean: printed 89.91 both times
}


def _con():
    con = duckdb.connect()
    con.execute("create table payroll (run_id varchar, worker_id varchar, total_pay_yuan decimal(12,2))")
    con.execute("create table grid_scores (run_id varchar, grid_id varchar, grid_name varchar, "
                "adjusted_score decimal(9,4), responses integer, response_rate decimal(9,4))")
    for i, run in enumerate(("before", "after")):
        con.executemany("insert into grid_scores values (?, ?, ?, ?, 34, 0.4359)",
                        [(run, g, g + "网格", scores[i]) for g, scores in ROWS.items()])
    return con


def test_from_output_format_12_a_grid_is_named_where_its_printed_figures_changed():
    with _con() as con:
        assert _changes(con, "before", "after", 12)["grids_changed"] == ["G1网格"]


def test_a_month_of_output_format_11_names_them_as_published():
    with _con() as con:
        assert _changes(con, "before", "after", 11)["grids_changed"] == ["G1网格", "G5网格"]
