"""survey.ambiguous_dates = "by_file": a file whose slash dates show the month first (11/25/2026, none with a
first number over 12: an English-locale Excel's m/d/yyyy) has its 11/5/2026 read as 5 November; a file that
shows no order, or both, keeps such dates invalid (a sixty-first trial's November stopped on 29 of 77)."""
import duckdb

from gridpay.transforms.parsing import ambiguous_date_sql, month_first_files_sql


def _ambiguous_rows(rows: list[tuple[str, str]]) -> list[str]:
    con = duckdb.connect()
    con.execute("create table t (source_file varchar, submitted_at varchar)")
    con.executemany("insert into t values (?, ?)", rows)
    sql = (f"select source_file || ' ' || submitted_at from t where {ambiguous_date_sql('submitted_at')} "
           f"and source_file not in ({month_first_files_sql('submitted_at', 't')}) order by 1")
    return [r[0] for r in con.execute(sql).fetchall()]


def test_a_file_whose_dates_show_the_month_first_reads_its_ambiguous_ones_so():
    rows = [("us.csv", "11/5/2026 9:03"), ("us.csv", "11/25/2026 18:00"),              # month first, shown
            ("uk.csv", "5/11/2026 9:03"), ("uk.csv", "25/11/2026 18:00"),              # day first: kept invalid
            ("mixed.csv", "11/5/2026 9:03"), ("mixed.csv", "11/25/2026"), ("mixed.csv", "25/11/2026"),
            ("early.csv", "11/5/2026 9:03"), ("early.csv", "2026-11-20 10:00:00")]     # no order shown
    assert _ambiguous_rows(rows) == ["early.csv 11/5/2026 9:03", "mixed.csv 11/5/2026 9:03", "uk.csv 5/11/2026 9:03"]
