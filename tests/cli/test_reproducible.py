"""Two runs of the same month give byte-identical results, and both runs stay on record."""
import duckdb

REPORTS = "all"      # these tests read the scorecards (run_cli renders them)


def test_rerun_gives_identical_outputs_and_keeps_both_runs(run_cli, make_inbox, tmp_path):
    inbox = make_inbox()
    month = tmp_path / "out" / "2026-09"
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    first = {name: (month / name).read_bytes() for name in ("payroll.csv", "grid_scores.csv", "quarantine.csv")}
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    for name, data in first.items():
        assert (month / name).read_bytes() == data, name
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        runs = con.execute("select run_id, status from runs order by started_at").fetchall()
        published = con.execute("select run_id from published where month = '2026-09'").fetchone()[0]
        kept = con.execute("select count(distinct run_id) from payroll").fetchone()[0]
    assert [s for _, s in runs] == ["published", "published"]
    assert published == runs[-1][0] and kept == 2
