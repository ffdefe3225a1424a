"""`gridpay doctor` finds where the warehouse, out/ and the archive disagree; `gridpay purge`
drops raw answers past retention and keeps aggregates, payroll and every hash."""
import shutil

import duckdb

from conftest import HAND_SURVEYS


def test_doctor_is_quiet_on_a_healthy_warehouse_and_names_each_problem(run_cli, published_copy, tmp_path):
    inbox, _ = published_copy("none")
    assert run_cli("doctor", inbox=inbox)[0] == 0
    assert "agree" in run_cli.out

    (tmp_path / "out" / "2026-09" / "grid_scores.csv").write_text("edited", encoding="utf-8")
    blob = next((tmp_path / "archive" / "sha256").rglob("*"))
    while blob.is_dir():
        blob = next(blob.iterdir())
    blob.chmod(0o644)
    blob.unlink()
    code, _ = run_cli("doctor", inbox=inbox)
    assert code == 1
    assert "2026-09: grid_scores.csv does not match its manifest hash" in run_cli.out
    assert "archived input" in run_cli.out and "is missing" in run_cli.out
    # a file added to a published month, and a month's folder copied in (a fifty-fourth trial's doctor said "agree")
    (tmp_path / "out" / "2026-09" / "payroll_corrected.csv").write_text("W1,999", encoding="utf-8")
    shutil.copytree(tmp_path / "out" / "2026-09", tmp_path / "out" / "2026-10")
    assert run_cli("doctor", inbox=inbox)[0] == 1
    assert "2026-09: payroll_corrected.csv is not among the files the run published" in run_cli.out
    assert "2026-10: " in run_cli.out and "holds a published month this warehouse has no record of" in run_cli.out
    (tmp_path / "out" / "2026-11").mkdir()                    # a payroll put there by hand (trial 62: unnamed)
    (tmp_path / "out" / "2026-11" / "payroll.csv").write_text("W1,999", encoding="utf-8")
    assert run_cli("doctor", inbox=inbox)[0] == 1
    assert "2026-11: " in run_cli.out and "holds files but no manifest.json: no gridpay run published them" in run_cli.out


def test_purge_keeps_aggregates_and_hashes_and_audits_say_why_they_cannot_rerun(run_cli, make_inbox, tmp_path,
                                                                                  monkeypatch):
    august = [tuple(v.replace("2026-09", "2026-08") for v in row) for row in HAND_SURVEYS]
    inbox = make_inbox({"2026-08.csv": august, "2026-09.csv": HAND_SURVEYS})
    for month in ("2026-08", "2026-09"):
        assert run_cli("run", "--month", month, inbox=inbox)[0] == 0
    archived_before = sum(1 for p in (tmp_path / "archive").rglob("*") if p.is_file())
    # a month the retention keeps is not purged (trial 227's insider purged one three weeks old, unrecorded)
    code, err = run_cli("purge", "--before", "2026-09", inbox=inbox)
    assert code == 2 and "--before 2026-09 would purge months the retention keeps: GRIDPAY_RETENTION_MONTHS=24" in err

    monkeypatch.setenv("GRIDPAY_RETENTION_MONTHS", "1")       # said so on purpose
    assert run_cli("purge", "--before", "2026-09", inbox=inbox)[0] == 0
    assert "1 archived survey files removed" in run_cli.out
    assert sum(1 for p in (tmp_path / "archive").rglob("*") if p.is_file()) == archived_before - 1
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        by_month = dict(con.execute("select r.month, count(s.row_id) from runs r left join raw_surveys s "
                                    "using (run_id) group by r.month").fetchall())
        kept = con.execute("select count(*) from payroll p join runs r using (run_id) where r.month = '2026-08'").fetchone()[0]
        grids = con.execute("select count(*) from grid_scores where month = '2026-08'").fetchone()[0]
    assert by_month == {"2026-08": 0, "2026-09": 8}
    assert kept == 3 and grids == 2                     # W3 only starts in September

    code, err = run_cli("audit", "--month", "2026-08", inbox=inbox)
    assert code == 2 and "were purged on " in err and "(gridpay purge)" in err and "retention policy" not in err
    assert run_cli("history", "--month", "2026-08", inbox=inbox)[0] == 0
    assert "UTC (gridpay purge): 14 rows of its answers; the month can no longer be audited or corrected" in run_cli.out
    # September's thin grids pooled August's answers: neither its audit nor a re-run can read them now (a
    # fifty-fourth trial's re-run after a purge lost its pooled window, exit 0; its audit failed on 131 rows)
    code, err = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 2 and "its thin grids pool the answers of 2026-08, which were purged" in err
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 2
    assert run_cli("doctor", inbox=inbox)[0] == 0
