"""Where a run keeps its scratch under the output folder: one private work folder per run
(`out/.work/<run id>/`, holding the stage file and, while they are read, decrypted inputs) and one
folder per publication being assembled (`out/.staging-<run id>/`). Every room that touches them
reads the names here."""
from __future__ import annotations

import shutil
from pathlib import Path

STAGE_DB = "stage.duckdb"           # the run's staged survey rows and validation's verdict, in its work folder


def work_folder(out: Path, run_id: str) -> Path:
    return out / ".work" / run_id


def publish_folder(out: Path, run_id: str) -> Path:
    """Where a month's files are written before they are swapped into out/<month>."""
    return out / f".staging-{run_id}"


def remove_stale_work(out: Path) -> int:
    """Remove the work and publish folders that killed runs left under `out` (hashed rows, and
    possibly a transcoded survey file with phone numbers in clear). Call it holding the run lock,
    so that no live run's folders are among them. Returns how many were removed."""
    stale = [*out.glob(".staging-*"), *(out / ".work").glob("*")] if out.is_dir() else []
    for folder in stale:
        shutil.rmtree(folder, ignore_errors=True) if folder.is_dir() else folder.unlink(missing_ok=True)
    if (out / ".work").is_dir() and not any((out / ".work").iterdir()):
        (out / ".work").rmdir()
    return len(stale)
