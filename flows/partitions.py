"""The partitioned path for a city or province: each district's survey file is staged on a Dask
cluster straight from the encrypted archive and handed back as Parquet; the one process that
writes the warehouse merges the parts and validates the month (a response_id may not repeat
across districts); then the workers run the month's per-row and per-grid models on their
partitions (store/partition_scoring.py) and the driver scores from grid-sized tables: the
shrinkage prior pools every grid and a neutral budget spans every worker, so the payroll is the
same as a single-process run's. Design notes: docs/scale.md.

The map runs on dask.distributed itself (client.map, client.gather), not as Prefect tasks on a
DaskTaskRunner, which started a temporary Prefect server in every worker process (5x slower on a
month of 300k answers, docs/performance.md). Under `--prefect` the stage is one task of the flow."""
from __future__ import annotations

import logging
import os
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Callable, Iterator

from gridpay.core.errors import ConfigError
from gridpay.ingest.partition import (Partition, PartitionJob, Partitioning, merge_partitions, stage_partition,
                                      worker_name, worker_problem)

DASK_ADDRESS = "GRIDPAY_DASK_ADDRESS"
WAIT_FOR_WORKERS_S = 60
log = logging.getLogger("gridpay")


def _quiet_distributed() -> None:
    """distributed puts console handlers on its loggers when imported: their lines go where the
    other libraries' go (the command's log file; the console too with --debug)."""
    for name in ("distributed", "distributed.client", "bokeh", "tornado", "tornado.application"):
        logger = logging.getLogger(name)
        for handler in [h for h in logger.handlers if not isinstance(h, logging.FileHandler)]:
            logger.removeHandler(handler)
        logger.propagate = True


@contextmanager
def dask_client(workers: int) -> Iterator[tuple["distributed.Client", str]]:  # noqa: F821
    """A client of the cluster at GRIDPAY_DASK_ADDRESS, else of a local cluster of `workers`
    processes (one thread each) that ends with the block, its worker processes with it."""
    from distributed import Client, LocalCluster
    _quiet_distributed()
    address = os.environ.get(DASK_ADDRESS)
    if not address:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            yield client, f"local cluster {cluster.scheduler_address}"
        return
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"{DASK_ADDRESS}={address}: no Dask scheduler answers there ({exc}): give the address the "
                          f"scheduler printed when it started (`Scheduler at: tcp://host:8786`; 8787 is its dashboard), "
                          f"or unset {DASK_ADDRESS} to run on a cluster of this machine made for the run") from None
    with client:
        try:
            client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS_S)
        except TimeoutError:
            raise ConfigError(f"{DASK_ADDRESS}={address}: the scheduler has no worker after "
                              f"{WAIT_FOR_WORKERS_S} s (start them with `dask worker {address}`)") from None
        yield client, address


def _stage_on_worker(part: Partition, job: PartitionJob) -> str:
    from distributed import get_worker
    return stage_partition(part, job, worker_name(get_worker().address))


def _check_on_worker(job: PartitionJob, sha256: str | None, dask_worker=None) -> str | None:
    return worker_problem(job, sha256, worker_name(dask_worker.address))


class DaskStager:
    """The pipeline's survey stager on a Dask cluster of `workers` processes (or the one at
    GRIDPAY_DASK_ADDRESS): the shell hands it to run_month for `--dask-workers N`. Every worker
    is checked first (the run's keys, the shared archive and work folder); any that fails stops
    the run before a row is read (exit 2), each named on the one line. The cluster stays up for
    the scoring step's rounds (`map`) and ends with the run (`close`, pipeline/run.py)."""

    def __init__(self, workers: int):
        self.workers = workers
        self._open: ExitStack | None = None
        self._client = None

    def _started(self):
        if self._client is None:
            self._open = ExitStack()
            self._client, self.scheduler = self._open.enter_context(dask_client(self.workers))
        return self._client

    def __call__(self, parts: list[Partition], job: PartitionJob) -> Partitioning:
        run_id = Path(job.workdir).name
        client = self._started()
        # a worker lost during the check is passed over: every task checks its worker again
        checks = client.run(_check_on_worker, job, parts[0].sha256 if parts else None, on_error="ignore")
        problems = [problem for _, problem in sorted(checks.items()) if problem]
        if problems:
            raise ConfigError("; ".join(problems))
        count = len(client.nthreads())
        futures = client.map(_stage_on_worker, parts, job=job, pure=False,
                             key=[f"gridpay-{run_id}-part-{p.index:04d}" for p in parts])
        paths = client.gather(futures)
        merged = merge_partitions(paths, Path(job.workdir))
        log.info("staged %d survey rows from %d survey files on %d Dask workers (%s)", merged.rows, len(parts), count,
                 self.scheduler)
        return Partitioning(len(parts), count, self.scheduler, tuple(paths), merged.first_rows, merged.shared_grid)

    def map(self, fn: Callable, tasks: list, **kwargs) -> list:
        """fn(task, **kwargs) for each task on the cluster; the results in task order."""
        client = self._started()
        return client.gather(client.map(fn, tasks, pure=False, **kwargs))

    def close(self) -> None:
        if self._open is not None:
            self._open.close()
            self._open = self._client = None


def dask_stager(workers: int) -> DaskStager:
    return DaskStager(workers)
