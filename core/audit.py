"""Audit: re-run a past month from its archived inputs in a scratch folder and compare everything
it published with what the original run published; verify the manifest's hashes against out/."""
from __future__ import annotations

import getpass
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow

from gridpay.ingest.archive import InputFile, blob_path, file_sha256, restore
from gridpay.core.errors import ConfigError
from gridpay.flows.month import run_month
from gridpay.publishing.outputs import (GRID_COLUMNS, PAYROLL_COLUMNS, QUARANTINE_COLUMNS, csv_bytes, grid_rows, payroll_rows,
                           quarantine_rows)
from gridpay.store.run_lock import warehouse_lock
from gridpay.store.runs import code_version
from gridpay.store.warehouse import connect

TABLES = {  # published table -> (row reader, CSV columns, key columns)
    "payroll.csv": (payroll_rows, PAYROLL_COLUMNS, ("worker_id",)),
    "grid_scores.csv": (grid_rows, GRID_COLUMNS, ("grid_id",)),
    "quarantine.csv": (quarantine_rows, QUARANTINE_COLUMNS, ("source_file", "row_number")),
}
WAREHOUSE_EXTRA = ("run_id",)      # differs by design between a run and its re-run


@dataclass
class AuditResult:
    month: str
    run_id: str
    original_code: str
    rerun_code: str
    checked: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.differences


def row_differences(where: str, original: list[dict], rerun: list[dict], key: tuple[str, ...],
                    labels: tuple[str, str] = ("original", "re-run")) -> list[str]:
    """Cell by cell: which row (by key), which figure, old and new."""
    def keyed(rows):
        return {tuple(str(r[k]) for k in key): r for r in rows}
    a, b = keyed(original), keyed(rerun)
    out = []
    for k in sorted(set(a) | set(b)):
        name = "/".join(k)
        if k not in b:
            out.append(f"{where} {name}: only in the {labels[0]}")
        elif k not in a:
            out.append(f"{where} {name}: only in the {labels[1]}")
        else:
            for column in a[k]:
                if column in WAREHOUSE_EXTRA or str(a[k][column]) == str(b[k].get(column)):
                    continue
                out.append(f"{where} {name} {column}: {a[k][column]} ({labels[0]}) -> {b[k].get(column)} ({labels[1]})")
    return out


def _csv_rows(data: bytes) -> list[dict]:
    import csv
    import io
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def _published_files(result: AuditResult, month_dir: Path, originals: dict[str, bytes]) -> None:
    """The files HR reads: are they what the manifest says, and what the warehouse holds?"""
    manifest_path = month_dir / "manifest.json"
    if not manifest_path.is_file():
        result.differences.append(f"{manifest_path}: missing")
        return
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if manifest.get("run_id") != result.run_id:
        result.checked.append(f"{month_dir} holds run {manifest.get('run_id')}, not this one: files not compared")
        return
    for entry in manifest["outputs"]:
        path = month_dir / entry["file"]
        actual = file_sha256(path) if path.is_file() else "missing"
        if actual != entry["sha256"]:
            result.differences.append(f"{path}: SHA-256 {actual[:12]}… does not match the manifest's "
                                      f"{entry['sha256'][:12]}…")
    result.checked.append(f"{len(manifest['outputs'])} published files against manifest.json")
    for name, expected in originals.items():
        published = (month_dir / name).read_bytes() if (month_dir / name).is_file() else b""
        if published != expected:
            result.differences += row_differences(f"{month_dir / name}", _csv_rows(published), _csv_rows(expected),
                                                  TABLES[name][2], ("published file", "warehouse"))


def _find_run(db: Path, month: str, run_id: str | None) -> tuple[str, str, list[InputFile], str]:
    with connect(db) as con:
        if run_id is None:
            row = con.execute("select run_id from published where month = ?", [month]).fetchone()
            if row is None:
                raise ConfigError(f"{month} has no published run to audit")
            run_id = row[0]
        row = con.execute("select month, inputs_json, code_version, status from runs where run_id = ?",
                          [run_id]).fetchone()
    if row is None or row[0] != month:
        raise ConfigError(f"run {run_id} is not a run of {month}")
    with connect(db) as con:
        purged = con.execute("select min(purged_at) from purges where month = ?", [month]).fetchone()[0]
    if purged is not None:
        raise ConfigError(f"{month}: its raw survey inputs were purged on {purged:%Y-%m-%d} under the retention "
                          f"policy; the run record, hashes and aggregates remain (gridpay history), a re-run cannot")
    if row[3] != "published" or not row[1]:
        raise ConfigError(f"run {run_id} did not publish ({row[3]}); there is nothing to reproduce")
    return run_id, row[2], [InputFile(**e) for e in json.loads(row[1])], row[3]


@flow(name="gridpay-audit")
def audit_month(month: str, out: str, db: str, key_file: str, archive: str, run_id: str | None = None,
                lang: str = "zh", lock_timeout_s: float = 300.0) -> AuditResult:
    with warehouse_lock(Path(db), f"gridpay audit --month {month}", lock_timeout_s):
        run_id, original_code, inputs, _ = _find_run(Path(db), month, run_id)
        result = AuditResult(month, run_id, original_code, code_version())
        with connect(Path(db)) as con:
            originals = {name: reader(con, run_id) for name, (reader, _, _) in TABLES.items()}
            published = con.execute("select run_id from published where month = ?", [month]).fetchone()
        if published and published[0] == run_id:
            _published_files(result, Path(out) / month,
                             {name: csv_bytes(originals[name], TABLES[name][1]) for name in TABLES})
        with tempfile.TemporaryDirectory(prefix="gridpay-audit-") as scratch_dir:
            scratch = Path(scratch_dir)
            for suffix in ("", ".wal"):
                if Path(db + suffix).exists():
                    shutil.copyfile(db + suffix, scratch / f"warehouse.duckdb{suffix}")
            restore([i for i in inputs if i.name != "policy.toml"], Path(archive), scratch / "inbox")
            policy = next(i for i in inputs if i.name == "policy.toml")
            shutil.copyfile(blob_path(Path(archive), policy.sha256), scratch / "policy.toml")
            run_month(month, str(scratch / "inbox"), str(scratch / "out"), str(scratch / "warehouse.duckdb"),
                      str(scratch / "policy.toml"), key_file, str(scratch / "archive"), lang, "audit re-run", 0.0)
            with connect(scratch / "warehouse.duckdb") as con:
                rerun_id = con.execute("select run_id from published where month = ?", [month]).fetchone()[0]
                for name, (reader, _, key) in TABLES.items():
                    # every stored column, not only the CSV's: a figure edited in the warehouse shows
                    result.checked.append(f"warehouse rows behind {name}, re-computed from the archived inputs")
                    result.differences += row_differences(name, originals[name], reader(con, rerun_id), key)
        with connect(Path(db)) as con:
            con.execute("insert into audits values (?, ?, ?, ?, ?, ?, ?)",
                        [month, run_id, datetime.now(timezone.utc).replace(tzinfo=None), getpass.getuser(),
                         result.rerun_code, result.passed, json.dumps(result.differences, ensure_ascii=False)])
    return result
