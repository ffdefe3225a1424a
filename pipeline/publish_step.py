"""The publish step of a month's run: its files written into a assembled folder and swapped into
<out>/<month>, recorded as published in the same breath (pipeline/run.py calls it after the
steps of pipeline/steps.py)."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from gridpay.core.faults import fault_point
from gridpay.expectations.results import ValidationSummary
from gridpay.ingest.phones import stored_unreadable_phones, unreadable_phone_rows as unreadable_phone_rows_in
from gridpay.ingest.survey_stage import stage_connection, staged_counts
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import notice_kinds
from gridpay.pipeline.steps import rejected_folder
from gridpay.core.secret_key import key_fingerprint
from gridpay.publishing.outputs import (GRID_COLUMNS, PAYROLL_COLUMNS, PAYROLL_DETAIL_COLUMNS, QUARANTINE_COLUMNS,
                                        csv_bytes, grid_rows, output_hashes, payroll_detail_rows, payroll_rows,
                                        quarantine_rows, swap_into_place, write_file, write_manifest)
from gridpay.publishing.ownership import check_month_owned, warehouse_identity
from gridpay.publishing.reporting import render_reports
from gridpay.ingest.download_counts import short_downloads
from gridpay.store.accepted_downloads import record_accepted_short_downloads
from gridpay.core.build import code_version
from gridpay.store.runs import library_versions, mark_published, record_run_notices
from gridpay.store.warehouse import connect


log = logging.getLogger("gridpay")
DOCUMENTS = ("scorecard.pdf", "workers", "notice")     # what --reports all publishes beside the CSVs


def publish(ctx: RunContext, summary: ValidationSummary) -> list[dict]:
    """Write everything into a assembled folder, swap it into <out>/<month>, and in the same breath
    record the run as published: a run is published exactly when its folder was swapped in.
    Returns the published files with their SHA-256 (manifest.json last)."""
    assembled, target = ctx.publishing, ctx.settings.out / ctx.month
    with connect(ctx.settings.db) as con:
        fault_point("publish_write")
        write_file(assembled / "payroll.csv", csv_bytes(payroll_rows(con, ctx.run_id), PAYROLL_COLUMNS))
        write_file(assembled / "payroll_detail.csv",
                   csv_bytes(payroll_detail_rows(con, ctx.run_id), PAYROLL_DETAIL_COLUMNS))
        write_file(assembled / "grid_scores.csv", csv_bytes(grid_rows(con, ctx.run_id), GRID_COLUMNS))
        write_file(assembled / "quarantine.csv", csv_bytes(quarantine_rows(con, ctx.run_id), QUARANTINE_COLUMNS))
        record_run_notices(con, ctx.run_id, ctx.notices, notice_kinds(ctx))      # the scorecard lists them
        if ctx.request.accept_fewer_answers:                   # answers taken out on purpose: not said again later
            record_accepted_short_downloads(con, ctx.run_id, short_downloads(ctx.workdir))
        render_reports(con, ctx.run_id, assembled, ctx.policy, ctx.request.lang, ctx.request.reports,
                       empty_month=not ctx.survey_sources())
        if ctx.validation_record is not None:     # whatever --reports says: the record of what was checked
            from gridpay.expectations.runner import publish_data_docs     # GX: loaded since the validate step
            publish_data_docs(ctx.validation_record, assembled)
        window = [{"month": m, "run_id": r} for m, r in con.execute(
            "select month, window_run_id from run_windows where run_id = ? order by month", [ctx.run_id]).fetchall()]
        warehouse = warehouse_identity(con, ctx.settings.db, ctx.settings.out)
    policy = ctx.policy
    write_manifest(assembled, {
        "run_id": ctx.run_id, "month": ctx.month, "inputs": [f.as_dict() for f in ctx.inputs.files],
        "warehouse": warehouse,       # whose month this is: another warehouse's run may not replace it
        "policy": {"file": ctx.settings.policy.name, "version": policy.version, "sha256": policy.sha256},
        "code_version": code_version(), "libraries": library_versions(),
        "phone_key_fingerprint": key_fingerprint(ctx.key), "output_format": ctx.request.output_format,
        "validation": summary.as_dict(),
        "set_aside": staged_counts(ctx.workdir)[1],     # rows of other months, totals rows: read, not counted
        # rows whose phone Excel saved as a number (1.39056E+10): counted, with the phone unknown
        "phones_unreadable": unreadable_phone_count(ctx.workdir),
        "earlier_runs": window,       # the published runs of earlier months it read (pooling, rate trend)
        # staged on a Dask cluster: partitions, workers, scheduler (null: in one process)
        "partitioning": ctx.partitioning.as_dict() if ctx.partitioning else None,
    })
    outputs = output_hashes(assembled) + output_hashes(assembled, only="manifest.json")
    fault_point("before_swap")
    with connect(ctx.settings.db) as con:      # another warehouse may have published it since the run began
        check_month_owned(target, ctx.settings.db, con)
    gone = [name for name in DOCUMENTS if (target / name).exists() and not (assembled / name).exists()]
    swap_into_place(assembled, target)
    if gone:    # trial 187: a re-run with --reports none took the published 公示 and scorecards out unsaid
        log.warning("%s: the documents published there before (%s) are gone with the run they were of, this run "
                    "not rendering them (--reports %s): `gridpay render --month %s --reports %s` makes this run's", target,
                    ", ".join(gone), ctx.request.reports, ctx.month, "all" if "workers" in gone else "hr")   # trial 300
    mark_published(ctx.settings.db, ctx.run_id, ctx.month, ctx.inputs.entries(), summary.as_dict(), outputs)
    shutil.rmtree(rejected_folder(ctx.settings.out, ctx.month), ignore_errors=True)
    return outputs


def unreadable_phone_rows(workdir: Path, excel_only: bool = False) -> list[tuple[str, list[int]]]:
    """(file, row numbers) of the month's survey rows whose phone is unreadable (`excel_only`: Excel saved it
    as a number, not a cell of two numbers)."""
    with stage_connection(workdir) as con:
        return unreadable_phone_rows_in(con, excel_only)


def unreadable_phone_count(workdir: Path) -> int:
    """Survey rows of the month's files whose phone Excel saved as a number (their phone is unknown)."""
    with stage_connection(workdir) as con:
        return stored_unreadable_phones(con)
