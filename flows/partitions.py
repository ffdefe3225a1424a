"""The partitioned path for a city or province: each district's survey file is read, hashed and
normalised on a Dask cluster (the map, where the time goes), handed back as Parquet, and merged
by the one process that writes the warehouse (the reduce). Validation, which must see the whole
month (a response_id may not repeat across districts), scoring, which pools every grid for the
shrinkage prior, and pay, whose budget spans every worker, all stay in that one writer, so the
payroll is the same as a single-process run's. Design notes: docs/scale.md."""
from __future__ import annotations

import os
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect_dask import DaskTaskRunner

from gridpay.core.secret_key import phone_key
from gridpay.ingest.formats import Source
from gridpay.ingest.survey_files import survey_reading
from gridpay.ingest.duckdb_reader import sql_text
from gridpay.ingest.survey_stage import stage_connection, stage_surveys
from gridpay.transforms.policy import Policy

DASK_ADDRESS = "GRIDPAY_DASK_ADDRESS"


@task(cache_policy=NO_CACHE)
def stage_partition(index: int, source: Source, workdir: str, policy: Policy, key_file: str, month: str,
                    grids: dict[str, str]) -> str:
    """One district's file -> Parquet of its normalised rows (row_id local to the file) and of what
    it set aside. The key is read from its file on the worker: a key passed as a parameter would
    reach Prefect's records."""
    part = Path(workdir) / f"part-{index:04d}"
    stage_surveys([source], survey_reading(policy), phone_key(Path(key_file)), part, month, grids)
    target = part / "surveys.parquet"
    with stage_connection(part) as con:
        con.execute("copy surveys to ? (format parquet)", [str(target)])
        con.execute("copy set_aside to ? (format parquet)", [str(part / "set_aside.parquet")])
        con.execute("copy unreadable_phones to ? (format parquet)", [str(part / "unreadable_phones.parquet")])
    return str(target)


def merge_partitions(parts: list[str], workdir: Path) -> int:
    """The stage file's `surveys` table: each part's rows after the parts before it (they come
    in file order), so `row_id` rises in file then row order as in the single-process path,
    without sorting the month."""
    sources = " union all ".join(f"select {i} as part, * from read_parquet({sql_text(p)})" for i, p in enumerate(parts))
    with stage_connection(workdir) as con:
        con.execute(f"""
            create or replace table surveys as
            with parts as ({sources}),
            sizes as (select part, max(row_id) + 1 as size from parts group by part),
            offsets as (select part, sum(size) over (order by part) - size as start from sizes)
            select (o.start + p.row_id)::integer as row_id, p.* exclude (row_id, part)
            from parts as p join offsets as o using (part)""")
        for table in ("set_aside", "unreadable_phones"):
            files = [str(Path(p).with_name(f"{table}.parquet")) for p in parts]
            con.execute(f"create or replace table {table} as select * from read_parquet({sql_text(files[0])})"
                        + "".join(f" union all select * from read_parquet({sql_text(f)})" for f in files[1:]))
        return con.execute("select count(*) from surveys").fetchone()[0]


def task_runner(workers: int) -> DaskTaskRunner:
    """A Dask cluster at GRIDPAY_DASK_ADDRESS if set, else a local one with `workers` processes."""
    address = os.environ.get(DASK_ADDRESS)
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                          "dashboard_address": ":0"})


@flow(name="gridpay-stage-partitions")
def stage_partitions(files: list[Source], workdir: str, policy: Policy, key_file: str, month: str,
                     grids: dict[str, str]) -> int:
    futures = stage_partition.map(range(len(files)), files, unmapped(workdir), unmapped(policy), unmapped(key_file),
                                  unmapped(month), unmapped(grids))
    parts = [f.result() for f in futures]
    if not parts:      # no survey file: the single-process stage builds the empty table
        return stage_surveys([], survey_reading(policy), phone_key(Path(key_file)), Path(workdir), month, grids)
    rows = merge_partitions(parts, Path(workdir))
    get_run_logger().info("staged %d survey rows from %d district files on Dask", rows, len(parts))
    return rows


def dask_stager(workers: int):
    """The pipeline's survey stager on a Dask cluster of `workers` processes (or the one at
    GRIDPAY_DASK_ADDRESS): the shell hands it to run_month for `--dask-workers N`."""
    def stage(surveys: list[Source], workdir: Path, policy: Policy, key_file: Path, month: str,
              grids: dict[str, str]) -> None:
        stage_partitions.with_options(task_runner=task_runner(workers))(
            surveys, str(workdir), policy, str(key_file), month, grids)
    return stage
