"""The steps of a month's run, each a plain function of the RunContext with typed inputs and outputs. pipeline/run.py
calls them in order; the Prefect flow (flows/month.py) calls the same functions as tasks. Each step opens what it
needs; none reads the live inbox or policy again."""
from __future__ import annotations

import logging
import shutil
from contextlib import nullcontext
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from gridpay.pipeline.context import ArchivedInputs, MonthRequest, RunContext
from gridpay.pipeline.reference_hints import reference_way_out
from gridpay.pipeline.run_notices import headed
from gridpay.core.errors import ConfigError, InputError
from gridpay.core.month import Month
from gridpay.core.faults import duckdb_fault_point, fault_point
from gridpay.core.layout import private_scratch
from gridpay.core.policy_file import policy_from_bytes
from gridpay.core.secret_key import ArchiveKeys, key_fingerprint
from gridpay.expectations.results import ValidationSummary
from gridpay.ingest.named_workers import worker_names
from gridpay.ingest.archive import InputFile, archive_file, archived, blob_bytes, open_blob
from gridpay.ingest.formats import Source
from gridpay.ingest.grid_aliases import apply_grid_aliases, compound_other_names, compounds_by_answer
from gridpay.ingest.unknown_grid_answers import blank_unknown_grids, unknown_grids_line
from gridpay.ingest.compound_grids import moved_compound_answers, moved_line
from gridpay.ingest.grid_compounds import alias_one_compound_grids
from gridpay.ingest.masked_phones import MaskedPhones, apply_masked_phones
from gridpay.ingest.moved_answers import place_moved_answers
from gridpay.expectations.two_grid_aliases import say_two_grid_aliases
from gridpay.ingest.two_phones import apply_two_phones
from gridpay.ingest.partition import Partition, PartitionJob, Partitioning, RunKeys, said_by_parts
from gridpay.ingest.staging import grid_communities, grid_names, input_files, is_survey_name, stage_inputs
from gridpay.publishing.outputs import REJECTED_COLUMNS, csv_bytes, write_file
from gridpay.store.models import ModelTestFailed
from gridpay.store.partition_scoring import partitioned_scores
from gridpay.store.grid_history import compound_listings
from gridpay.store.runs import first_publication, published_runs, record_accepted_exclusions, record_partitioning
from gridpay.store.scoring import load_and_score
from gridpay.store.warehouse import connect, store_validation
from gridpay.transforms.policy import Policy
from gridpay.transforms.review_window import local_day, window_dates
from gridpay.pipeline.scored_month import ScoredMonth, scored_month
from gridpay.pipeline.worker_phones import write_past_phones

POLICY_NAME = "policy.toml"
log = logging.getLogger("gridpay")
UNKNOWN_GRIDS_BLANK = 24     # the output format from which a grid answered 不清楚 is no grid (ingest/unknown_grid_answers.py)
OTHER_GRIDS_BLANK = 25       # ... and one answered by the form's 其他 option (trial 172)


def archive_inputs(request: MonthRequest, keys: ArchiveKeys) -> ArchivedInputs:
    """Encrypt the month's inbox files and the policy into the archive (an audit: check the run's recorded copies),
    and parse the policy from the archived bytes, once."""
    s = request.settings
    if request.replay is not None:
        entries = archived(list(request.replay), s.archive, keys)
        files = tuple(e for e in entries if e.name != POLICY_NAME)
        policy_file = next((e for e in entries if e.name == POLICY_NAME), None)
        if policy_file is None:
            raise ConfigError(f"{request.month}: the run's record names no archived policy")
    else:
        # `--reference published`: the reference files and policy the published run read, from the archive
        reused = {e.name: e for e in archived(list(request.reuse), s.archive, keys)}
        files = tuple(e for e in reused.values() if e.name != POLICY_NAME) + tuple(
            archive_file(p, s.archive, p.relative_to(s.inbox).as_posix(), keys)
            for p in input_files(s.inbox, request.month, skip=_skipped(request, reused)))
        if POLICY_NAME in reused:
            policy_file = reused[POLICY_NAME]
        elif not s.policy.is_file():
            raise ConfigError(f"{s.policy}: policy file not found")
        else:
            policy_file = archive_file(s.policy, s.archive, POLICY_NAME, keys)
    fault_point("policy_archived")
    # the bytes applied are the archived ones, whatever happens to the live file from here on
    policy = policy_from_bytes(blob_bytes(s.archive, policy_file.sha256, keys), str(s.policy))
    return ArchivedInputs(files, policy_file, policy)


def _skipped(request: MonthRequest, reused: dict) -> tuple[str, ...]:
    """The reference files a `--reference published` re-run does not read: those it re-uses, and adjustments.csv
    unless taken (the published run's adjustments are the month's, or none)."""
    if not request.reuse:
        return ()
    return tuple(reused) + (() if "adjustments.csv" in request.take else ("adjustments.csv",))


def archived_policy(archive: Path, key_file: Path, inputs: list[InputFile], month: str) -> Policy:
    """The policy a recorded run applied, from its archived bytes (render, finalize, appeals, the call sheet)."""
    entry = next((e for e in inputs if e.name == POLICY_NAME), None)
    if entry is None:
        raise ConfigError(f"{month}: the run's record names no archived policy")
    return policy_from_bytes(blob_bytes(archive, entry.sha256, ArchiveKeys(key_file, create=False)), POLICY_NAME)


def stage(ctx: RunContext) -> Partitioning | None:
    """Read the archived inputs into the work folder (phones hashed, comments masked). Each input is decrypted
    into the private work folder, read, and its clear copy removed before the step ends (a killed run's copy goes
    with its work folder: the next run or `gridpay doctor`). With a stager (a Dask cluster) the work folder is
    shared with the workers: the survey files are not opened here (each worker opens its own blob in its own private
    scratch), the reference tables in a private folder of this machine. Returns how the month was partitioned."""
    surveys = [f for f in ctx.inputs.files if is_survey_name(f.name)] if ctx.stager is not None else []
    with private_scratch("gridpay-inputs-") if surveys else nullcontext(ctx.opened_inputs) as opened:
        try:
            sources = [Source(f.name, open_blob(ctx.settings.archive, f.sha256, ctx.archive_keys, opened),
                              ctx.request.shown_name(f.name)) for f in ctx.inputs.files if f not in surveys]
            fault_point("inputs_opened")
            stage_inputs(sources, ctx.month, ctx.policy, ctx.key, ctx.workdir, not surveys, ctx.doors_hidden,
                         replay=ctx.request.replay is not None)
        finally:
            shutil.rmtree(opened, ignore_errors=True)
    if not surveys:
        return None
    frame = pd.read_parquet(ctx.workdir / "grids.parquet")
    grids, listed = grid_names(frame), compounds_by_answer(frame, ctx.policy)
    parts = [Partition(i, f.name, ctx.request.shown_name(f.name), f.sha256) for i, f in enumerate(surveys)]
    partitioning = ctx.stager(parts, PartitionJob(str(ctx.settings.archive), str(ctx.workdir), ctx.policy, ctx.month,
                                                  grids, run_keys(ctx), listed,
                                                  compound_other_names(frame, ctx.policy.compound_suffix_dropped),
                                                  grid_communities(frame), ctx.doors_hidden,
                                                  worker_names(pd.read_parquet(ctx.workdir / "workers.parquet"))))
    for line, kind in said_by_parts(list(partitioning.surveys)):   # as one process says them (trial 187: unsaid)
        log.warning("%s", line, extra={"notice": kind} if kind else None)
    record_partitioning(ctx.settings.db, ctx.run_id, partitioning.as_dict())
    return partitioning


def settle_staged(ctx: RunContext) -> MaskedPhones:
    """What the stage leaves to the month's reference files and policy, on the answers of either path (one process or
    Dask): grids.csv's other names of a grid (ingest/grid_aliases.py), a compound's answers to the grid it left
    (ingest/compound_grids.py), phones a platform masked or two in a cell (ingest/*_phones.py)."""
    apply_grid_aliases(ctx.workdir, alias_one_compound_grids(ctx.workdir, ctx.policy), ctx.request.replay is not None,
                       ctx.policy.grid_dots_dropped)
    output_format = ctx.request.output_format or 1
    if output_format >= UNKNOWN_GRIDS_BLANK and (found := blank_unknown_grids(ctx.workdir,
                                                                             output_format >= OTHER_GRIDS_BLANK)):
        log.warning("%s", unknown_grids_line(found), extra=headed("invalid_rows"))     # 不清楚: no grid's answer
    earlier = compound_listings(ctx.settings.db, ctx.month) if ctx.policy.grid_by_compound else {}
    for pair in moved_compound_answers(ctx.workdir, ctx.policy, earlier):    # a grid split off: said, line by line
        log.warning("%s", moved_line(pair), extra=headed("compound_grid"))
    place_moved_answers(ctx.workdir, ctx.policy, ctx.month)     # an answer an appeal counts in its resident's grid
    say_two_grid_aliases(ctx.workdir, ctx.month)                # an option naming two grids, one grid's alias
    write_past_phones(ctx)                      # a worker's phones of earlier published runs (policy 2027.9)
    apply_two_phones(ctx.workdir, ctx.policy.two_phone_cells_checked, ctx.policy.two_phones_by_grid)
    return apply_masked_phones(ctx.workdir, ctx.policy.masked_phones_shown_digits)


def run_keys(ctx: RunContext) -> RunKeys:
    """The run's keys as its Dask workers check theirs against: paths and fingerprints."""
    try:
        archive = key_fingerprint(ctx.archive_keys.current)
    except ConfigError:         # an audit of inputs archived in clear has no archive key
        archive = None
    return RunKeys(str(ctx.settings.key_file), key_fingerprint(ctx.key), str(ctx.settings.archive_key_file), archive)


def validate(ctx: RunContext) -> ValidationSummary:
    # GX loads here, not with the core: its import alone takes ~5 s, which a run stopped before validating need not pay
    from gridpay.expectations.invalid_grids import invalid_files
    from gridpay.expectations.validate import validate_staged
    try:
        summary = validate_staged(ctx.workdir, ctx.month, ctx.policy, ctx.validation_record)
    except InputError as exc:       # a re-run on reference files changed since (a merged grid's row): say the way
        if way := reference_way_out(ctx, exc.message):
            raise InputError(exc.file, way, exc.row, exc.column) from exc
        raise
    for file in invalid_files(ctx.workdir) if summary.invalid_rows else ():     # under the gate: said, not hidden
        log.warning("%s", file, extra=headed("invalid_rows"))
    return summary


def review_problems(ctx: RunContext) -> list[str]:
    """Broken rows of appeals.csv and the month's verification calls (expectations/reviews.py), with the appeal window
    counted from the month's first publication and the calls' and appeals' dates checked against the day of the run
    and the answers listed for a call (all as of the run an audit checks)."""
    from gridpay.expectations.reviews import NO_WINDOW, review_problems as problems
    month = Month.parse(ctx.month)
    days = ctx.policy.review.window_days
    first = first_publication(ctx.settings.db, ctx.month, ctx.request.as_of)
    tz, rules = ctx.policy.timezone, ctx.policy.outcome
    window, today = NO_WINDOW if days is None else window_dates(first, days, tz), local_day(ctx.request.as_of, tz)
    return problems(ctx.workdir, ctx.month, month.last_day, window, ctx.validation_record,
                    today if rules.verification_dates == "stop" else None,
                    _called(ctx) if rules.verification_drawn == "stop" else None,
                    _published_months(ctx.settings.db, ctx.month), today if rules.appeal_dates == "stop" else None)


def _published_months(db: Path, month: str) -> frozenset[str]:
    if not db.exists():
        return frozenset()
    with connect(db) as con:
        return frozenset(m for (m,) in con.execute("select month from published where month <> ?", [month]).fetchall())


def _called(ctx: RunContext) -> set[str] | None:
    """The answers the month's earlier published runs listed for a call, where the month has calls."""
    from gridpay.pipeline.callsheet import called_answers
    if not len(pd.read_parquet(ctx.workdir / "verification.parquet", columns=["response_id"])):
        return None
    return called_answers(ctx.settings, ctx.month, ctx.request.as_of)


def write_rejected(ctx: RunContext) -> Path:
    """A stopped month's invalid rows, each failed rule with its masked value, for HR to fix from."""
    from gridpay.expectations.validate import rejected_rows
    folder = rejected_folder(ctx.settings.out, ctx.month)
    write_file(folder / "quarantine.csv", csv_bytes(rejected_rows(ctx.workdir), REJECTED_COLUMNS))
    return folder


def rejected_folder(out: Path, month: str) -> Path:
    return out / f"{month}.rejected"


def load_and_score_month(ctx: RunContext, summary: ValidationSummary) -> ScoredMonth:
    """One warehouse transaction: the run's inputs and results, then the outcome suite on them. A month the suite stops
    (and the run does not accept) is rolled back: nothing of it is kept."""
    from gridpay.expectations.outcomes import excessive_exclusions
    from gridpay.expectations.void_appeals import good_answer_appeals, void_appeals
    # a partitioned month's per-row and per-grid models, run on its Dask workers (None: here)
    prebuilt = partitioned_scores(ctx.workdir, ctx.partitioning, ctx.run_id, ctx.month, ctx.policy,
                                  ctx.stager) if ctx.partitioning else None
    with connect(ctx.settings.db) as con:
        con.execute("begin transaction")
        store_validation(con, ctx.run_id, ctx.month, summary.rules)
        window = ctx.request.replay_window if ctx.survey_sources() else ()     # a month empty on purpose: none pooled
        try:
            load_and_score(con, ctx.run_id, ctx.month, ctx.workdir, ctx.policy,
                           None if window is None else list(window), prebuilt)
            duckdb_fault_point("warehouse_write", f"{ctx.settings.db}.wal")
        except ModelTestFailed as exc:      # a broken grain would pay on repeated or missing rows
            con.execute("rollback")
            return ScoredMonth(0, 0, 0, {}, (), (), broken=tuple(exc.problems))
        stops = tuple(excessive_exclusions(con, ctx.workdir, ctx.policy.outcome, ctx.validation_record))
        decided_on = (published_runs(con, ctx.month, ctx.request.as_of) or [None])[-1]     # as of the audited run
        void = tuple(void_appeals(con, decided_on)) if ctx.policy.review.upheld_must_count else ()
        void += () if ctx.request.replay is not None else tuple(good_answer_appeals(con))     # as published: audited
        scored = scored_month(con, ctx.run_id, stops, void, rules := ctx.policy.outcome, ctx.policy.budget)
        stopped = ((scored.unpaid and rules.unpaid_adjustments == "stop")
                   or (scored.payroll_doubts and rules.payroll_doubts == "stop"))
        if (stops and not ctx.request.accept_exclusions) or void or stopped:
            con.execute("rollback")
            return scored
        if stops:
            record_accepted_exclusions(con, ctx.run_id, [asdict(s) for s in stops])
        con.execute("commit")
        return scored
