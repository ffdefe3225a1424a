"""A month's run without Prefect: archive -> stage -> validate (gate) -> load and score ->
publish. The CLI, the audit and the benchmark call `run_month`; the Prefect flow (flows/month.py)
calls it too, handing in a `step` that runs each step as a task. Every outcome is recorded in
the warehouse's runs table; one plain line per step goes to the `gridpay` logger."""
from __future__ import annotations

import importlib
import logging
import shutil
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from gridpay.core import steps
from gridpay.core.context import MonthRequest, RunContext
from gridpay.core.errors import GateFailed
from gridpay.core.secret_key import ArchiveKeys, phone_key
from gridpay.expectations.results import ValidationSummary
from gridpay.ingest.survey_stage import held_stage, staged_counts
from gridpay.publishing.outputs import remove_stale_work
from gridpay.store.run_lock import warehouse_lock
from gridpay.transforms.policy import Policy
from gridpay.store.warehouse import connect, held_warehouse, store_validation
from gridpay.store.runs import (check_not_finalized, close_interrupted, new_run_id, record_end, record_policy,
                                record_start)

log = logging.getLogger("gridpay")

# step(name, function, *args, io=...) -> the function's result; `io` marks a step that reads
# files and may be retried on an I/O error (the Prefect flow retries those).
Step = Callable[..., Any]


def direct(name: str, fn: Callable, *args, io: bool = False):
    return fn(*args)


@dataclass(frozen=True)
class MonthResult:
    run_id: str
    folder: Path
    summary: ValidationSummary
    outputs: list[dict]
    workers: int
    policy: Policy              # as applied: parsed from the archived bytes


def _import_validation_meanwhile() -> None:
    """Import GX (~5 s on 2 cores, most of a small month's run or audit) on a thread while the run
    archives and reads its inputs: DuckDB releases the GIL as it reads, so the two overlap, and
    the validate step's own import waits for this one rather than starting again."""
    if "gridpay.expectations.validate" not in sys.modules:
        threading.Thread(target=importlib.import_module, args=("gridpay.expectations.validate",),
                         name="import-gx", daemon=True).start()


def _timed(step: Step, name: str, fn: Callable, *args, io: bool = False):
    started = time.monotonic()
    result = step(name, fn, *args, io=io)
    return result, time.monotonic() - started


def run_month(request: MonthRequest, step: Step = direct, kind: str | None = None) -> MonthResult:
    """Run one month end to end and publish it. Raises GateFailed (exit 1), ConfigError/InputError
    (exit 2) or the machine's error; the run's record says which."""
    s, month = request.settings, request.month
    # an audit's re-run says what it does as such (its "published" folder is a scratch copy)
    say = log.info if kind != "audit" else (lambda text, *args: log.info("audit re-run: " + text, *args))
    with warehouse_lock(s.db, f"gridpay {kind or 'run'} --month {month}", s.lock_timeout_s):
        with connect(s.db) as con:
            if close_interrupted(con):
                log.warning("recorded earlier interrupted runs as failed")
            if remove_stale_work(s.out):
                log.warning("removed work folders that interrupted runs left in %s", s.out)
            kind = kind or check_not_finalized(con, month, request.reason)
            run_id = new_run_id(month)
            record_start(con, run_id, month, kind, request.reason, request.log_file)
        ctx = None
        _import_validation_meanwhile()
        try:
            # an audit never makes an archive key: without the right one it stops (exit 2)
            keys = ArchiveKeys(s.archive_key_file, create=kind != "audit")
            inputs, seconds = _timed(step, "archive", steps.archive_inputs, request, keys, io=True)
            record_policy(s.db, run_id, inputs.policy)
            ctx = RunContext(request, run_id, inputs, phone_key(s.key_file), keys)
            # the stage file is opened a few times from here to the end of validation: its DuckDB
            # instance is built once and kept (it is the run's own file; scoring attaches it after)
            ctx.workdir.mkdir(parents=True, exist_ok=True)
            with held_stage(ctx.workdir):
                _, seconds_read = _timed(step, "stage", steps.stage, ctx, io=True)
                surveys = len(ctx.survey_sources())
                rows, aside = staged_counts(ctx.workdir)
                say("read %d input files (%d of them survey files) for %s in %.1f s: %d survey rows%s",
                    len(inputs.files), surveys, month, seconds + seconds_read, rows + sum(aside.values()),
                    f" ({rows} for {month}; set aside: {', '.join(_counted(n, what) for what, n in aside.items())})"
                    if aside else "")
                _say_unreadable_phones(say, ctx.workdir)
                if not surveys and not request.allow_empty:
                    raise _fail_gate(ctx, f"{month}: no survey file for the month in {s.inbox / 'surveys'} (looked "
                                          f"for {month}*.csv|.xls|.xlsx|.parquet and the folder {month}/); nothing "
                                          f"published. A month with no answers pays every worker at the neutral "
                                          f"coefficient: to publish it on purpose, run again with --allow-empty-month")
                summary, seconds = _timed(step, "validate", steps.validate, ctx)
                say("validated %d survey rows: %d invalid (%.1f%%, the gate stops above %.0f%%) in %.1f s",
                    summary.total_rows, summary.invalid_rows, 100 * summary.invalid_share,
                    100 * summary.max_invalid_share, seconds)
            if not summary.gate_passed:
                raise _fail_gate(ctx, _gate_message(ctx, summary), summary)
            with held_warehouse(s.db):
                (grids, workers), seconds = _timed(step, "score", steps.load_and_score_month, ctx, summary)
                say("scored %d grids and %d workers in %.1f s", grids, workers, seconds)
                outputs, seconds = _timed(step, "publish", steps.publish, ctx, summary)
            if kind == "audit":
                say("wrote the month's CSVs in the scratch copy in %.1f s", seconds)
            else:
                say("published %s: %d files in %.1f s", s.out / month, len(outputs), seconds)
            return MonthResult(run_id, s.out / month, summary, outputs, workers, ctx.policy)
        except GateFailed:
            raise
        except BaseException as exc:
            record_end(s.db, run_id, "failed", f"{type(exc).__name__}: {exc}",
                       ctx.inputs.entries() if ctx else None)
            raise
        finally:
            shutil.rmtree(s.out / ".work" / run_id, ignore_errors=True)
            shutil.rmtree(s.out / f".staging-{run_id}", ignore_errors=True)
            if (s.out / ".work").is_dir() and not any((s.out / ".work").iterdir()):
                (s.out / ".work").rmdir()


def _say_unreadable_phones(say: Callable, workdir: Path) -> None:
    phones = steps.unreadable_phone_count(workdir)
    if phones:
        say("%d phones unreadable: saved as numbers by Excel (like 1.39E+10); their answers count, "
            "but a worker's self-rating cannot be recognised on them", phones)


def _counted(n: int, what: str) -> str:
    return f"{n} {what.replace('rows', 'row', 1) if n == 1 else what}"


def _gate_message(ctx: RunContext, summary: ValidationSummary) -> str:
    folder = steps.write_rejected(ctx)
    return (f"{ctx.month}: {summary.invalid_rows} of {summary.total_rows} survey rows are invalid "
            f"({summary.invalid_share:.1%} > {summary.max_invalid_share:.0%}); nothing published. "
            f"Top reasons: {'; '.join(summary.top_reasons())}. Every invalid row, with the value and the reason: "
            f"{folder / 'quarantine.csv'}")


def _fail_gate(ctx: RunContext, message: str, summary: ValidationSummary | None = None) -> GateFailed:
    if summary is not None:
        with connect(ctx.settings.db) as con:
            store_validation(con, ctx.run_id, ctx.month, summary.rules)
    record_end(ctx.settings.db, ctx.run_id, "gate_failed", message, ctx.inputs.entries(),
               summary.as_dict() if summary else None)
    return GateFailed(message)
