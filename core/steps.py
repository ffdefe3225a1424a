"""The steps of a month's run, each a plain function of the RunContext with typed inputs and
outputs. core/run.py calls them in order; the Prefect flow (flows/month.py) calls the same
functions as tasks. Each step opens what it needs; none reads the live inbox or policy again."""
from __future__ import annotations

import shutil
from pathlib import Path

from gridpay.core.context import ArchivedInputs, MonthRequest, RunContext
from gridpay.core.errors import ConfigError
from gridpay.core.faults import fault_point
from gridpay.core.policy_file import policy_from_bytes
from gridpay.core.secret_key import ArchiveKeys
from gridpay.expectations.results import ValidationSummary
from gridpay.ingest.archive import archive_file, archived, blob_bytes, open_blob
from gridpay.ingest.formats import Source
from gridpay.ingest.phones import stored_unreadable_phones
from gridpay.ingest.staging import input_files, stage_inputs
from gridpay.ingest.survey_stage import stage_connection, staged_counts
from gridpay.publishing.outputs import (GRID_COLUMNS, PAYROLL_COLUMNS, PAYROLL_DETAIL_COLUMNS, QUARANTINE_COLUMNS,
                                        REJECTED_COLUMNS, csv_bytes, grid_rows, output_hashes, payroll_detail_rows,
                                        payroll_rows, quarantine_rows, swap_into_place, write_file, write_manifest)
from gridpay.publishing.reporting import render_reports
from gridpay.store.runs import code_version, library_versions, mark_published
from gridpay.store.scoring import load_and_score
from gridpay.store.warehouse import connect, store_validation

POLICY_NAME = "policy.toml"


def archive_inputs(request: MonthRequest, keys: ArchiveKeys) -> ArchivedInputs:
    """Encrypt the month's inbox files and the policy into the archive (an audit: check the run's
    recorded copies instead) and parse the policy from the archived bytes, once."""
    s = request.settings
    if request.replay is not None:
        entries = archived(list(request.replay), s.archive, keys)
        files = tuple(e for e in entries if e.name != POLICY_NAME)
        policy_file = next((e for e in entries if e.name == POLICY_NAME), None)
        if policy_file is None:
            raise ConfigError(f"{request.month}: the run's record names no archived policy")
    else:
        files = tuple(archive_file(p, s.archive, p.relative_to(s.inbox).as_posix(), keys)
                      for p in input_files(s.inbox, request.month))
        if not s.policy.is_file():
            raise ConfigError(f"{s.policy}: policy file not found")
        policy_file = archive_file(s.policy, s.archive, POLICY_NAME, keys)
    fault_point("policy_archived")
    # the bytes applied are the archived ones, whatever happens to the live file from here on
    policy = policy_from_bytes(blob_bytes(s.archive, policy_file.sha256, keys), str(s.policy))
    return ArchivedInputs(files, policy_file, policy)


def stage(ctx: RunContext) -> None:
    """Read the archived inputs into the work folder (phones hashed, comments masked). Each input
    is decrypted into the private work folder, read, and its clear copy removed before the step
    ends (a killed run's copy goes with its work folder: the next run or `gridpay doctor`)."""
    dask = ctx.request.dask_workers
    try:
        sources = [Source(f.name, open_blob(ctx.settings.archive, f.sha256, ctx.archive_keys, ctx.opened_inputs))
                   for f in ctx.inputs.files]
        fault_point("inputs_opened")
        stage_inputs(sources, ctx.month, ctx.policy, ctx.key, ctx.workdir, surveys=not dask)
        if dask:     # Dask's task runner comes with Prefect; it loads only when asked for
            import pandas as pd

            from gridpay.flows.partitions import stage_partitions, task_runner
            from gridpay.ingest.staging import grid_names
            grids = grid_names(pd.read_parquet(ctx.workdir / "grids.parquet"))
            surveys = [src for src in sources if src.name.startswith("surveys/")]
            stage_partitions.with_options(task_runner=task_runner(dask))(
                surveys, str(ctx.workdir), ctx.policy, str(ctx.settings.key_file), ctx.month, grids)
    finally:
        shutil.rmtree(ctx.opened_inputs, ignore_errors=True)


def validate(ctx: RunContext) -> ValidationSummary:
    # GX loads here, not with the core: its import alone takes ~5 s, which a run stopped before
    # validating (waiting on the lock, a refused inbox) need not pay
    from gridpay.expectations.validate import validate_staged
    return validate_staged(ctx.workdir, ctx.month, ctx.policy)


def write_rejected(ctx: RunContext) -> Path:
    """A stopped month's invalid rows, each failed rule with its masked value, for HR to fix from."""
    from gridpay.expectations.validate import rejected_rows
    folder = rejected_folder(ctx.settings.out, ctx.month)
    write_file(folder / "quarantine.csv", csv_bytes(rejected_rows(ctx.workdir), REJECTED_COLUMNS))
    return folder


def rejected_folder(out: Path, month: str) -> Path:
    return out / f"{month}.rejected"


def load_and_score_month(ctx: RunContext, summary: ValidationSummary) -> tuple[int, int]:
    """One warehouse transaction: the run's inputs and results. Returns (grids, workers) scored."""
    with connect(ctx.settings.db) as con:
        con.execute("begin transaction")
        store_validation(con, ctx.run_id, ctx.month, summary.rules)
        # a month published empty on purpose pays everyone neutral: nothing pooled into it
        window = ctx.request.replay_window if ctx.survey_sources() else ()
        load_and_score(con, ctx.run_id, ctx.month, ctx.workdir, ctx.policy, None if window is None else list(window))
        con.execute("commit")
        return (con.execute("select count(*) from grid_scores where run_id = ?", [ctx.run_id]).fetchone()[0],
                con.execute("select count(*) from payroll where run_id = ?", [ctx.run_id]).fetchone()[0])


def publish(ctx: RunContext, summary: ValidationSummary) -> list[dict]:
    """Write everything into a staging folder, swap it into <out>/<month>, and in the same breath
    record the run as published: a run is published exactly when its folder was swapped in.
    Returns the published files with their SHA-256 (manifest.json last)."""
    staging, target = ctx.staging, ctx.settings.out / ctx.month
    with connect(ctx.settings.db) as con:
        fault_point("publish_write")
        write_file(staging / "payroll.csv", csv_bytes(payroll_rows(con, ctx.run_id), PAYROLL_COLUMNS))
        write_file(staging / "payroll_detail.csv",
                   csv_bytes(payroll_detail_rows(con, ctx.run_id), PAYROLL_DETAIL_COLUMNS))
        write_file(staging / "grid_scores.csv", csv_bytes(grid_rows(con, ctx.run_id), GRID_COLUMNS))
        write_file(staging / "quarantine.csv", csv_bytes(quarantine_rows(con, ctx.run_id), QUARANTINE_COLUMNS))
        render_reports(con, ctx.run_id, staging, ctx.policy, ctx.request.lang, ctx.request.reports,
                       empty_month=not ctx.survey_sources())
        window = [{"month": m, "run_id": r} for m, r in con.execute(
            "select month, window_run_id from run_windows where run_id = ? order by month", [ctx.run_id]).fetchall()]
    policy = ctx.policy
    write_manifest(staging, {
        "run_id": ctx.run_id, "month": ctx.month, "inputs": [f.as_dict() for f in ctx.inputs.files],
        "policy": {"file": ctx.settings.policy.name, "version": policy.version, "sha256": policy.sha256},
        "code_version": code_version(), "libraries": library_versions(),
        "validation": summary.as_dict(),
        "set_aside": staged_counts(ctx.workdir)[1],     # rows of other months, totals rows: read, not counted
        # rows whose phone Excel saved as a number (1.39056E+10): counted, with the phone unknown
        "phones_unreadable": unreadable_phone_count(ctx.workdir),
        "earlier_runs": window,       # the published runs of earlier months it read (pooling, rate trend)
    })
    outputs = output_hashes(staging) + output_hashes(staging, only="manifest.json")
    fault_point("before_swap")
    swap_into_place(staging, target)
    mark_published(ctx.settings.db, ctx.run_id, ctx.month, ctx.inputs.entries(), summary.as_dict(), outputs)
    shutil.rmtree(rejected_folder(ctx.settings.out, ctx.month), ignore_errors=True)
    return outputs


def unreadable_phone_count(workdir: Path) -> int:
    """Survey rows of the month's files whose phone Excel saved as a number (their phone is unknown)."""
    with stage_connection(workdir) as con:
        return stored_unreadable_phones(con)
