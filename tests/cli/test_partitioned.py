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

from gridpay.core.secret_key import key_fingerprint
from gridpay.flows.demo_data import DemoScale, demo_tables
from gridpay.ingest.partition import PartitionJob, RunKeys, worker_problem

MONTH = "2026-10"
OUTPUTS = ("payroll.csv", "grid_scores.csv", "quarantine.csv")


def _district_inbox(root: Path) -> Path:
    """The demo community with one survey file per area (district), in three formats, and one
    response_id used in two districts: only the writer, which sees the whole month, can catch it."""
    tables = demo_tables(DemoScale(households=1600, months=1, end_month=MONTH, seed=11, grids=8))
    inbox = root / "inbox"
    (inbox / "surveys").mkdir(parents=True)
    for name in ("grids", "workers", "assignments"):
        tables[name].to_csv(inbox / f"{name}.csv", index=False)
    surveys = tables[f"surveys_{MONTH}"].merge(tables["grids"][["grid_id", "area"]], on="grid_id")
    areas = sorted(surveys["area"].unique())
    assert len(areas) >= 3
    for i, area in enumerate(areas):
        frame = surveys[surveys["area"] == area].drop(columns=["area"]).reset_index(drop=True)
        if i == 1:
            frame.loc[0, "response_id"] = surveys.loc[surveys["area"] == areas[0], "response_id"].iloc[0]
        stem = inbox / "surveys" / f"{MONTH}-{i:02d}"
        if i % 3 == 0:
            frame.to_csv(f"{stem}.csv", index=False, encoding="utf-8")
        elif i % 3 == 1:
            frame.to_csv(f"{stem}.csv", index=False, encoding="gb18030")
        else:
            frame.astype("string").to_parquet(f"{stem}.parquet", index=False)
    return inbox


def _phones(inbox: Path) -> set[str]:
    frames = [pd.read_parquet(p) if p.suffix == ".parquet" else pd.read_csv(p, dtype=str, encoding="latin-1")
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
    assert run_cli("run", "--month", MONTH, inbox=inbox, out=single / "out", db=single / "w.duckdb",
                   policy=policy)[0] == 0
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
    for name in OUTPUTS:
        assert (parted / "out" / MONTH / name).read_bytes() == (single / "out" / MONTH / name).read_bytes(), name
    quarantine = (parted / "out" / MONTH / "quarantine.csv").read_text(encoding="utf-8-sig")
    assert quarantine.count("is used more than once") >= 2      # across two district files
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
    # the partitioned month replayed in one process (`audit --dask-workers 2`, a cluster's start more, is
    # left to docs/scale.md's manual check: the suite must stay short)
    code, err = run_cli("audit", "--month", MONTH, inbox=inbox, out=parted / "out", db=parted / "w.duckdb")
    assert code == 0 and "AUDIT PASSED" in run_cli.out and "re-ran in one process" in run_cli.out, run_cli.out + err


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


def test_a_worker_that_cannot_see_the_archive_says_what_must_be_shared(tmp_path):
    """Without a shared disk, one line says which folder the worker lacks and why it must share it."""
    keys = RunKeys(str(tmp_path / "k"), key_fingerprint(b"test-secret-not-for-production"), str(tmp_path / "a"), None)
    job = PartitionJob(str(tmp_path / "nowhere" / "archive"), str(tmp_path), None, MONTH, {}, keys)
    problem = worker_problem(job, "ab" * 32, "Dask worker tcp://10.0.0.2:4000 on node2")
    assert problem == (f"Dask worker tcp://10.0.0.2:4000 on node2: cannot see the run's archive {tmp_path}/nowhere/"
                       f"archive (No such file or directory); the archive and the work folder must be on a disk every "
                       f"worker shares, at the same paths (docs/scale.md, what every worker must share)")


def test_a_killed_workers_scratch_is_removed_by_the_next_task_on_its_machine(tmp_path, monkeypatch):
    """A worker killed mid-task leaves its decrypted district file in its scratch (its `finally`
    never runs): the next private scratch made on that machine removes it, never a live one's."""
    import fcntl
    from gridpay.core.layout import SCRATCH_ALIVE, private_scratch
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead, live = tmp_path / "gridpay-partition-dead", tmp_path / "gridpay-partition-live"
    for folder in (dead, live):
        folder.mkdir()
        (folder / SCRATCH_ALIVE).touch()
        (folder / "inputs").mkdir()
        (folder / "inputs" / "ab12").write_text("13912345678")
    with open(live / SCRATCH_ALIVE) as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with private_scratch("gridpay-partition-") as mine:
            assert mine.is_dir() and oct(mine.stat().st_mode & 0o777) == "0o700"
            assert not dead.exists() and (live / "inputs" / "ab12").is_file()
    assert not mine.exists()


def test_a_bad_row_found_on_a_worker_reaches_the_command_line_as_its_one_line():
    """Dask pickles a task's exception back to the driver: InputError must survive it whole."""
    import pickle
    from gridpay.core.errors import InputError
    error = pickle.loads(pickle.dumps(InputError("surveys/2026-10-01.csv", "is not a date", 7, "submitted_at")))
    assert isinstance(error, InputError) and (error.file, error.row, error.column) == ("surveys/2026-10-01.csv", 7,
                                                                                       "submitted_at")
    assert str(error) == "surveys/2026-10-01.csv, row 7, column 'submitted_at': is not a date"
