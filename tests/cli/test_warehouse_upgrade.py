"""A warehouse written by an earlier gridpay opens and upgrades in place; a model whose key breaks stops the month."""
import gzip
import json
import shutil

import duckdb

from conftest import DATA
from gridpay.store.warehouse import MIGRATIONS, connect, migrate


def test_warehouse_of_the_previous_code_upgrades_in_place_and_keeps_its_runs(run_cli, make_inbox, tmp_path):
    db = tmp_path / "warehouse.duckdb"
    with gzip.open(DATA / "warehouse-29d43e6.duckdb.gz") as src, db.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    with connect(db) as con:
        versions = [v for (v,) in con.execute("select version from schema_migrations order by 1").fetchall()]
        columns = {c for (c,) in con.execute("select column_name from information_schema.columns "
                                             "where table_name in ('runs', 'grid_scores')").fetchall()}
        old_runs = con.execute("select count(*) from runs where status = 'published'").fetchone()[0]
        # migration 4: the old run's 38 answer rows are now on its survey rows, in its items' order
        answers = con.execute("select s.row_id, p.position, p.item, s.answers[p.position] from raw_surveys s "
                              "join policy_items p using (run_id) where s.answers[p.position] is not null "
                              "order by all").fetchall()
        tables = {t for (t,) in con.execute("select table_name from information_schema.tables").fetchall()}
    every = sorted(int(m.name[:4]) for m in MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.sql"))
    assert versions == every and every[:4] == [1, 2, 3, 4]
    assert {"log_file", "window_months", "window_responses", "accepted_exclusions"} <= columns and old_runs == 1
    assert len(answers) == 38 and answers[:2] == [(0, 1, "sat_environment", "5"), (0, 2, "sat_safety", "5")]
    assert "raw_answers" not in tables
    with connect(db) as con:          # opening it again applies nothing
        assert migrate(con) == []
    with connect(db) as con:          # the project's out/ beside it: a run refuses one without its months
        published = con.execute("select run_id from published where month = '2026-09'").fetchone()[0]
    (tmp_path / "out" / "2026-09").mkdir(parents=True)
    (tmp_path / "out" / "2026-09" / "manifest.json").write_text(json.dumps({"run_id": published}), encoding="utf-8")
    # its month was published on the policy of its day, whose archived copy this test does not have
    code, err = run_cli("run", "--month", "2026-09", "--reports", "none", inbox=make_inbox())
    assert code == 1 and "policy.toml differs from the copy archived when the month was published" in err
    assert run_cli("run", "--month", "2026-09", "--reports", "none", "--reference", "inbox", inbox=make_inbox())[0] == 0
    code, _ = run_cli("history", "--month", "2026-09", inbox=make_inbox())
    statuses = [line.split()[3] for line in run_cli.out.splitlines()[1:] if line.startswith("20")]
    assert code == 0 and statuses == ["replaced", "gate_failed", "published"], run_cli.out


def test_a_broken_grain_stops_the_month_naming_model_and_key(run_cli, make_inbox, monkeypatch, tmp_path):
    from gridpay.store import models
    real = models.key_problems
    monkeypatch.setattr(models, "key_problems", lambda con, model: real(con, model) or (
        [f"{model.name}: 1 rows repeat the key ({', '.join(model.key)})"] if model.name == "fct_quarantine" else []))
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox())
    assert code == 1
    assert "fct_quarantine: 1 rows repeat the key (source_file, row_number)" in err
    assert not (tmp_path / "out" / "2026-09").exists()
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from quarantine").fetchone()[0] == 0       # rolled back
