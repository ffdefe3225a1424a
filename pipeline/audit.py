"""Audit: re-run a past month from its archived inputs in a scratch folder and compare every row
it computes with the original run's; check the published files against the hashes the warehouse
recorded when it published them (the trust root: out/ and its manifest are the auditee's to edit).
Rows are compared, not scorecards, so the re-run renders nothing."""
from __future__ import annotations

import csv
import getpass
import io
import json
import logging
import shutil
import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from gridpay.pipeline.audit_csvs import OTHER_CSVS_FROM, TABLES, original_rows as _originals
from gridpay.pipeline.audit_csvs import other_csv_differences, stored_answer_differences
from gridpay.pipeline.context import MonthRequest, SurveyStager
from gridpay.core.errors import ConfigError
from gridpay.pipeline.run import run_month
from gridpay.pipeline.run_keys import phone_key_checked
from gridpay.core.settings import Settings
from gridpay.ingest.archive import InputFile
from gridpay.publishing.outputs import changed_files, csv_bytes
from gridpay.pipeline.maintenance import exclusive
from gridpay.publishing.ownership import folder_near, manifest_owner
from gridpay.core.layout import private_work, remove_if_empty, work_folder
from gridpay.core.build import code_version
from gridpay.store.stale_windows import stale_months
from gridpay.store.warehouse import connect, require_warehouse
from gridpay.transforms.row_changes import row_changes

log = logging.getLogger("gridpay")

WAREHOUSE_EXTRA = ("run_id",)      # differs by design between a run and its re-run


@dataclass
class AuditResult:
    month: str
    run_id: str
    original_code: str
    rerun_code: str
    replaced_by: str | None = None      # the published run of a month whose earlier run is audited (trial 184)
    checked: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    # what could not be checked, said and passed over (trial 83's auditor read AUDIT PASSED of a neighbour's download)
    notes: list[str] = field(default_factory=lambda: [
        "that the run read the month's right files (every grid's download, none of another month or community): "
        "the audit replays the files it read, which manifest.json lists"])

    @property
    def passed(self) -> bool:
        return not self.differences


def row_differences(where: str, original: list[dict], rerun: list[dict], key: tuple[str, ...],
                    labels: tuple[str, str] = ("warehouse", "re-run")) -> list[str]:
    """Cell by cell: which row (by key), which figure, old and new."""
    def keyed(rows):
        return {tuple(str(r[k]) for k in key): r for r in rows}
    out = []
    for change in row_changes(keyed(original), keyed(rerun), skip=WAREHOUSE_EXTRA):
        if change.kind != "changed":
            out.append(f"{where} {change.label}: only in the {labels[1] if change.kind == 'added' else labels[0]}")
        out += [f"{where} {change.label} {column}: {a} ({labels[0]}) -> {b} ({labels[1]})" for column, a, b in change.cells]
    return out


def _csv_rows(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def published_file_problems(month_dir: Path, recorded: dict[str, str]) -> list[str]:
    """Each file of the published month against the SHA-256 the warehouse recorded at publish
    time; the manifest's own list against the same record; files nobody published."""
    problems = []
    for name, actual in changed_files(month_dir, recorded).items():
        found = "is missing" if actual == "missing" else f"SHA-256 {actual[:12]}… does not match"
        problems.append(f"{month_dir / name}: {found}: the warehouse recorded {recorded[name][:12]}… when it published "
                        f"the month (or last rendered its reports)")
    manifest_path = month_dir / "manifest.json"
    if manifest_path.is_file():
        listed = {o["file"]: o["sha256"] for o in json.loads(manifest_path.read_text(encoding="utf-8")).get("outputs", [])}
        for name in sorted(set(listed) | (set(recorded) - {"manifest.json"})):
            if listed.get(name) != recorded.get(name):
                problems.append(f"{manifest_path}: lists {name} as {str(listed.get(name))[:12]}…, the warehouse "
                                f"recorded {str(recorded.get(name))[:12]}…")
    known = set(recorded) | {"manifest.json"}     # runs published before the manifest's hash was recorded
    for path in sorted(p for p in month_dir.rglob("*") if p.is_file()):
        if path.relative_to(month_dir).as_posix() not in known:
            problems.append(f"{path}: not among the files the run published")
    return problems


def _published_files(result: AuditResult, month_dir: Path, recorded: dict, originals: dict[str, bytes]) -> None:
    """The files HR reads: what the warehouse recorded at publish time, and its rows?"""
    result.differences += published_file_problems(month_dir, recorded)
    result.checked.append(f"{len(recorded)} published files and manifest.json against the hashes the warehouse "
                          f"recorded at publish time (or when its reports were last rendered)")
    for name, expected in originals.items():
        published = (month_dir / name).read_bytes() if (month_dir / name).is_file() else b""
        if published != expected:
            result.differences += row_differences(f"{month_dir / name}", _csv_rows(published), _csv_rows(expected),
                                                  TABLES[name][2], ("published file", "warehouse"))


def _documents(result: AuditResult, settings: Settings, month: str, inputs: list, recorded: dict[str, str]) -> None:
    """`--documents`: the published documents against those the warehouse renders now (pipeline/rerender.py)."""
    from gridpay.pipeline.rerender import document_differences     # it imports this module
    result.checked.append("the published documents against those rendered again from the warehouse")
    result.differences += document_differences(settings, month, result.run_id, inputs, recorded)


def _compare_rerun(result: AuditResult, originals: dict, rerun: Settings, rerun_id: str, month_dir: Path | None,
                   phones: bool = True) -> None:
    """The re-run's rows (and its counted answers') against the run's, field by field; with `month_dir`, the other CSVs
    against the re-run's, byte for byte (pipeline/audit_csvs.py)."""
    with connect(rerun.db) as con:
        for name, (reader, _, key) in TABLES.items():
            # every stored column, not only the CSV's: a figure edited in the warehouse shows
            result.checked.append(f"warehouse rows behind {name}, re-computed from the archived inputs")
            result.differences += row_differences(name, originals[name], reader(con, rerun_id), key)
        result.checked.append("the month's stored answers and their scores, which later months pool, re-computed")
        result.differences += stored_answer_differences(con, result.run_id, rerun_id, phones)
    if month_dir is not None:
        checked, differ = other_csv_differences(month_dir, rerun.out / month_dir.name, set(TABLES))
        result.checked.append(checked)
        result.differences += differ


def find_run(db: Path, month: str, run_id: str | None, doing: str = "audit",
             out: Path | None = None) -> tuple[str, str, list[InputFile], dict[str, str]]:
    """(run id, its code version, its archived inputs, the hashes recorded for its published files)
    of the month's published run (or `run_id`), for `gridpay {doing}`; one that cannot be, refused."""
    with connect(db) as con:
        if run_id is None:
            row = con.execute("select run_id from published where month = ?", [month]).fetchone()
            if row is None:
                raise ConfigError(f"{month} has no published run to {doing}{_published_elsewhere(out, month, db)}")
            run_id = row[0]
        row = con.execute("select month, inputs_json, code_version, status, outputs_json from runs "
                          "where run_id = ?", [run_id]).fetchone()
        purged = con.execute("select min(purged_at) from purges where month = ?", [month]).fetchone()[0]
    if row is None or row[0] != month:
        raise ConfigError(f"run {run_id} is not a run of {month}")
    if purged is not None:
        raise ConfigError(f"{month}: its raw survey inputs were purged on {purged:%Y-%m-%d} (gridpay purge); the run "
                          f"record, hashes and aggregates remain (gridpay history), not what `gridpay {doing}` needs")
    if row[3] != "published" or not row[1]:
        raise ConfigError(f"run {run_id} did not publish ({row[3]}); there is nothing to reproduce")
    recorded = {o["file"]: o["sha256"] for o in json.loads(row[4] or "[]")}
    return run_id, row[2], [InputFile(**e) for e in json.loads(row[1])], recorded


def _published_elsewhere(out: Path | None, month: str, db: Path) -> str:
    """'; but out/2026-09 holds run ...': a warehouse older than the out folder (trial 74's restore)."""
    if out is None or not (out / month / "manifest.json").is_file():
        return ""
    try:
        run_id = manifest_owner(out / month)[0]
    except ConfigError:
        run_id = "(unreadable manifest)"
    return (f" in {db}, but {out / month} holds the month published by run {run_id}: a warehouse restored from a "
            f"backup older than that publication? Restore the warehouse and out/ of the same backup")


def _scratch(settings: Settings) -> Path:
    """The audit's private scratch: under out/.work, like a run's; where out/ cannot be written (an
    auditor's read-only copy), next to the warehouse (core/layout.py private_work). Either is
    removed when the audit ends, and a killed audit's by the next command that takes the lock."""
    name = f"audit-{uuid.uuid4().hex[:8]}"
    try:
        work_folder(settings.out, name).mkdir(parents=True, mode=0o700)
        return work_folder(settings.out, name)
    except OSError as exc:       # read-only, not ours, full: os.access cannot tell (root passes it)
        scratch = private_work(settings.db) / name
        scratch.mkdir(parents=True, mode=0o700)
        log.info("audit: %s cannot be written (%s); the re-run works in %s", settings.out,
                 exc.strerror or exc, scratch.parent)
        return scratch


def audit_month(settings: Settings, month: str, run_id: str | None = None, dask_workers: int = 0,
                stager: SurveyStager | None = None, documents: bool = False) -> AuditResult:
    """`stager`: re-run the survey files on a Dask cluster rather than here; `documents`: render the published
    month's documents again and compare them (pipeline/rerender.py)."""
    db = require_warehouse(settings.db)
    with exclusive(db, settings.out, f"gridpay audit --month {month}", settings.lock_timeout_s):
        run_id, original_code, inputs, recorded = find_run(db, month, run_id, out=settings.out)
        result = AuditResult(month, run_id, original_code, code_version())
        with connect(db) as con:
            originals = _originals(con, run_id)
            published = con.execute("select run_id from published where month = ?", [month]).fetchone()
            # the earlier months' runs it read (pooled answers, rate trend), whatever is published now
            window = tuple(con.execute("select month, window_run_id from run_windows where run_id = ? "
                                       "order by month", [run_id]).fetchall())
            accepted, started, fingerprint, output_format = con.execute(     # accepted exclusions: re-run so too
                "select accepted_exclusions, started_at, phone_key_fingerprint, output_format from runs "
                "where run_id = ?", [run_id]).fetchone()
        if published and published[0] == run_id and not (settings.out / month / "manifest.json").is_file():
            # an audit from the wrong folder once reported a correct month's 60 rows as differences (trial 62)
            raise ConfigError(f"{settings.out / month}: no month published there (no manifest.json), so the files "
                              f"published for {month} cannot be compared; nothing is audited. Give the out folder "
                              f"{month} was published to (--out, GRIDPAY_OUT or gridpay.toml), or run in the "
                              f"project's folder.{folder_near(db, month, run_id)}")
        checked, line = phone_key_checked(settings, fingerprint)
        (result.checked if checked else result.notes).append(line)
        with connect(db) as con:     # what it read reproduces; that is not to say it is still right
            result.notes += [f"the audit replays what the run read; but {stale.line()}"
                             for stale in stale_months(con) if stale.run_id == run_id]
        if published and published[0] == run_id:
            _published_files(result, settings.out / month, recorded,
                             {name: csv_bytes(originals[name], TABLES[name][1]) for name in TABLES})
            if documents:
                _documents(result, settings, month, inputs, recorded)
        else:     # an earlier run's files were replaced in out/ (trial 73's auditor was told nothing of them)
            result.replaced_by = (published or [None])[0]
            result.notes.append(f"the files{' and documents' * documents} in {settings.out / month}: they are run "
                                f"{(published or ['(none)'])[0]}'s, not run {run_id}'s; its warehouse rows are compared")
        scratch = _scratch(settings)
        try:
            for suffix in (x for x in ("", ".wal") if Path(f"{db}{x}").exists()):
                shutil.copyfile(f"{db}{suffix}", scratch / f"warehouse.duckdb{suffix}")
            rerun_settings = replace(settings, out=scratch / "out", db=scratch / "warehouse.duckdb",
                                     inbox=scratch / "inbox", lock_timeout_s=0.0)
            # its rows written as the run wrote them (a run before 0005: source_file the bare file name)
            request = MonthRequest(month, rerun_settings, reason="audit re-run", reports="none",
                                   replay=tuple(inputs), replay_window=window, output_format=output_format,
                                   accept_exclusions=accepted is not None, as_of=started, dask_workers=dask_workers)
            rerun = run_month(request, kind="audit", stager=stager)      # under the policy the run read (trial 151)
            result.checked.append(f"re-ran {f'on {dask_workers} Dask workers' if stager else 'in one process'} under "
                                  f"policy {rerun.policy.version}, the one the run read (archived)")
            csvs = bool(published and published[0] == run_id and (output_format or 1) >= OTHER_CSVS_FROM)
            _compare_rerun(result, originals, rerun_settings, rerun.run_id, settings.out / month if csvs else None, checked)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
            remove_if_empty(scratch.parent)       # out/.work or the private scratch, as before
        with connect(db) as con:
            con.execute("insert into audits values (?, ?, ?, ?, ?, ?, ?)",
                        [month, run_id, datetime.now(timezone.utc).replace(tzinfo=None), getpass.getuser(),
                         result.rerun_code, result.passed, json.dumps(result.differences, ensure_ascii=False)])
    return result
