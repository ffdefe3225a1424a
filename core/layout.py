"""Where gridpay keeps its scratch: under the output folder, one private work folder per run or
audit (`out/.work/<name>/`, holding the stage file and, while they are read, decrypted inputs) and
one folder per publication being assembled (`out/.publishing-<name>/`, a run's or a re-render's);
next to the warehouse (`<db>.work/`) for an audit or call sheet whose out/ cannot be written; and
private temporary folders of this machine (private_scratch). Every room that touches them reads
the names here."""
from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

log = logging.getLogger("gridpay")

STAGE_DB = "stage.duckdb"           # the run's staged survey rows and validation's verdict, in its work folder


WORK = ".work"                      # out/.work/<run id or audit-…>
PUBLISHING = ".publishing-"         # out/.publishing-<run id or render-…>
EARLIER_PUBLISHING = ".staging-"    # the same folders, as gridpay named them before 2026-12 (removed when stale)


def work_folder(out: Path, name: str) -> Path:
    """A run's (its id) or an audit's work folder under out/."""
    return out / WORK / name


def publish_folder(out: Path, name: str) -> Path:
    """Where a month's files are written before they are swapped into out/<month> (a run's: its
    id; a re-render's: render-…)."""
    return out / f"{PUBLISHING}{name}"


def private_work(db: Path) -> Path:
    """Scratch next to the warehouse, for an audit or call sheet whose out/ cannot be written:
    private (0700), and emptied by every command that takes the lock, like out/.work."""
    return db.with_name(db.name + WORK)


def remove_if_empty(folder: Path) -> None:
    """out/.work (or the warehouse's scratch) once the last work folder in it is gone."""
    try:
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    except OSError:
        pass


def remove_stale_work(out: Path, inside: bool = True) -> int:
    """Remove the work and publish folders that killed runs left under `out` (hashed rows, and
    possibly a transcoded survey file with phone numbers in clear); `inside=False`: every entry of
    the scratch folder `out` (an audit's private scratch next to the warehouse). Call it holding
    the run lock, so that no live run's folders are among them. Returns how many were removed;
    one that cannot be (a read-only out/) is named in a warning."""
    if not out.is_dir():
        return 0
    work = out / WORK if inside else out
    stale = [*out.glob(f"{PUBLISHING}*"), *out.glob(f"{EARLIER_PUBLISHING}*"), *work.glob("*")] if inside else list(work.glob("*"))
    removed = 0
    for entry in stale:
        try:
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
            removed += 1
        except OSError as exc:
            log.warning("could not remove %s (%s), which an interrupted command left: it may hold decrypted "
                        "inputs; remove it by hand", entry, exc.strerror or exc)
    if inside:
        remove_if_empty(work)
    return removed


SCRATCH_ALIVE = ".alive"     # locked (flock) by the process using a private scratch folder


@contextmanager
def private_scratch(prefix: str) -> Iterator[Path]:
    """A folder only this user can enter (mkdtemp: 0700) on this machine's own temporary disk, for
    decrypted inputs that must not reach a disk other machines read (a Dask worker's district file,
    the driver's reference tables on the partitioned path); removed when the block ends. A folder
    of `prefix` whose process was killed (its lock is free) is removed first: it may hold phone
    numbers in clear, and no run or `gridpay doctor` of another machine can see it."""
    _remove_dead_scratch(prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    # the lock goes with the process, however it ends. Taken before the file has the name another
    # process's _remove_dead_scratch looks for: between creating the file and locking it, that process
    # found it free and removed a live folder (two Dask workers on one machine; a test run saw it)
    alive = open(folder / f"{SCRATCH_ALIVE}.new", "w")
    try:
        fcntl.flock(alive, fcntl.LOCK_EX)
        os.rename(folder / f"{SCRATCH_ALIVE}.new", folder / SCRATCH_ALIVE)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        alive.close()


def _remove_dead_scratch(prefix: str) -> None:
    for folder in Path(tempfile.gettempdir()).glob(f"{prefix}*"):
        try:
            with open(folder / SCRATCH_ALIVE, "r") as alive:      # none yet: being made, or not ours
                fcntl.flock(alive, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder)
                log.info("removed %s, the private scratch of a process that was killed", folder)
        except OSError:      # locked by a live process, or not a folder of ours
            continue
