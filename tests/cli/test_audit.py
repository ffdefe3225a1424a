"""An auditor re-runs a past month from the archive and gets the same answer, or a clear diff."""
import duckdb
import pytest



@pytest.fixture
def published(published_copy):
    return published_copy("none", min_responses=3)


def test_unchanged_month_passes_even_after_the_inbox_changed(published, run_cli, tmp_path):
    inbox, policy = published
    (inbox / "surveys" / "2026-09.csv").write_text("response_id\n", encoding="utf-8")   # overwritten later
    (inbox / "policy-moved.toml").write_text("", encoding="utf-8")
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    out = run_cli.out
    assert code == 0, out + err
    assert "AUDIT PASSED" in out
    assert "published files and manifest.json against the hashes the warehouse recorded at publish time" in out


def test_hand_edited_payroll_csv_fails_and_names_the_figure(published, run_cli, tmp_path):
    inbox, _ = published
    payroll = tmp_path / "out" / "2026-09" / "payroll.csv"
    payroll.write_bytes(payroll.read_bytes().replace(b"1161.10", b"1961.10"))
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    out = run_cli.out
    assert code == 1 and "AUDIT FAILED" in out
    assert "payroll.csv: SHA-256" in out and "when it published the month" in out
    assert "payroll.csv W1 total_pay: 1961.10 (published file) -> 1161.10 (warehouse)" in out


def test_edited_warehouse_pay_row_fails_and_names_worker_and_figure(published, run_cli, tmp_path):
    inbox, _ = published
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:
        con.execute("update payroll set performance_pay_yuan = 999.99 where worker_id = 'W2'")
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    out = run_cli.out
    assert code == 1
    assert "payroll.csv W2 performance_pay: 999.99 (warehouse) -> 320.00 (re-run)" in out
    assert "W2 performance_pay: 320.00 (published file) -> 999.99 (warehouse)" in out


def test_an_edited_counted_answer_score_fails_the_audit_of_its_month(published, run_cli, tmp_path):
    """Trial 251: one grid's September scores raised in the warehouse moved November's pooled pay (W04 1558.24 for
    1389.60), and every month's audit passed: September's own rows reproduced."""
    inbox, _ = published
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:
        row = con.execute("select min(row_id) from counted_responses where grid_id = 'G2'").fetchone()[0]
        con.execute("update counted_responses set response_score = 100 where row_id = ?", [row])
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 1 and f"stored answers row {row} (answer " in run_cli.out and "response_score: 100" in run_cli.out, run_cli.out


def test_audit_of_a_month_never_run_is_a_usage_error(published, run_cli):
    inbox, _ = published
    code, err = run_cli("audit", "--month", "2026-08", inbox=inbox)
    assert code == 2 and "2026-08 has no published run to audit" in err


def test_an_earlier_runs_audit_says_out_holds_the_correction(published, run_cli, tmp_path):
    inbox, policy = published
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:
        first = con.execute("select run_id from published where month = '2026-09'").fetchone()[0]
    assert run_cli("run", "--month", "2026-09", "--reason", "a late answer", inbox=inbox,
                   policy=policy)[0] == 0
    code, err = run_cli("audit", "--month", "2026-09", "--run-id", first, "--documents", inbox=inbox)
    out = run_cli.out
    assert code == 0 and "AUDIT PASSED" in out, out + err
    # trial 73's auditor was told nothing of the files and documents of the run it named
    assert f"not checked: the files and documents in {tmp_path / 'out' / '2026-09'}: they are run " in out
    assert f"not run {first}'s" in out and "checked: the published files" not in out
    # trial 184's auditor read "the month reproduces exactly" of the run a correction replaced
    assert f"AUDIT PASSED: run {first} reproduces exactly; it is not what the month pays now (run " in out


def test_an_audit_by_a_warehouse_older_than_out_says_so(published, run_cli, tmp_path):
    """Trial 74's restore put an older warehouse beside a newer out/: the audit said only that the month had no run."""
    inbox, _ = published
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:      # as a backup taken before it was published
        run_id = con.execute("delete from published where month = '2026-09' returning run_id").fetchone()[0]
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 2 and f"2026-09 has no published run to audit in {tmp_path / 'warehouse.duckdb'}, but " in err
    assert f"holds the month published by run {run_id}: a warehouse restored from a backup older than" in err
