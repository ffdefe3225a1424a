"""The district-partitioned path on a real dask.distributed cluster (worker processes started
here): the same payroll as one process, each worker reading its own archived blob into private
scratch, workers whose keys are not the run's named and refused, the partitioning recorded."""
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pandas as pd

from gridpay.flows.demo_data import DemoScale, demo_tables

MONTH = "2026-10"
OUTPUTS = ("payroll.csv", "grid_scores.csv", "quarantine.csv")


def _district_inbox(root: Path) -> Path:
    """The demo community with one survey file per area (district), in three formats, and one
    response_id used in two districts: only the writer, which sees the whole month, can catch it.
    Speeders: two answers of 1 s in the first district; the last district answers slowly (4x),
    and three of its answers took half the month's median: speeders by their partition's median,
    not by the month's, which the rule names."""
    tables = demo_tables(DemoScale(households=1600, months=1, end_month=MONTH, seed=11, grids=8))
    inbox = root / "inbox"
    (inbox / "surveys").mkdir(parents=True)
    for name in ("grids", "workers", "assignments"):
        tables[name].to_csv(inbox / f"{name}.csv", index=False)
    surveys = tables[f"surveys_{MONTH}"].merge(tables["grids"][["grid_id", "area"]], on="grid_id")
    areas = sorted(surveys["area"].unique())
    assert len(areas) >= 3
    frames = [surveys[surveys["area"] == area].drop(columns=["area"]).reset_index(drop=True) for area in areas]
    frames[1].loc[0, "response_id"] = frames[0]["response_id"].iloc[0]
    frames[0].loc[:1, "duration_s"] = "1"
    frames[-1]["duration_s"] = (pd.to_numeric(frames[-1]["duration_s"]) * 4).astype(int).astype(str)
    median = pd.to_numeric(pd.concat(frames)["duration_s"]).median()
    frames[-1].loc[:2, "duration_s"] = str(int(median / 2))
    for i, frame in enumerate(frames):
        stem = inbox / "surveys" / f"{MONTH}-{i:02d}"
        if i % 3 == 0:
            frame.to_csv(f"{stem}.csv", index=False, encoding="utf-8")
        elif i % 3 == 1:
            frame.to_csv(f"{stem}.csv", index=False, encoding="gb18030")
        elif i == 2:        # a district's sheet typed by hand: reading it says its durations are not read
            frame.to_excel(f"{stem}.xlsx", index=False)
        else:
            frame.astype("string").to_parquet(f"{stem}.parquet", index=False)
    return inbox


def _phones(inbox: Path) -> set[str]:
    frames = [pd.read_parquet(p) if p.suffix == ".parquet" else pd.read_excel(p, dtype=str) if p.suffix == ".xlsx"
              else pd.read_csv(p, dtype=str, encoding="latin-1")
              for p in (inbox / "surveys").iterdir()]      # latin-1: phones are ASCII in UTF-8 and GB18030 alike
    phones = {p for f in frames for p in f["respondent_phone"].dropna() if len(p) == 11}
    assert len(phones) > 100
    return phones


def _files_with(root: Path, phones: set[str], skip: Path) -> list[str]:
    """Files under `root` (not under `skip`) holding any of `phones` in clear."""
    found = []
    for path in (p for p in root.rglob("*") if p.is_file() and skip not in p.parents):
        data = path.read_bytes()
        if any(phone.encode() in data for phone in phones):
            found.append(str(path))
    return found


def test_partitioned_month_is_the_single_process_month_and_keeps_phones_off_the_shared_disk(
        run_cli, make_policy, tmp_path, monkeypatch):
    inbox = _district_inbox(tmp_path)
    single, parted = tmp_path / "single", tmp_path / "parted"
    # the id two districts use quarantines both rows (the default policy stops the month on it)
    policy = make_policy(gate__response_ids_across_files='"quarantine"')
    code, alone = run_cli("run", "--month", MONTH, inbox=inbox, out=single / "out", db=single / "w.duckdb",
                          policy=policy)
    assert code == 0, alone
    # this process's private folders and the workers' scratch, where the test can look at them
    (tmp_path / "tmp").mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    import gridpay.pipeline.steps as steps
    opened = []
    real_open = steps.open_blob
    monkeypatch.setattr(steps, "open_blob", lambda archive, sha, *a: opened.append(sha) or real_open(archive, sha, *a))
    code, err = run_cli("run", "--month", MONTH, "--dask-workers", "2", inbox=inbox, out=parted / "out",
                        db=parted / "w.duckdb", policy=policy)
    assert code == 0, err
    _same_csvs(single, parted)
    # what reading a file says is said on the cluster too (trial 187: a sheet's unread durations, said nowhere)
    read_lines = [x for x in alone.splitlines() if x.startswith("gridpay: surveys/")]
    assert read_lines and [x for x in read_lines if x not in err] == [], (read_lines, err)
    quarantine = (parted / "out" / MONTH / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert quarantine.count("is used more than once") >= 2      # across two district files
    speeders = {tuple(line.split(",")[:2]) for line in quarantine.splitlines() if "excluded: speeder" in line}
    assert ("surveys/2026-10-00.csv", "3") in speeders            # row 2 is the repeated response_id: invalid
    assert not {("surveys/2026-10-03.csv", str(n)) for n in (2, 3, 4)} & speeders    # the month's median, not theirs
    assert "per-row and per-grid models on the Dask workers, 4 partitions" in err
    assert "prefect" not in err.lower() and "distributed" not in err
    assert "on 2 Dask workers (local cluster tcp://" in err
    # the survey files were never decrypted by this process (the work folder is the shared disk):
    # each worker opened its own blob in its own scratch, which is gone
    manifest = json.loads((parted / "out" / MONTH / "manifest.json").read_text(encoding="utf-8"))
    surveys = {e["sha256"] for e in manifest["inputs"] if e["name"].startswith("surveys/")}
    assert len(surveys) >= 3 and opened and not surveys & set(opened)
    assert not [p for p in (tmp_path / "tmp").iterdir() if p.name.startswith("gridpay-")]
    assert _files_with(tmp_path, _phones(inbox), skip=inbox) == []
    assert manifest["partitioning"]["partitions"] == len(surveys) and manifest["partitioning"]["workers"] == 2
    with duckdb.connect(str(parted / "w.duckdb"), read_only=True) as con:
        assert con.execute("select partitions, partition_workers from runs").fetchall() == [(len(surveys), 2)]
    assert run_cli("history", "--month", MONTH, inbox=inbox, out=parted / "out", db=parted / "w.duckdb")[0] == 0
    assert f"partitioned: {len(surveys)} survey files on 2 Dask workers (local cluster tcp://" in run_cli.out
    # the partitioned month replayed in one process (on the cluster: the next test)
    code, err = run_cli("audit", "--month", MONTH, inbox=inbox, out=parted / "out", db=parted / "w.duckdb")
    assert code == 0 and "AUDIT PASSED" in run_cli.out and "re-ran in one process under policy " in run_cli.out, run_cli.out + err


def _same_csvs(single: Path, parted: Path) -> None:
    csvs = sorted(p.name for p in (single / "out" / MONTH).glob("*.csv"))
    assert set(OUTPUTS) <= set(csvs)
    for name in csvs:
        assert (parted / "out" / MONTH / name).read_bytes() == (single / "out" / MONTH / name).read_bytes(), name


def test_policies_that_flag_speeders_or_span_districts_give_the_single_process_month(
        run_cli, make_policy, tmp_path, monkeypatch):
    """On a running cluster (GRIDPAY_DASK_ADDRESS, as in production): speeders flagged by the
    month's median of counted answers, on the workers; households month-wide, which ties districts
    together, scored by the driver, saying so in one line. The same CSVs as one process, both; the
    audit replays the partitioned month on the cluster."""
    from distributed import LocalCluster
    inbox = _district_inbox(tmp_path)
    # (the id two districts use is quarantined, as in the test above)
    policies = {"flag": (make_policy(integrity__speeder='"flag"', gate__response_ids_across_files='"quarantine"'), "on the Dask workers, 4 partitions"),
                "month": (make_policy(scoring__household_scope='"month"', gate__response_ids_across_files='"quarantine"'),
                          'scoring the month\'s answers in this process, not on the workers: scoring.household_scope '
                          '= "month": a household may answer in two districts')}
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        monkeypatch.setenv("GRIDPAY_DASK_ADDRESS", cluster.scheduler_address)
        for name, (policy, line) in policies.items():
            single, parted = tmp_path / f"{name}-single", tmp_path / f"{name}-parted"
            code, err = run_cli("run", "--month", MONTH, inbox=inbox, policy=policy, out=single / "out",
                                db=single / "w.duckdb")
            assert code == 0, err
            code, err = run_cli("run", "--month", MONTH, "--dask-workers", "2", inbox=inbox, policy=policy,
                                out=parted / "out", db=parted / "w.duckdb")
            assert code == 0 and line in err, err
            _same_csvs(single, parted)
        # the month replayed on the cluster: its rows compared with those the partitioned run stored
        code, err = run_cli("audit", "--month", MONTH, "--dask-workers", "2", inbox=inbox,
                            out=tmp_path / "flag-parted" / "out", db=tmp_path / "flag-parted" / "w.duckdb")
        assert code == 0 and "AUDIT PASSED" in run_cli.out and "re-ran on 2 Dask workers" in run_cli.out, err
    assert "speeder" in (tmp_path / "flag-single" / "out" / MONTH / "review.csv").read_text(encoding="utf-8-sig")


def _dask_worker(address: str, root: Path, env: dict) -> subprocess.Popen:
    """`dask worker` in a process of its own, as an operator starts one on another machine."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GRIDPAY_")} | env
    return subprocess.Popen([str(Path(sys.executable).with_name("dask")), "worker", address, "--nthreads", "1",
                             "--no-dashboard", "--no-nanny"], env=environment, cwd=root,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_workers_without_the_runs_key_stop_the_run_each_named(run_cli, make_inbox, tmp_path, monkeypatch):
    from distributed import Client, LocalCluster
    missing = tmp_path / "elsewhere" / "secret.key"
    with LocalCluster(n_workers=0, processes=True, dashboard_address=":0") as cluster:
        workers = [_dask_worker(cluster.scheduler_address, tmp_path, {"GRIDPAY_SECRET": "another-secret"}),
                   _dask_worker(cluster.scheduler_address, tmp_path, {"GRIDPAY_KEY_FILE": str(missing)})]
        try:
            with Client(cluster) as client:
                client.wait_for_workers(2, timeout=60)
                addresses = sorted(client.nthreads())
            monkeypatch.setenv("GRIDPAY_DASK_ADDRESS", cluster.scheduler_address)
            code, err = run_cli("run", "--month", "2026-09", "--dask-workers", "2", inbox=make_inbox())
        finally:
            for worker in workers:
                worker.terminate()
                worker.wait(timeout=30)
    assert code == 2, err
    line = next(ln for ln in err.splitlines() if "Dask worker" in ln)
    assert all(f"Dask worker {a} " in line for a in addresses), line
    assert "its phone-hash key (GRIDPAY_SECRET, fingerprint" in line and "is not the run's" in line
    assert f"no phone-hash key ({missing}: key file not found)" in line
    assert not missing.exists()                                   # a worker never makes a key
    assert not (tmp_path / "out" / "2026-09").exists()


class _InProcessStager:
    """The Dask stager's contract without a cluster: the same tasks, run here one after another
    (for the cases that need no scheduler: which path scores the month)."""
    def __call__(self, parts, job):
        from gridpay.ingest.partition import Partitioning, merge_partitions, stage_partition
        paths = [stage_partition(part, job, "this process") for part in parts]
        merged = merge_partitions(paths, Path(job.workdir))
        return Partitioning(len(parts), 1, "in process", tuple(paths), merged.first_rows, merged.shared_grid)

    def map(self, fn, tasks, **kwargs):
        return [fn(task, **kwargs) for task in tasks]


def test_a_grid_in_two_files_is_scored_by_the_driver_and_an_empty_file_is_an_empty_partition(
        run_cli, make_policy, tmp_path, monkeypatch):
    import gridpay.flows.commands as commands
    monkeypatch.setattr(commands, "stager_for", lambda workers: _InProcessStager() if workers else None)
    inbox = _district_inbox(tmp_path)
    policy = make_policy(gate__response_ids_across_files='"quarantine"')       # the id two districts use is quarantined
    files = sorted((inbox / "surveys").glob("*.csv"))
    first, kept = pd.read_csv(files[0], dtype=str), files[1].read_bytes()
    # one answer for a grid of the first file, a minute after its home's (the same answer under another id is a copy)
    moved = first.iloc[[5]].assign(response_id="R-moved-1", submitted_at=lambda f: (
        pd.to_datetime(f["submitted_at"]) + pd.Timedelta(minutes=1)).dt.strftime("%Y-%m-%d %H:%M:%S"))
    pd.concat([pd.read_csv(files[1], dtype=str, encoding="gb18030"), moved]).to_csv(files[1], index=False,
                                                                                    encoding="gb18030")
    for step in ("shared grid", "empty file"):
        if step == "empty file":
            files[1].write_bytes(kept)
            first.iloc[:0].to_csv(inbox / "surveys" / f"{MONTH}-01a.csv", index=False)     # the header alone
        single, parted = tmp_path / step / "single", tmp_path / step / "parted"
        code, err = run_cli("run", "--month", MONTH, inbox=inbox, out=single / "out", db=single / "w.duckdb",
                            policy=policy)
        assert code == 0, err
        code, err = run_cli("run", "--month", MONTH, "--dask-workers", "1", inbox=inbox, out=parted / "out",
                            db=parted / "w.duckdb", policy=policy)
        assert code == 0, err
        expected = (f"grid {moved['grid_id'].iloc[0]} is answered in more than one survey file" if step == "shared grid"
                    else "per-row and per-grid models on the Dask workers, 5 partitions")
        assert expected in err, err
        _same_csvs(single, parted)
