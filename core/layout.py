"""Where a run keeps its scratch under the output folder: one private work folder per run
(`out/.work/<run id>/`, holding the stage file and, while they are read, decrypted inputs) and one
folder per publication being assembled (`out/.staging-<run id>/`). Every room that touches them
reads the names here."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

log = logging.getLogger("gridpay")

STAGE_DB = "stage.duckdb"           # the run's staged survey rows and validation's verdict, in its work folder


def work_folder(out: Path, run_id: str) -> Path:
    return out / ".work" / run_id


def publish_folder(out: Path, run_id: str) -> Path:
    """Where a month's files are written before they are swapped into out/<month>."""
    return out / f".staging-{run_id}"


def remove_stale_work(out: Path, inside: bool = True) -> int:
    """Remove the work and publish folders that killed runs left under `out` (hashed rows, and
    possibly a transcoded survey file with phone numbers in clear); `inside=False`: every entry of
    the scratch folder `out` (an audit's private scratch next to the warehouse). Call it holding
    the run lock, so that no live run's folders are among them. Returns how many were removed;
    one that cannot be (a read-only out/) is named in a warning."""
    if not out.is_dir():
        return 0
    work = out / ".work" if inside else out
    stale = [*out.glob(".staging-*"), *work.glob("*")] if inside else list(work.glob("*"))
    removed = 0
    for entry in stale:
        try:
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
            removed += 1
        except OSError as exc:
            log.warning("could not remove %s (%s), which an interrupted command left: it may hold decrypted "
                        "inputs; remove it by hand", entry, exc.strerror or exc)
    try:
        if inside and work.is_dir() and not any(work.iterdir()):
            work.rmdir()
    except OSError:
        pass
    return removed
