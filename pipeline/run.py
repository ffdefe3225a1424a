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

from gridpay.pipeline import steps
from gridpay.pipeline.context import MonthRequest, RunContext, SurveyStager
from gridpay.core.errors import ConfigError, GateFailed
from gridpay.core.secret_key import ArchiveKeys, key_fingerprint, phone_key
from gridpay.core.logs import note_in_log
from gridpay.core.month import Month
from gridpay.expectations.results import ValidationSummary
from gridpay.ingest.survey_stage import held_stage, staged_counts
from gridpay.core.layout import publish_folder, work_folder
from gridpay.core.faults import fault_point
from gridpay.pipeline.maintenance import tidy_up
from gridpay.publishing.ownership import check_month_owned
from gridpay.store.run_lock import HeldLock, warehouse_lock
from gridpay.transforms.policy import Policy
from gridpay.store.warehouse import connect, held_warehouse, store_validation
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
        check_month_owned(s.out / month, s.db, None)
    with warehouse_lock(s.db, f"gridpay {kind or 'run'} --month {month}", s.lock_timeout_s) as lock:
        kind, run_id = _start(lock, request, kind)
        ctx = None
        _import_validation_meanwhile()
        try:
            # an audit never makes an archive key: without the right one it stops (exit 2)
            keys = ArchiveKeys(s.archive_key_file, create=kind != "audit")
            inputs, seconds = _timed(step, "archive", steps.archive_inputs, request, keys, io=True)
            key = phone_key(s.key_file)
            record_policy(s.db, run_id, inputs.policy, key_fingerprint(key), request.output_format)
            ctx = RunContext(request, run_id, inputs, key, keys, stager)
            # the stage file is opened a few times from here to the end of validation: its DuckDB
            # instance is built once and kept (it is the run's own file; scoring attaches it after)
            ctx.workdir.mkdir(parents=True, exist_ok=True)
            with held_stage(ctx.workdir):
                partitioning, seconds_read = _timed(step, "stage", steps.stage, ctx, io=True)
                ctx = replace(ctx, partitioning=partitioning)      # for the manifest
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
                validated = (f"validated {summary.total_rows} survey rows: {summary.invalid_rows} invalid "
                             f"({summary.invalid_share:.1%}, the gate stops above {summary.max_invalid_share:.0%}) "
                             f"in {seconds:.1f} s")
                unknown = steps.unknown_grids(ctx)
                reviews = steps.review_problems(ctx) if summary.gate_passed and not unknown else []
            if not summary.gate_passed or unknown:
                say(validated)
                raise _fail_gate(ctx, _gate_message(ctx, summary, unknown), summary)
            if reviews:            # HR's own decisions: one ignored would pay wrongly
                say(validated)
                raise _fail_gate(ctx, f"{month}: the appeals or verification calls break {len(reviews)} "
                                      f"rule{'s' if len(reviews) > 1 else ''}; nothing "
                                      f"published. {'; '.join(reviews[:10])}" + (" ..." if len(reviews) > 10 else ""),
                                 summary)
            with held_warehouse(s.db):
                scored, seconds = _timed(step, "score", steps.load_and_score_month, ctx, summary)
                say("%s; %s", validated, scored.counts_text())
                _check_outcome(ctx, summary, scored)
                _say_unrun_months(ctx, aside)
                say("scored %d grids and %d workers in %.1f s", scored.grids, scored.workers, seconds)
                outputs, seconds = _timed(step, "publish", steps.publish, ctx, summary)
            if kind == "audit":
                say("wrote the month's CSVs in the scratch copy in %.1f s", seconds)
            else:
                say("published %s: %d files in %.1f s", s.out / month, len(outputs), seconds)
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
            shutil.rmtree(work_folder(s.out, run_id), ignore_errors=True)
            shutil.rmtree(publish_folder(s.out, run_id), ignore_errors=True)
            if (s.out / ".work").is_dir() and not any((s.out / ".work").iterdir()):
                (s.out / ".work").rmdir()


def _start(lock: HeldLock, request: MonthRequest, kind: str | None) -> tuple[str, str]:
    """Clear what interrupted commands left, then record the run's start. Returns (kind, run id)."""
    s, month = request.settings, request.month
    with connect(s.db) as con:
        tidy_up(con, s.db, s.out, lock.left_behind)
        kind = kind or check_not_finalized(con, month, request.reason)
        # checked here, before the run's heavy work, and again at the swap (pipeline/steps.py: publish)
        check_month_owned(s.out / month, s.db, con)
        if kind == "run":
            _say_replacing(con, month)
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


def _say_unrun_months(ctx: RunContext, aside: dict[str, int]) -> None:
    """A download that holds answers of earlier months this warehouse never published, while a grid of
    this month is thin: pooling reads only published months, so those answers could have scored it."""
    rules = ctx.policy.scoring
    if rules.insufficient != "pool" or rules.pool_months is None:
        return
    first = str(Month.parse(ctx.month).plus(1 - rules.pool_months))
    earlier = {what.removeprefix("rows of "): n for what, n in aside.items()
               if what.startswith("rows of ") and first <= what.removeprefix("rows of ") < ctx.month}
    with connect(ctx.settings.db) as con:
        published = {m for (m,) in con.execute("select month from published").fetchall()}
        thin = con.execute("select count(*) from grid_scores where run_id = ? and responses < ?",
                           [ctx.run_id, rules.min_responses]).fetchone()[0]
    unrun = {m: n for m, n in earlier.items() if m not in published}
    if unrun and thin:
        log.warning("the survey files hold %s of %s, not published in this warehouse, while %d grids have fewer than "
                    "%d answers: thin grids pool only published months, so run %s first (gridpay run --month %s), "
                    "then this month again", ", ".join(f"{n} rows" for n in unrun.values()), ", ".join(unrun), thin,
                    rules.min_responses, ", ".join(unrun), min(unrun))


def _say_replacing(con, month: str) -> None:
    """A month re-run while it is published (not final): say so, for a copy of the earlier run's
    scorecard may already be printed or signed, and its run id will no longer be the month's."""
    row = con.execute("select p.run_id, r.finished_at from published p join runs r using (run_id) where p.month = ?",
                      [month]).fetchone()
    if row is not None:
        log.warning("%s is published (run %s, %s UTC): this run replaces it when it publishes; a printed or signed "
                    "scorecard of run %s then no longer matches the month (gridpay history lists both)",
                    month, row[0], f"{row[1]:%Y-%m-%d %H:%M}", row[0])


def _say_unreadable_phones(say: Callable, workdir: Path) -> None:
    phones = steps.unreadable_phone_count(workdir)
    if phones:
        say("%d phones unreadable: saved as numbers by Excel (like 1.39E+10); their answers count, "
            "but a worker's self-rating cannot be recognised on them", phones)


def _counted(n: int, what: str) -> str:
    return f"{n} {what.replace('rows', 'row', 1) if n == 1 else what}"


def _gate_message(ctx: RunContext, summary: ValidationSummary, unknown: list) -> str:
    folder = steps.write_rejected(ctx)
    rows = f"Every invalid row, with the value and the reason: {folder / 'quarantine.csv'}"
    grids = (f"{'; '.join(map(str, unknown))}: grids.csv ({ctx.settings.inbox / 'grids.csv'}) has no such grid. "
             f"Correct the name in grids.csv or in the survey file and run again" if unknown else "")
    if summary.gate_passed:     # many rows naming one unknown grid: that grid would be paid as if nobody answered
        return f"{ctx.month}: survey rows name a grid that grids.csv does not have; nothing published. {grids}. {rows}"
    return (f"{ctx.month}: {summary.invalid_rows} of {summary.total_rows} survey rows are invalid "
            f"({summary.invalid_share:.1%} > {summary.max_invalid_share:.0%}); nothing published. "
            f"Top reasons: {'; '.join(summary.top_reasons())}. {grids + '. ' if grids else ''}{rows}")


def _check_outcome(ctx: RunContext, summary: ValidationSummary, scored: steps.ScoredMonth) -> None:
    """Stop a month whose exclusion rules removed a large share of a grid's answers (unless the run
    accepts it); name grids that had answers last month and none now while rows are invalid."""
    if scored.broken:
        raise _fail_gate(ctx, f"{ctx.month}: a model's rows broke its declared grain, so the month's scores cannot be "
                              f"trusted; nothing published. {'; '.join(scored.broken)}. This is gridpay's fault, not "
                              f"the inbox's: keep the inbox as it is and report it with the log file", summary)
    if scored.stops and not ctx.request.accept_exclusions:
        rules = ctx.policy.outcome
        raise _fail_gate(ctx, (
            f"{ctx.month}: an exclusion rule removed more than {rules.max_excluded_share:.0%} of a grid's valid "
            f"answers (at least {rules.min_excluded_rows}); nothing published. {'; '.join(map(str, scored.stops))}. "
            f"Check these answers in the survey files (a household id typed the same for many homes, a worker's "
            f"phone given as the resident's, a form too quick to fill in); if the exclusions are right, run again "
            f"with --accept-exclusions (recorded with the run and printed on the scorecard)"), summary)
    if scored.stops:
        log.warning("accepted with --accept-exclusions (recorded, and printed on the scorecard): %s",
                    "; ".join(map(str, scored.stops)))
    if scored.emptied and summary.invalid_rows:
        log.warning("%s had counted answers in the month published last and none now, while %d survey rows are "
                    "invalid: check their rows in quarantine.csv (flagged answers_dropped on the scorecard)",
                    ", ".join(scored.emptied), summary.invalid_rows)


def _fail_gate(ctx: RunContext, message: str, summary: ValidationSummary | None = None) -> GateFailed:
    if summary is not None:
        with connect(ctx.settings.db) as con:
            store_validation(con, ctx.run_id, ctx.month, summary.rules)
    record_end(ctx.settings.db, ctx.run_id, "gate_failed", message, ctx.inputs.entries(),
               summary.as_dict() if summary else None)
    return GateFailed(message)
