"""Published CSVs are safe to open in Excel: text that would run as a formula is defused."""
import duckdb
from hypothesis import given, settings, strategies as st

from gridpay.publishing.outputs import csv_bytes, csv_from_query, excel_safe, grid_days


def test_formula_like_text_gets_an_apostrophe_but_amounts_do_not():
    assert excel_safe('=HYPERLINK("http://x","点我")') == '\'=HYPERLINK("http://x","点我")'
    assert [excel_safe(v) for v in ("+86 139", "@SUM(A1)", "-", "-20.50", "1161.10", "王伟", 7)] == \
        ["'+86 139", "'@SUM(A1)", "'-", "-20.50", "1161.10", "王伟", 7]


def test_csv_is_utf8_with_bom_and_fixed_columns():
    data = csv_bytes([{"b": "=1+1", "a": "一", "extra": "x"}], ("a", "b"))
    assert data == "\ufeffa,b\n一,'=1+1\n".encode("utf-8")


_CON = duckdb.connect()      # one in-memory database for every example (each new one costs ~20 ms)
_CELLS = st.one_of(st.none(), st.integers(-10**6, 10**6),
                   st.text(alphabet=st.sampled_from("=+-@\t\r\n,\"' 05５.a天"), max_size=8))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_CELLS, _CELLS), max_size=12), st.randoms(use_true_random=False))
def test_csv_lines_duckdb_makes_are_the_bytes_csv_writer_makes(rows, rng):
    """review.csv and callbacks.csv are written by DuckDB (csv_from_query), the others by
    csv.writer (csv_bytes): the same rows give the same bytes, in the query's order."""
    columns = ("a", "b")
    con = _CON
    con.execute("create or replace temp table t (a varchar, b varchar, n integer)")
    order = list(range(len(rows)))
    rng.shuffle(order)                       # stored out of order: the query's order by counts
    if order:
        con.executemany("insert into t values (?, ?, ?)",
                        [[None if v is None else str(v) for v in rows[n]] + [n] for n in order])
    from_duckdb = csv_from_query(con, "select a, b, n from t order by n", [], columns, ("n",))
    as_rows = [{"a": None if a is None else str(a), "b": None if b is None else str(b)} for a, b in rows]
    assert from_duckdb == csv_bytes(as_rows, columns)


def test_csv_lines_keep_the_querys_order_at_scale():
    """A subquery's order by is not kept by the select around it once DuckDB works in parallel (the
    first version wrote a city's callbacks.csv in another order): the lines follow `order_by`."""
    with duckdb.connect() as con:
        con.execute("create table t as select (i * 7919) % 200000 as n, 'x' || i as a from range(200000) as r(i)")
        made = csv_from_query(con, "select a, n from t order by n", [], ("a", "n"), ("n",))
        rows = [{"a": a, "n": n} for a, n in con.execute("select a, n from t order by n").fetchall()]
    assert made == csv_bytes(rows, ("a", "n"))


def test_a_grids_weighted_days_are_shown_where_its_weight_is_not_one_from_output_format_11():
    """Trial 79b checked a worker at weight 0.5 from payroll_detail.csv's G19:30 and was off by up to 3.2 points."""
    from decimal import Decimal
    assert [grid_days("G19", 30, Decimal(w)) for w in ("15.0000", "30.0000", "22.5000")] == [
        "G19:30(15)", "G19:30", "G19:30(22.5)"]
    assert grid_days("G19", 30, None) == "G19:30"           # a run of output format 10 or before, as published

