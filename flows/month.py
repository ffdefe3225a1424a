"""The monthly run as a Prefect flow: archive -> ingest -> validate (gate) -> load and score ->
publish. Tasks pass paths and month strings, never frames or connections, so that Prefect need
not hash or pickle them; each task opens what it needs. Only ingest is retried: it reads the inbox,
which may sit on a network share; a failed validation is an answer, not a hiccup."""
from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from gridpay.ingest.archive import archive_file, restore
from gridpay.core.errors import GateFailed
from gridpay.core.faults import fault_point
from gridpay.core.policy_file import load_policy
from gridpay.publishing.outputs import (GRID_COLUMNS, PAYROLL_COLUMNS, QUARANTINE_COLUMNS, csv_bytes, grid_rows,
                           output_hashes, payroll_rows, quarantine_rows, swap_into_place, write_file,
                           write_manifest)
from gridpay.publishing.reporting import render_reports
from gridpay.store.run_lock import warehouse_lock
from gridpay.store.runs import (check_not_finalized, close_interrupted, code_version, library_versions, new_run_id,
                        record_end, record_start)
from gridpay.core.secret_key import phone_key
from gridpay.ingest.staging import input_files, stage_inputs
from gridpay.expectations.validate import ValidationSummary, validate_staged
from gridpay.store.warehouse import connect, load_and_score, publish_pointer, store_validation


def _passing_io_error(task, task_run, state) -> bool:
    """Retry a read that failed for an I/O reason (a network share hiccup), not a bad file."""
    exc = state.result(raise_on_failure=False)
    return isinstance(exc, OSError)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5, retry_condition_fn=_passing_io_error)
def ingest(month: str, inbox: str, workdir: str, policy_path: str, key_file: str, archive: str,
           surveys: bool = True) -> list[dict]:
    """Archive the month's input files, then read the archived snapshot (never the live inbox);
    with `surveys` False the survey files are left for the partitioned path."""
    policy = load_policy(Path(policy_path))
    entries = [archive_file(p, Path(archive), str(p.relative_to(inbox))) for p in input_files(Path(inbox), month)]
    snapshot = Path(workdir) / "inbox"
    restore(entries, Path(archive), snapshot)
    stage_inputs(snapshot, month, policy, phone_key(Path(key_file)), Path(workdir), surveys)
    policy_entry = archive_file(Path(policy_path), Path(archive), "policy.toml")
    get_run_logger().info("archived and read %d input files for %s", len(entries), month)
    return [asdict(e) for e in entries] + [asdict(policy_entry)]


@task(cache_policy=NO_CACHE)
def validate(month: str, workdir: str, policy_path: str) -> ValidationSummary:
    summary = validate_staged(Path(workdir), month, load_policy(Path(policy_path)))
    get_run_logger().info("%d of %d survey rows invalid (%.1f%%, gate at %.0f%%)", summary.invalid_rows,
                          summary.total_rows, 100 * summary.invalid_share, 100 * summary.max_invalid_share)
    return summary


@task(cache_policy=NO_CACHE)
def load_and_score_task(run_id: str, month: str, workdir: str, db: str, policy_path: str,
                        summary: ValidationSummary) -> None:
    policy = load_policy(Path(policy_path))
    with connect(Path(db)) as con:
        con.execute("begin transaction")
        store_validation(con, run_id, month, summary.rules)
        load_and_score(con, run_id, month, Path(workdir), policy)
        con.execute("commit")


def _publish_artifacts(month: str, workers: list[dict], summary: ValidationSummary, quarantined: int,
                       target: Path) -> None:
    key = month.replace("_", "-")
    create_table_artifact(key=f"payroll-{key}", table=[
        {c: w[c] for c in ("worker_id", "name", "score", "coefficient", "performance_pay", "adjustment",
                           "total_pay", "flags")} for w in workers], description=f"gridpay payroll {month}")
    create_markdown_artifact(key=f"summary-{key}", markdown=(
        f"# gridpay {month}\n\n"
        f"- validation gate: **passed** ({summary.invalid_rows} of {summary.total_rows} rows invalid, "
        f"{summary.invalid_share:.1%}, limit {summary.max_invalid_share:.0%})\n"
        f"- rows quarantined (invalid or excluded by policy): {quarantined}\n"
        f"- workers paid: {len(workers)}\n"), description=f"gridpay summary {month}")
    create_link_artifact(key=f"scorecard-{key}", link=(target / "scorecard.html").as_uri(),
                         link_text=f"HR scorecard {month}")


@task(cache_policy=NO_CACHE)
def publish(run_id: str, month: str, db: str, out: str, inputs: list[dict], policy_path: str,
            summary: ValidationSummary, lang: str) -> list[dict]:
    """Write everything into a staging folder, then swap it into <out>/<month> and point the
    warehouse at this run. Returns the published files with their SHA-256."""
    policy = load_policy(Path(policy_path))
    target = Path(out) / month
    staging = Path(out) / f".staging-{run_id}"
    with connect(Path(db)) as con:
        workers = payroll_rows(con, run_id)
        quarantine = quarantine_rows(con, run_id)
        fault_point("publish_write")
        write_file(staging / "payroll.csv", csv_bytes(workers, PAYROLL_COLUMNS))
        write_file(staging / "grid_scores.csv", csv_bytes(grid_rows(con, run_id), GRID_COLUMNS))
        write_file(staging / "quarantine.csv", csv_bytes(quarantine, QUARANTINE_COLUMNS))
        render_reports(con, run_id, staging, policy, lang)
    write_manifest(staging, {
        "run_id": run_id, "month": month, "inputs": [i for i in inputs if i["name"] != "policy.toml"],
        "policy": {"file": Path(policy_path).name, "version": policy.version, "sha256": policy.sha256},
        "code_version": code_version(), "libraries": library_versions(),
        "validation": summary.as_dict(),
    })
    outputs = output_hashes(staging)
    fault_point("before_swap")
    swap_into_place(staging, target)
    with connect(Path(db)) as con:
        publish_pointer(con, month, run_id)
    _publish_artifacts(month, workers, summary, len(quarantine), target)
    get_run_logger().info("published %s", target)
    return outputs


def _gate_message(month: str, summary: ValidationSummary) -> str:
    top = sorted((r for r in summary.rules if r.failed_rows), key=lambda r: -r.failed_rows)[:3]
    reasons = "; ".join(f"{r.reason} ({r.failed_rows} rows)" for r in top)
    return (f"{month}: {summary.invalid_rows} of {summary.total_rows} survey rows are invalid "
            f"({summary.invalid_share:.1%} > {summary.max_invalid_share:.0%}); nothing published. "
            f"Top reasons: {reasons}")


@flow(name="gridpay-month", log_prints=True)
def run_month(month: str, inbox: str, out: str, db: str, policy: str, key_file: str, archive: str,
              lang: str = "zh", reason: str | None = None, lock_timeout_s: float = 300.0,
              dask_workers: int = 0) -> str:
    """Run one month end to end; returns the published folder. Raises GateFailed (exit 1) or
    ConfigError/InputError (exit 2); every outcome is recorded in the warehouse's runs table.
    With `dask_workers` > 0 the survey files are staged on a Dask cluster (flows/partitions.py)."""
    policy_obj = load_policy(Path(policy))
    with warehouse_lock(Path(db), f"gridpay run --month {month}", lock_timeout_s):
        if close_interrupted(Path(db)):
            get_run_logger().warning("recorded earlier interrupted runs as failed")
        kind = check_not_finalized(Path(db), month, reason)
        run_id = new_run_id(month)
        workdir = Path(out) / ".work" / run_id
        record_start(Path(db), run_id, month, policy_obj, kind, reason)
        inputs: list[dict] | None = None
        try:
            inputs = ingest(month, inbox, str(workdir), policy, key_file, archive, surveys=not dask_workers)
            if dask_workers:
                from gridpay.flows.partitions import stage_partitions, task_runner   # Dask loads only when asked for
                stage_partitions.with_options(task_runner=task_runner(dask_workers))(
                    month, str(workdir), policy, key_file)
            summary = validate(month, str(workdir), policy)
            if not summary.gate_passed:
                message = _gate_message(month, summary)
                with connect(Path(db)) as con:
                    store_validation(con, run_id, month, summary.rules)
                record_end(Path(db), run_id, "gate_failed", message, inputs, summary.as_dict())
                create_markdown_artifact(key=f"summary-{month}", markdown=f"# gridpay {month}\n\n"
                                         f"- validation gate: **failed**: {message}\n")
                raise GateFailed(message)
            load_and_score_task(run_id, month, str(workdir), db, policy, summary)
            outputs = publish(run_id, month, db, out, inputs, policy, summary, lang)
            record_end(Path(db), run_id, "published", "", inputs, summary.as_dict(), outputs)
            return str(Path(out) / month)
        except GateFailed:
            raise
        except BaseException as exc:
            record_end(Path(db), run_id, "failed", f"{type(exc).__name__}: {exc}", inputs)
            raise
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
            shutil.rmtree(Path(out) / f".staging-{run_id}", ignore_errors=True)
            if (Path(out) / ".work").is_dir() and not any((Path(out) / ".work").iterdir()):
                (Path(out) / ".work").rmdir()
