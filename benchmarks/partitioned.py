"""The partitioned path against one process, on a month of four district files (the demo's four
areas), as `gridpay run --reports none` runs it without Prefect:

    .venv/bin/python benchmarks/partitioned.py --responses 300000 --workers 2 [--keep DIR]

Prints the wall time of each run, whether their CSVs are byte-identical, and the processes left
behind by the cluster (there must be none). Not a test: nothing here asserts a time."""
from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from gridpay.core.settings import settings_from_env
from gridpay.flows.commands import stager_for
from gridpay.flows.partitions import dask_client
from gridpay.flows.demo_data import DemoScale, demo_tables
from gridpay.pipeline.context import MonthRequest
from gridpay.pipeline.run import run_month

MONTH = "2026-10"
OUTPUTS = ("payroll.csv", "grid_scores.csv", "quarantine.csv")


def write_district_inbox(inbox: Path, responses: int, seed: int = 7) -> int:
    """grids, workers, assignments and one survey CSV per area (district) of the month."""
    tables = demo_tables(DemoScale(households=int(responses / 0.21), months=1, end_month=MONTH, seed=seed,
                                   grids=max(4, responses // 500)))
    (inbox / "surveys").mkdir(parents=True, exist_ok=True)
    for name in ("grids", "workers", "assignments"):
        tables[name].drop(columns=[c for c in ("area",) if name != "grids" and c in tables[name]]).to_csv(
            inbox / f"{name}.csv", index=False)
    surveys = tables[f"surveys_{MONTH}"].merge(tables["grids"][["grid_id", "area"]], on="grid_id")
    for i, area in enumerate(sorted(surveys["area"].unique())):
        part = surveys[surveys["area"] == area].drop(columns=["area"])
        pacsv.write_csv(pa.Table.from_pandas(part.astype(str), preserve_index=False),
                        inbox / "surveys" / f"{MONTH}-{i:02d}.csv")
    return len(surveys)


def timed_run(root: Path, inbox: Path, workers: int) -> float:
    settings = replace(settings_from_env(root), inbox=inbox, out=root / "out", db=root / "w.duckdb",
                       archive=root / "archive", logs=root / "logs")
    request = MonthRequest(MONTH, settings, reports="none", dask_workers=workers)
    started = time.perf_counter()
    run_month(request, stager=stager_for(workers))
    return time.perf_counter() - started


def children() -> list[str]:
    """This process's live descendants (a cluster's workers or servers left running)."""
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text().split()
                if int(stat[3]) == os.getpid():
                    out.append(Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")[:80])
            except OSError:
                continue
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=300_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="a folder to keep (and reuse) the inbox in")
    args = parser.parse_args()
    os.environ.setdefault("GRIDPAY_SECRET", "benchmark-secret")
    root = Path(tempfile.mkdtemp(prefix="gridpay-bench-"))
    inbox = (args.keep or root) / "inbox"
    if not inbox.is_dir():
        print(f"wrote {write_district_inbox(inbox, args.responses)} answers in 4 district files")
    try:
        single = timed_run(root / "single", inbox, 0)
        parted = timed_run(root / "parted", inbox, args.workers)
        same = all((root / "single" / "out" / MONTH / n).read_bytes() == (root / "parted" / "out" / MONTH / n).read_bytes()
                   for n in OUTPUTS)
        print(f"one process: {single:.1f} s; {args.workers} Dask workers: {parted:.1f} s; CSVs byte-identical: {same}")
        started = time.perf_counter()
        with dask_client(args.workers):
            pass
        print(f"of which the local cluster's start and stop alone: {time.perf_counter() - started:.1f} s")
        time.sleep(1)
        print(f"processes left behind: {children() or 'none'}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
