"""Issue 25 §5: a forgotten --db made a second warehouse that published over the first one's
month. A month folder is replaced only by a run of the warehouse that published it; `gridpay init`
writes gridpay.toml, found from any folder below it; `gridpay serve` pins its locations."""
import argparse
import json
import os
import shutil

import duckdb
import pytest

from conftest import build_inbox
from gridpay.core.errors import ConfigError
from gridpay.core.settings import DEFAULT_POLICY, find_project, settings_from_env
from gridpay.flows.cli import main as gridpay_main
from gridpay.flows.commands import settings_for
from gridpay.publishing.ownership import check_month_owned
from gridpay.store.warehouse import connect


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _runs(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select status from runs order by started_at").fetchall()


def test_a_second_warehouse_never_replaces_a_month_the_first_published(run_cli, make_inbox, tmp_path):
    inbox, first, second = make_inbox(), tmp_path / "real.duckdb", tmp_path / "warehouse" / "gridpay.duckdb"
    assert run_cli("run", "--month", "2026-09", inbox=inbox, db=first)[0] == 0
    month = tmp_path / "out" / "2026-09"
    manifest = json.loads((month / "manifest.json").read_text(encoding="utf-8"))
    with duckdb.connect(str(first), read_only=True) as con:
        (identity,) = con.execute("select warehouse_id from warehouse_identity").fetchone()
    assert manifest["warehouse"] == {"id": identity, "path": str(first), "out": str(tmp_path / "out")}
    published = _files(month)
    # the forgotten --db: a warehouse that does not exist yet is refused before it is made ...
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, db=second)
    assert code == 2 and f"published by run {manifest['run_id']} of the warehouse {first} (id {identity})" in err
    assert (f"not by the warehouse {second}; nothing is published over it. Run with that warehouse (--db, GRIDPAY_DB "
            f"or the warehouse of gridpay.toml); there is no warehouse at the path yet: if this is a restored project, "
            f"restore that warehouse too") in err                      # trial 110: not first "move the folder aside"
    assert not second.exists() and _files(month) == published
    # ... and one that exists, with runs of its own, stops before it starts a run
    assert run_cli("run", "--month", "2026-09", inbox=inbox, db=second, out=tmp_path / "elsewhere")[0] == 0
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, db=second)
    assert code == 2 and manifest["run_id"] in err and str(first) in err
    assert _files(month) == published and _runs(second) == [("published",)]
    # the month's own warehouse still re-runs it
    assert run_cli("run", "--month", "2026-09", inbox=inbox, db=first)[0] == 0
    assert json.loads((month / "manifest.json").read_text(encoding="utf-8"))["run_id"] != manifest["run_id"]


def test_a_second_warehouse_never_publishes_a_month_beside_the_first_s(run_cli, make_inbox, tmp_path):
    """A forty-sixth trial's stray --db (a new, empty warehouse) published November beside the project's
    earlier months: its thin grid pooled none of them, paid at neutral, 145.92 yuan, exit 0."""
    inbox, first, second = make_inbox(), tmp_path / "real.duckdb", tmp_path / "new.duckdb"
    assert run_cli("run", "--month", "2026-09", inbox=inbox, db=first)[0] == 0
    for db in (second, second):      # not there yet; then there, knowing another out folder's month
        code, err = run_cli("run", "--month", "2026-10", "--allow-empty-month", inbox=inbox, db=db)
        assert code == 2 and f"{tmp_path / 'out'} holds 2026-09, published by the warehouse {first}" in err, err
        assert not (tmp_path / "out" / "2026-10").exists()
        assert run_cli("run", "--month", "2026-09", inbox=inbox, db=second, out=tmp_path / "own")[0] == 0
    assert run_cli("run", "--month", "2026-10", "--allow-empty-month", inbox=inbox, db=first)[0] == 0


def test_a_stray_out_folder_never_publishes_a_month_apart_from_the_warehouse_s(run_cli, make_inbox, tmp_path):
    """A sixty-second trial's correction run from a subfolder with `--out out` published October into sub/out,
    exit 0, leaving the real out/2026-10 behind the warehouse's record."""
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", inbox=inbox)[0] == 0
    code, err = run_cli("run", "--month", "2026-09", "--reason", "x", inbox=inbox, out=tmp_path / "sub" / "out")
    assert code == 2 and (f"{tmp_path / 'sub' / 'out'} does not exist, and this warehouse has published 2026-09: a "
                          "month published here would stand apart from them. Restored from a backup? Restore out/ "
                          "with the warehouse") in err, err
    assert f"(mkdir -m 700 {tmp_path / 'sub' / 'out'})" in err      # private, as doctor wants it (trial 74)
    assert not (tmp_path / "sub" / "out").exists()
    # an out folder the office emptied on purpose (its months moved to an archive: a sixty-fourth trial) is its own
    (tmp_path / "archive-2026").mkdir()
    (tmp_path / "out" / "2026-09").rename(tmp_path / "archive-2026" / "2026-09")
    assert run_cli("run", "--month", "2026-10", "--allow-empty-month", inbox=inbox)[0] == 0


def test_the_swap_checks_again_what_another_warehouse_published_meanwhile(run_cli, make_inbox, tmp_path, monkeypatch):
    import gridpay.pipeline.steps as steps
    inbox = make_inbox()
    assert run_cli("run", "--month", "2026-09", inbox=inbox, db=tmp_path / "a.duckdb", out=tmp_path / "a")[0] == 0
    score = steps.load_and_score_month

    def and_meanwhile(ctx, summary):     # after the early check: another warehouse publishes the month
        shutil.copytree(tmp_path / "a" / "2026-09", tmp_path / "out" / "2026-09")
        return score(ctx, summary)
    monkeypatch.setattr(steps, "load_and_score_month", and_meanwhile)
    code, err = run_cli("run", "--month", "2026-09", inbox=inbox, db=tmp_path / "b.duckdb")
    assert code == 2 and f"of the warehouse {tmp_path / 'a.duckdb'}" in err
    assert _files(tmp_path / "out" / "2026-09") == _files(tmp_path / "a" / "2026-09")
    assert _runs(tmp_path / "b.duckdb") == [("failed",)]


def test_a_location_set_in_the_environment_over_the_project_file_is_said(tmp_path, monkeypatch, capsys):
    hr = tmp_path / "hr"
    assert gridpay_main(["init", str(hr), "--community", "天井湖社区"]) == 0
    monkeypatch.chdir(hr)
    monkeypatch.setenv("GRIDPAY_DB", str(tmp_path / "hr2" / "warehouse" / "gridpay.duckdb"))
    capsys.readouterr()
    gridpay_main(["history", "--month", "2026-09"])         # no warehouse there yet: said next, exit 2
    err = capsys.readouterr().err
    assert (f"GRIDPAY_DB={tmp_path / 'hr2' / 'warehouse' / 'gridpay.duckdb'} sets the warehouse, not "
            f"{hr / 'gridpay.toml'}'s {hr / 'warehouse' / 'gridpay.duckdb'} (unset it to use the project's)") in err
    monkeypatch.setenv("GRIDPAY_DB", "warehouse/gridpay.duckdb")        # the same file: nothing to say
    gridpay_main(["history", "--month", "2026-09"])
    assert "sets the" not in capsys.readouterr().err
    monkeypatch.setenv("GRIDPAY_ARCHIVE", str(tmp_path / "elsewhere"))    # trial 142: inputs stored away, no word
    gridpay_main(["history", "--month", "2026-09"])
    assert (f"GRIDPAY_ARCHIVE={tmp_path / 'elsewhere'} sets the archive of the inputs (an audit needs it), not "
            f"{hr / 'gridpay.toml'}'s {hr / 'warehouse' / 'archive'}") in capsys.readouterr().err


def test_a_folder_without_manifest_or_with_an_old_one_is_refused(tmp_path):
    month = tmp_path / "out" / "2026-09"
    with connect(tmp_path / "wh.duckdb") as con:
        check_month_owned(month, tmp_path / "wh.duckdb", con)        # not there: fine
        month.mkdir(parents=True)
        check_month_owned(month, tmp_path / "wh.duckdb", con)        # empty: fine
        (month / "payroll.csv").write_text("worker_id\n")
        with pytest.raises(ConfigError, match="holds files that no gridpay run published"):
            check_month_owned(month, tmp_path / "wh.duckdb", con)
        (month / "manifest.json").write_text(json.dumps({"run_id": "2026-09-old", "month": "2026-09"}))
        with pytest.raises(ConfigError, match="published by run 2026-09-old of an unknown warehouse"):
            check_month_owned(month, tmp_path / "wh.duckdb", con)


def _project(folder, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "gridpay.toml").write_text(text, encoding="utf-8")
    return folder / "gridpay.toml"


def test_init_then_run_from_a_subfolder_with_no_location_flags(tmp_path, monkeypatch, capsys):
    hr = tmp_path / "hr"
    assert gridpay_main(["init", str(hr), "--community", "天井湖社区"]) == 0
    assert "write them in policy.toml's [notice] contact" in capsys.readouterr().out      # trial 93: no contact
    for folder in ("", "inbox", "inbox/surveys", "out", "warehouse", "warehouse/archive", "warehouse/logs"):
        assert oct((hr / folder).stat().st_mode & 0o777) == "0o700", folder
    assert oct((hr / "gridpay.toml").stat().st_mode & 0o777) == "0o600"
    # a copy of the shipped rules to change, named only when the community changes them: unnamed,
    # runs use the shipped policy and the protections later versions add
    assert (hr / "policy.toml").read_bytes() == DEFAULT_POLICY.read_bytes()
    assert '# policy = "policy.toml"   # your own rules' in (hr / "gridpay.toml").read_text(encoding="utf-8")
    assert gridpay_main(["init", str(hr)]) == 2 and "already a gridpay project" in capsys.readouterr().err
    build_inbox(hr)
    (hr / "sub" / "deeper").mkdir(parents=True)
    monkeypatch.chdir(hr / "sub" / "deeper")
    assert gridpay_main(["run", "--month", "2026-09", "--reports", "none"]) == 0
    err = capsys.readouterr().err
    assert err.splitlines()[0] == f"gridpay: project file {hr / 'gridpay.toml'}"
    assert (hr / "out" / "2026-09" / "payroll.csv").is_file() and (hr / "warehouse" / "gridpay.duckdb").is_file()
    assert any((hr / "warehouse" / "archive").iterdir()) and any((hr / "warehouse" / "logs").iterdir())
    assert sorted(p.name for p in (hr / "sub").rglob("*")) == ["deeper"]      # nothing made where HR stood
    assert gridpay_main(["history", "--month", "2026-09"]) == 0 and "PUBLISHED" in capsys.readouterr().out
    assert gridpay_main(["doctor"]) == 0             # its first line names the project file, once
    said = capsys.readouterr()
    assert (said.out + said.err).count(str(hr / "gridpay.toml")) == 1, said


def test_arguments_over_environment_over_project_file_over_defaults(tmp_path, monkeypatch):
    project = _project(tmp_path / "hr", 'community = "天井湖社区"\ninbox = "data/inbox"\nwarehouse = "db/w.duckdb"\n'
                                        'out = "/srv/out"\nkey_file = "~/keys/phone.key"\n')
    (tmp_path / "hr" / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "hr" / "sub")
    assert find_project() == project
    s = settings_for(argparse.Namespace())
    hr = tmp_path / "hr"      # gridpay.toml's paths and the defaults: relative to its folder, not the current one
    assert (s.inbox, s.db, s.policy.name) == (hr / "data" / "inbox", hr / "db" / "w.duckdb", "default.toml")
    assert s.out.as_posix() == "/srv/out" and s.key_file == s.key_file.home() / "keys" / "phone.key"
    assert (s.archive, s.logs, s.community, s.project) == (hr / "db" / "archive", hr / "db" / "logs", "天井湖社区",
                                                           project)
    monkeypatch.setenv("GRIDPAY_INBOX", "envinbox")            # the environment, as typed: this folder
    monkeypatch.setenv("GRIDPAY_DB", "envdb/e.duckdb")
    s = settings_for(argparse.Namespace())
    assert (s.inbox, s.db, s.archive) == (hr / "sub" / "envinbox", hr / "sub" / "envdb" / "e.duckdb",
                                          hr / "sub" / "envdb" / "archive")
    s = settings_for(argparse.Namespace(inbox="arginbox", out="argout", db=None, policy=None))
    assert (s.inbox, s.out, s.db) == (hr / "sub" / "arginbox", hr / "sub" / "argout", hr / "sub" / "envdb" / "e.duckdb")


def test_a_project_file_names_key_files_never_keys(tmp_path, monkeypatch, capsys):
    _project(tmp_path, 'secret = "s3cr3t"\n')
    monkeypatch.chdir(tmp_path)
    assert gridpay_main(["history", "--month", "2026-09"]) == 2
    err = capsys.readouterr().err
    assert "gridpay.toml: unknown setting 'secret' (gridpay.toml names key files, never keys)" in err
    _project(tmp_path, 'warehose = "w.duckdb"\n')
    with pytest.raises(ConfigError, match="unknown setting 'warehose'; did you mean 'warehouse'"):
        settings_from_env(project=find_project())


@pytest.mark.xdist_group("prefect")
def test_serve_pins_its_locations_into_the_deployment(make_inbox, tmp_path, monkeypatch, prefect_server):
    """`gridpay serve --inbox inbox --out out --db wh.duckdb` typed in tmp_path; the run happens elsewhere."""
    from gridpay.flows.schedule import monthly, monthly_deployment
    make_inbox()
    monkeypatch.chdir(tmp_path)
    deployment = monthly_deployment(settings_for(argparse.Namespace(inbox="inbox", out="out", db="wh.duckdb",
                                                                    policy=None)))
    parameters = deployment.parameters
    assert {k: parameters[k] for k in ("inbox", "out", "db", "archive", "logs")} == {
        "inbox": str(tmp_path / "inbox"), "out": str(tmp_path / "out"), "db": str(tmp_path / "wh.duckdb"),
        "archive": str(tmp_path / "archive"), "logs": str(tmp_path / "logs")}
    assert all(os.path.isabs(v) for v in parameters.values())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("GRIDPAY_DB", "not-this.duckdb")        # the run's environment does not move them
    folder = monthly(month="2026-09", reports="none", **parameters)
    assert folder == str(tmp_path / "out" / "2026-09") and (tmp_path / "out" / "2026-09" / "payroll.csv").is_file()
    assert _runs(tmp_path / "wh.duckdb") == [("published",)] and list(elsewhere.iterdir()) == []
    # a scheduled run of a month published (one made up after a restart: trial 180) publishes nothing
    again = monthly(month="2026-09", reports="none", return_state=True, **parameters)
    assert again.is_completed() and "2026-09 is published already (run " in again.message, again.message
    assert _runs(tmp_path / "wh.duckdb") == [("published",)]


def test_a_run_in_a_folder_with_no_project_and_no_inbox_makes_nothing(tmp_path, monkeypatch, capsys):
    from gridpay.flows.cli import main
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--month", "2026-10"]) == 2
    err = capsys.readouterr().err
    assert "inbox folder does not exist (no gridpay.toml here or in a folder above" in err
    assert not (tmp_path / "warehouse").exists() and not (tmp_path / "out").exists()


def test_init_example_never_overwrites_an_inbox_file(tmp_path, capsys):
    (tmp_path / "hr" / "inbox").mkdir(parents=True)
    (tmp_path / "hr" / "inbox" / "grids.csv").write_text("grid_id\n", encoding="utf-8")
    assert gridpay_main(["init", str(tmp_path / "hr"), "--example"]) == 2
    assert "grids.csv is already there; nothing changed" in capsys.readouterr().err
    assert (tmp_path / "hr" / "inbox" / "grids.csv").read_text(encoding="utf-8") == "grid_id\n"
    assert not (tmp_path / "hr" / "gridpay.toml").exists() and not (tmp_path / "hr" / "inbox" / "workers.csv").exists()
