"""The run record: every run of every month gets a row in `runs`, whatever its outcome."""
from __future__ import annotations

import json
import subprocess
import uuid
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from flows.warehouse import connect
from transforms.policy import Policy

LIBRARIES = ("duckdb", "great_expectations", "prefect", "pandas", "pyarrow", "jinja2", "matplotlib",
             "weasyprint", "openpyxl")


def new_run_id(month: str) -> str:
    return f"{month}-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


def code_version() -> str:
    version = metadata.version("gridpay")
    root = Path(__file__).resolve().parents[1]
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "--short=12", "HEAD"],
                                capture_output=True, text=True, timeout=5, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return version
    return f"{version}+g{commit}"


def library_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in LIBRARIES}


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def record_start(db: Path, run_id: str, month: str, policy: Policy) -> None:
    with connect(db) as con:
        con.execute("insert into runs (run_id, month, started_at, status, policy_version, policy_sha256, "
                    "code_version) values (?, ?, ?, 'running', ?, ?, ?)",
                    [run_id, month, _now(), policy.version, policy.sha256, code_version()])


def record_end(db: Path, run_id: str, status: str, message: str = "", inputs: list | None = None,
               validation: dict | None = None) -> None:
    with connect(db) as con:
        con.execute("update runs set finished_at = ?, status = ?, message = ?, "
                    "inputs_json = coalesce(?, inputs_json), validation_json = coalesce(?, validation_json) "
                    "where run_id = ?",
                    [_now(), status, message,
                     json.dumps(inputs, ensure_ascii=False, sort_keys=True) if inputs is not None else None,
                     json.dumps(validation, ensure_ascii=False, sort_keys=True, default=str)
                     if validation is not None else None, run_id])
