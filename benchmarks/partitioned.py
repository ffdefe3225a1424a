"""The partitioned path against one process, on a month of N district files (the demo's grids in
N blocks, each grid in one file), as `gridpay run --reports none` runs it without Prefect:

    .venv/bin/python benchmarks/partitioned.py --responses 1000000 --files 8 --workers 2 [--keep DIR]

Prints the wall time of each run and of its steps (gridpay's own lines), the CPU seconds spent in
this process (the driver, with the local cluster's scheduler) and in the worker processes, whether
the CSVs are byte-identical, and the processes left behind by the cluster (there must be none).
The cluster is started here and handed to the run as GRIDPAY_DASK_ADDRESS, so its start is not
the run's (a province's cluster is already running). Not a test: nothing here asserts a time."""
from __future__ import annotations

import argparse
import logging
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
OUTPUTS = ("payroll.csv", "payroll_detail.csv", "grid_scores.csv", "quarantine.csv", "review.csv")


def write_district_inbox(inbox: Path, responses: int, files: int = 4, seed: int = 7) -> int:
    """grids, workers, assignments and `files` survey CSVs (districts): the grids in area then id
    order, cut into `files` blocks, so that each grid is answered in one file."""
    tables = demo_tables(DemoScale(households=int(responses / 0.21), months=1, end_month=MONTH, seed=seed,
                                   grids=max(4, responses // 500)))
    (inbox / "surveys").mkdir(parents=True, exist_ok=True)
    for name in ("grids", "workers", "assignments"):
        tables[name].drop(columns=[c for c in ("area",) if name != "grids" and c in tables[name]]).to_csv(
            inbox / f"{name}.csv", index=False)
    grids = tables["grids"].sort_values(["area", "grid_id"]).reset_index(drop=True)
    grids["district"] = grids.index * files // len(grids)
    surveys = tables[f"surveys_{MONTH}"].merge(grids[["grid_id", "district"]], on="grid_id")
    for i in range(files):
        part = surveys[surveys["district"] == i].drop(columns=["district"])
        pacsv.write_csv(pa.Table.from_pandas(part.astype(str), preserve_index=False),
                        inbox / "surveys" / f"{MONTH}-{i:02d}.csv")
    return len(surveys)


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{time.strftime('%H:%M:%S')} {record.getMessage()}")


def timed_run(root: Path, inbox: Path, workers: int, client=None) -> float:
    settings = replace(settings_from_env(root), inbox=inbox, out=root / "out", db=root / "w.duckdb",
                       archive=root / "archive", logs=root / "logs")
    request = MonthRequest(MONTH, settings, reports="none", dask_workers=workers)
    lines = Lines()
    logging.getLogger("gridpay").addHandler(lines)
    logging.getLogger("gridpay").setLevel(logging.INFO)
    cpu = client.run(time.process_time) if client else {}
    started, driver = time.perf_counter(), time.process_time()
    try:
        run_month(request, stager=stager_for(workers))
    finally:
        logging.getLogger("gridpay").removeHandler(lines)
    wall, driver = time.perf_counter() - started, time.process_time() - driver
    on_workers = sum(t - cpu[w] for w, t in client.run(time.process_time).items() if w in cpu) if client else 0.0
    print(f"{'one process' if not workers else f'{workers} Dask workers'}: {wall:.1f} s wall; CPU {driver:.1f} s in "
          f"the driver, {on_workers:.1f} s in the workers ({on_workers / (driver + on_workers):.0%} on workers); "
          f"load average {os.getloadavg()[0]:.2f}; warehouse {(root / 'w.duckdb').stat().st_size / 2**20:.0f} MiB")
    for line in lines.lines:
        print("   ", line)
    return wall


def children() -> list[str]:
    """This process's live descendants (a cluster's workers or servers left running)."""
    out = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()   # after (comm)
                if int(stat[1]) == os.getpid():
                    out.append(Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")[:80])
            except OSError:
                continue
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=300_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--files", type=int, default=8, help="district files (default 8)")
    parser.add_argument("--only", choices=("single", "parted"), help="run one path only")
    parser.add_argument("--keep", type=Path, help="a folder to keep (and reuse) the inbox in")
    args = parser.parse_args()
    os.environ.setdefault("GRIDPAY_SECRET", "benchmark-secret")
    root = Path(tempfile.mkdtemp(prefix="gridpay-bench-"))
    inbox = (args.keep or root) / "inbox"
    if not inbox.is_dir():
        print(f"wrote {write_district_inbox(inbox, args.responses, args.files)} answers in {args.files} district files")
    try:
        if args.only != "parted":
            timed_run(root / "single", inbox, 0)
        if args.only != "single":
            started = time.perf_counter()
            with dask_client(args.workers) as (client, _):
                print(f"the local cluster's start: {time.perf_counter() - started:.1f} s")
                os.environ["GRIDPAY_DASK_ADDRESS"] = client.scheduler.address
                timed_run(root / "parted", inbox, args.workers, client)
                del os.environ["GRIDPAY_DASK_ADDRESS"]
        if not args.only:
            same = all((root / "single" / "out" / MONTH / n).read_bytes()
                       == (root / "parted" / "out" / MONTH / n).read_bytes() for n in OUTPUTS)
            print(f"CSVs byte-identical: {same}")
        time.sleep(1)
        print(f"processes left behind: {children() or 'none'}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
