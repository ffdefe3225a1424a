"""A month's run without Prefect: archive -> stage -> validate (gate) -> load and score ->
publish. The CLI, the audit and the benchmark call `run_month`; the Prefect flow (flows/month.py)
calls it too, handing in a `step` that runs each step as a task. Every outcome is recorded in
the warehouse's runs table; one plain line per step goes to the `gridpay` logger."""
from __future__ import annotations

import getpass
import importlib
import logging
import shutil
import sys
import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from gridpay.pipeline import (gate_stops, later_targets, month_rules, phoneless_homes, publish_step, reference_drift,
                              rerun_gate, steps)
from gridpay.pipeline.context import MonthRequest, RunContext, SurveyStager
from gridpay.pipeline.download_columns import say_download_columns
from gridpay.pipeline.empty_month import empty_month_stop
from gridpay.pipeline.month_over import month_not_over
from gridpay.pipeline.download_dates import say_download_before_month_end
from gridpay.pipeline.other_months import say_other_months
from gridpay.pipeline.scored_month_lines import said_of_the_scored_month
from gridpay.pipeline.household_doubts import say_household_doubts
from gridpay.pipeline.policy_versions import check_policy_as_written, check_version_names_its_rules
from gridpay.pipeline.run_keys import run_keys
from gridpay.pipeline.month_gaps import gap_before
from gridpay.pipeline.run_notices import run_notices
from gridpay.pipeline.unread_earlier_answers import say_late_answers
from gridpay.pipeline.verdicts import counted, fail_gate, say_published, say_unreadable_phones
from gridpay.core.errors import ConfigError, GateFailed
from gridpay.core.secret_key import key_fingerprint
from gridpay.core.logs import note_in_log
from gridpay.expectations.results import ValidationSummary
from gridpay.ingest.survey_stage import held_stage, staged_counts
from gridpay.core.layout import publish_folder, remove_if_empty, work_folder
from gridpay.core.faults import fault_point
from gridpay.pipeline.maintenance import tidy_up
from gridpay.publishing.ownership import check_month_owned, check_out_folder_exists, check_out_not_shared
from gridpay.store.run_lock import HeldLock, warehouse_lock
from gridpay.transforms.policy import Policy
from gridpay.store.warehouse import HeldWarehouse, connect, held_warehouse
from gridpay.store.runs import check_not_finalized, new_run_id, record_end, record_policy, record_start

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


def run_month(request: MonthRequest, step: Step = direct, kind: str | None = None,
              stager: SurveyStager | None = None) -> MonthResult:
    """Run one month end to end and publish it. Raises GateFailed (exit 1), ConfigError/InputError
    (exit 2) or the machine's error; the run's record says which. `stager`: the shell's way of
    staging the survey files elsewhere (a Dask cluster for --dask-workers); None: in this process."""
    s, month = request.settings, request.month
    if request.dask_workers and stager is None:
        raise ConfigError("--dask-workers: this shell hands the pipeline no Dask stager")
    # an audit's re-run says what it does as such (its "published" folder is a scratch copy)
    say = log.info if kind != "audit" else (lambda text, *args: log.info("audit re-run: " + text, *args))
    if not s.db.exists():   # a month published by another warehouse: refused before a new one is made
        _check_out_owned(s, month, kind)
    with (warehouse_lock(s.db, f"gridpay {kind or 'run'} --month {month}", s.lock_timeout_s) as lock,
          run_notices() as notices,       # the console's warnings, listed on the scorecard too
          held_warehouse(s.db) as held):   # the run's ~40 reads of it share one instance
        (kind, run_id), ctx = _start(lock, request, kind), None
        _import_validation_meanwhile()
        try:
            key, keys = run_keys(s, kind, request.new_phone_key, month)     # made for a new warehouse only, else exit 2
            published = reference_drift.published_run(s.db, request, kind)
            request = reference_drift.with_published_reference(request, published)
            inputs, seconds = _timed(step, "archive", steps.archive_inputs, request, keys, io=True)
            record_policy(s.db, run_id, inputs.policy, key_fingerprint(key), request.output_format, inputs.entries())
            ctx = RunContext(request, run_id, inputs, key, keys, stager, notices=notices, published=published)
            if kind != "audit":       # one version, one set of rules (an audit replays its own)
                check_version_names_its_rules(s.db, s.archive, keys, inputs.policy, month)
                if all(e.name != steps.POLICY_NAME for e in request.reuse):     # today's policy, --take policy too:
                    check_policy_as_written(s, keys, inputs.policy_file.sha256, ctx.policy)   # trial 178's unread keys
            if published and request.reference == "published":
                reference_drift.say_left_as_published(published[1], request, keys, ctx.workdir)
            ctx, summary, aside, validated = _read_and_validate(step, ctx, say, seconds, held)
            _stop_before_scoring(ctx, published, summary)     # after validation: a broken file says so first
            scored, seconds = _timed(step, "score", steps.load_and_score_month, ctx, summary)
            say("%s; %s", validated, scored.counts_text())
            said_of_the_scored_month(ctx, summary, scored, aside, kind)
            say("scored %d grids%s and %d workers in %.1f s", scored.grids, scored.thin_text(), scored.workers, seconds)
            outputs, seconds = _timed(step, "publish", publish_step.publish, ctx, summary)
            if kind == "audit":
                say("wrote the month's CSVs in the scratch copy in %.1f s", seconds)
            else:
                say("published %s: %d files in %.1f s", s.out / month, len(outputs), seconds)
                say_published(s.db, month, run_id, published[0] if published else None, ctx.policy)
            lock.settled()
            return MonthResult(run_id, s.out / month, summary, outputs, scored.workers, ctx.policy)
        except GateFailed:
            lock.settled()
            raise
        except BaseException as exc:
            _record_failure(lock, s.db, run_id, exc, ctx)
            note_in_log(request.log_file, f"run {run_id} failed: {type(exc).__name__}: {exc}")
            raise
        finally:
            if stager is not None and hasattr(stager, "close"):     # a Dask cluster made for the run
                stager.close()
            shutil.rmtree(work_folder(s.out, run_id), ignore_errors=True)
            shutil.rmtree(publish_folder(s.out, run_id), ignore_errors=True)
            remove_if_empty(work_folder(s.out, run_id).parent)


def _stop_before_scoring(ctx: RunContext, published: tuple[str, tuple] | None, summary: ValidationSummary) -> None:
    """Stop a re-run on reference files or a policy changed since (reference_drift.py) or of another month (month_rules.py),
    a month after months never run here (month_gaps.py), one never published before a published one (later_targets.py)."""
    if published and ctx.request.reference is None:
        lines = reference_drift.drift(published[1], ctx.inputs, ctx.month, ctx.settings.archive, ctx.archive_keys,
                                       ctx.workdir)
        if lines:
            raise fail_gate(ctx, reference_drift.drift_message(ctx.month, published[0], lines), summary,
                            heading="stopped")
    if stop := gap_before(ctx) or later_targets.stop_message(ctx) or month_rules.other_rules_message(ctx, published):
        raise fail_gate(ctx, stop, summary, heading="stopped")


def _read_and_validate(step: Step, ctx: RunContext, say: Callable, seconds_archived: float, held: HeldWarehouse):
    """Stage the inputs and validate them (the warehouse let go meanwhile); stop at the gate. Returns (context with
    its partitioning, summary, the rows set aside, the validation's line)."""
    month = ctx.month
    # the stage file, opened a few times to the end of validation: one DuckDB instance kept (scoring attaches it after)
    if early := month_not_over(ctx):        # a month paid on half its answers
        raise fail_gate(ctx, early)
    ctx.workdir.mkdir(parents=True, exist_ok=True)
    with held_stage(ctx.workdir):
        with held.released():
            partitioning, seconds_read = _timed(step, "stage", steps.stage, ctx, io=True)
        masked = steps.settle_staged(ctx)       # grids.csv's other names of a grid; phones a platform masked
        ctx = replace(ctx, partitioning=partitioning)      # for the manifest
        surveys = len(ctx.survey_sources())
        rows, aside = staged_counts(ctx.workdir)
        say("read %d input files (%d of them survey files) for %s in %.1f s: %d survey rows%s",
            len(ctx.inputs.files), surveys, month, seconds_archived + seconds_read, rows + sum(aside.values()),
            f" ({rows} for {month}; set aside: {', '.join(counted(n, what) for what, n in aside.items())})"
            if aside else "")
        say_unreadable_phones(ctx.workdir, masked, not gate_stops.stops_on(ctx, "unreadable_phones"))
        say_download_columns(ctx)              # a phone or a duration no column gives: a rule sees nothing
        say_other_months(ctx)                  # files, rows and adjustments of another month: paid in no month
        say_late_answers(ctx)
        gate_stops.say_short_downloads(ctx)    # a download cut off on its way: fewer answers than its name says
        say_download_before_month_end(ctx)     # ... or made before the month ended
        phoneless_homes.say_self_rating_homes(ctx)       # her home answering with no phone: unchecked
        if empty := empty_month_stop(ctx, surveys, rows, aside):     # paid as if nobody had answered
            raise fail_gate(ctx, empty)
        with held.released():
            summary, seconds = _timed(step, "validate", steps.validate, ctx)
        say_household_doubts(ctx)       # a home counted twice (door numbers typed two ways): of valid doors only
        validated = (f"validated {summary.total_rows} survey rows: {summary.invalid_rows} invalid "
                     f"({summary.invalid_share:.1%}, the gate stops above {summary.max_invalid_share:.0%}) "
                     f"in {seconds:.1f} s")
        stop = gate_stops.first_stop(ctx, summary)
    if stop:
        if stop[0]:       # rows sharing ids are invalid by that rule: "114 invalid (83.8%)" read as a disaster
            say(validated)
        raise fail_gate(ctx, rerun_gate.gate_stop_of_a_re_run(ctx, stop[1]), summary)    # its reference files changed: said first
    return ctx, summary, aside, validated


def _check_out_owned(s, month: str, kind: str | None) -> None:
    """Before a new warehouse is made: the month's folder, and out/'s other months, another warehouse's."""
    check_month_owned(s.out / month, s.db, None)
    if kind != "audit":
        check_out_not_shared(s.out, month, s.db, None)


def _start(lock: HeldLock, request: MonthRequest, kind: str | None) -> tuple[str, str]:
    """Clear what interrupted commands left, then record the run's start. Returns (kind, run id)."""
    s, month = request.settings, request.month
    with connect(s.db) as con:
        tidy_up(con, s.db, s.out, lock.left_behind)
        kind = kind or check_not_finalized(con, month, request.reason)
        # checked here, before the run's heavy work, and again at the swap (pipeline/publish_step.py: publish)
        check_month_owned(s.out / month, s.db, con)
        if kind != "audit":                    # out/ of another warehouse's months: a stray --db; none: --out
            check_out_not_shared(s.out, month, s.db, con)
            check_out_folder_exists(s.out, month, con)
        run_id = new_run_id(month)
        # the lock file names the run until its record is closed: if the disk is too full to
        # write even its start or its end, the next command that takes the lock records it
        lock.note_run(run_id=run_id, month=month, kind=kind, reason=request.reason, user=getpass.getuser(),
                      started_at=f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S}",
                      log_file=str(request.log_file) if request.log_file else None)
        try:
            fault_point("record_start")
            record_start(con, run_id, month, kind, request.reason, request.log_file)
        except BaseException as exc:
            _unrecorded(lock, exc)
            raise
    return kind, run_id


def _record_failure(lock: HeldLock, db: Path, run_id: str, exc: BaseException, ctx: RunContext | None) -> None:
    try:
        fault_point("record_end")
        record_end(db, run_id, "failed", f"{type(exc).__name__}: {exc}", ctx.inputs.entries() if ctx else None)
        lock.settled()
    except Exception as during:  # noqa: BLE001 (a full disk: the run's own error is the one to tell)
        log.debug("could not record the run's end: %s", during)
        _unrecorded(lock, exc)


def _unrecorded(lock: HeldLock, exc: BaseException) -> None:
    """The run's record could not be written or closed: the lock file keeps its note, with the
    reason, for the next command to record; the command line says so (core/machine.py)."""
    lines = str(exc).strip().splitlines()
    lock.note_failure(f"{type(exc).__name__}: {lines[0] if lines else ''}")
    try:
        exc.gridpay_unrecorded = "noted" if lock.written else "lost"
    except (AttributeError, TypeError):   # an exception type without a __dict__
        pass
