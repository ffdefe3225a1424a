"""The monthly run as a Prefect flow: ingest -> validate (gate) -> load and score -> publish.

Tasks pass paths and month strings, never frames or connections, so that Prefect need not hash
or pickle them; each task opens what it needs."""
from __future__ import annotations

import shutil
from dataclasses import asdict
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.errors import GateFailed
from flows.policy_file import load_policy
from flows.publish import (GRID_COLUMNS, PAYROLL_COLUMNS, QUARANTINE_COLUMNS, csv_bytes, grid_rows,
                           payroll_rows, quarantine_rows, swap_into_place, write_file, write_manifest)
from flows.reporting import render_reports
from flows.runs import code_version, library_versions, new_run_id, record_end, record_start
from flows.secret_key import phone_key
from flows.staging import stage_inputs
from flows.validation import ValidationSummary, validate_staged
from flows.warehouse import connect, load_and_score, publish_pointer, store_validation


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=5)
def ingest(month: str, inbox: str, workdir: str, policy_path: str, key_file: str) -> list[dict]:
    """Retried: the inbox may sit on a network share that hiccups."""
    policy = load_policy(Path(policy_path))
    files = stage_inputs(Path(inbox), month, policy, phone_key(Path(key_file)), Path(workdir))
    get_run_logger().info("read %d input files for %s", len(files), month)
    return [asdict(f) for f in files]


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


@task(cache_policy=NO_CACHE)
def publish(run_id: str, month: str, db: str, out: str, inputs: list[dict], policy_path: str,
            summary: ValidationSummary, lang: str) -> str:
    policy = load_policy(Path(policy_path))
    target = Path(out) / month
    staging = Path(out) / f".staging-{run_id}"
    with connect(Path(db)) as con:
        write_file(staging / "payroll.csv", csv_bytes(payroll_rows(con, run_id), PAYROLL_COLUMNS))
        write_file(staging / "grid_scores.csv", csv_bytes(grid_rows(con, run_id), GRID_COLUMNS))
        write_file(staging / "quarantine.csv", csv_bytes(quarantine_rows(con, run_id), QUARANTINE_COLUMNS))
        render_reports(con, run_id, staging, policy, lang)
    write_manifest(staging, {
        "run_id": run_id, "month": month, "inputs": inputs,
        "policy": {"file": Path(policy_path).name, "version": policy.version, "sha256": policy.sha256},
        "code_version": code_version(), "libraries": library_versions(),
        "validation": summary.as_dict(),
    })
    swap_into_place(staging, target)
    with connect(Path(db)) as con:
        publish_pointer(con, month, run_id)
    get_run_logger().info("published %s", target)
    return str(target)


@flow(name="gridpay-month", log_prints=True)
def run_month(month: str, inbox: str, out: str, db: str, policy: str, key_file: str,
              lang: str = "zh") -> str:
    """Run one month end to end; returns the published folder. Raises GateFailed (exit 1) or
    ConfigError/InputError (exit 2); every outcome is recorded in the warehouse's runs table."""
    policy_obj = load_policy(Path(policy))
    run_id = new_run_id(month)
    workdir = Path(out) / ".work" / run_id
    record_start(Path(db), run_id, month, policy_obj)
    inputs: list[dict] | None = None
    try:
        inputs = ingest(month, inbox, str(workdir), policy, key_file)
        summary = validate(month, str(workdir), policy)
        if not summary.gate_passed:
            top = sorted((r for r in summary.rules if r.failed_rows), key=lambda r: -r.failed_rows)[:3]
            reasons = "; ".join(f"{r.reason} ({r.failed_rows} rows)" for r in top)
            message = (f"{month}: {summary.invalid_rows} of {summary.total_rows} survey rows are invalid "
                       f"({summary.invalid_share:.1%} > {summary.max_invalid_share:.0%}); nothing published. "
                       f"Top reasons: {reasons}")
            with connect(Path(db)) as con:
                store_validation(con, run_id, month, summary.rules)
            record_end(Path(db), run_id, "gate_failed", message, inputs, summary.as_dict())
            raise GateFailed(message)
        load_and_score_task(run_id, month, str(workdir), db, policy, summary)
        target = publish(run_id, month, db, out, inputs, policy, summary, lang)
        record_end(Path(db), run_id, "published", "", inputs, summary.as_dict())
        return target
    except GateFailed:
        raise
    except Exception as exc:
        record_end(Path(db), run_id, "failed", f"{type(exc).__name__}: {exc}", inputs)
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(Path(out) / f".staging-{run_id}", ignore_errors=True)
