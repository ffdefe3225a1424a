"""Machine faults as one line (exit 2): a full disk, a corrupt warehouse file, a folder that
cannot be written. They reach the command line in many wrappings: an OSError from Python, a DuckDB
IOException or TransactionException ("Could not write file ...: No space left on device"), a
SQLAlchemy OperationalError around DuckDB's error from GX's SQL path (two lines and a URL), GX's
own RuntimeError quoting that. The error's chain and text are searched, whatever the wrapping."""
from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from pathlib import Path

FULL = {errno.ENOSPC: "No space left on device", errno.EDQUOT: "Disk quota exceeded"}
# what DuckDB says of a file whose blocks do not check out, or that ends before its blocks do
CORRUPT = ("Corrupt database file", "Could not read enough bytes from file", "database file is corrupt")
_WRITING = re.compile(r'(?:write|writing)(?: to)? file "([^"]+)"')

# what each command's failure left, after the fault itself
AFTER = {"run": "the run is recorded as failed", "demo": "the run is recorded as failed",
         "audit": "the audit stopped and recorded nothing", "render": "no report was rendered over the month",
         "finalize": "the month was not finalized"}
READERS = ("inspect", "questionnaire", "history", "appeals")     # commands that only print
UNRECORDED = ("the run could not be recorded as failed now (the disk is full): the next gridpay command that "
              "takes the warehouse records it")
LOST = "the run could not be recorded at all (the disk is full, even for the lock file's note)"


def chain(exc: BaseException) -> Iterator[BaseException]:
    """The error, what it was raised from or during, and the driver error a SQLAlchemy error wraps."""
    seen, todo = set(), [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        todo += [current.__cause__, current.__context__, orig if isinstance(orig, BaseException) else None]


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def disk_full(exc: BaseException) -> str | None:
    """'No space left on device (<the file it was writing>)', if the disk (or quota) was full."""
    for error in chain(exc):
        if isinstance(error, OSError) and error.errno in FULL:
            return f"{error.strerror or FULL[error.errno]} ({error.filename or 'while writing'})"
    for error in chain(exc):
        text = str(error)
        for what in FULL.values():
            if what in text:
                found = _WRITING.search(text)
                return f"{what} ({found.group(1) if found else 'while writing'})"
    return None


def corrupt(exc: BaseException) -> str | None:
    """DuckDB's reason, if a database file failed its checksum or ended short."""
    for error in chain(exc):
        for line in str(error).splitlines():
            if any(what in line for what in CORRUPT):
                return line.strip()
    return None


def fault_line(exc: BaseException, command: str, db: Path | None) -> str | None:
    """The one line for a machine fault (None: not one, a bug). A corrupt file is the warehouse
    (an audit's scratch copy of it is corrupt because the warehouse is)."""
    reason = corrupt(exc)
    if reason is not None:
        return (f"{db or 'the warehouse'}: the warehouse file is corrupt ({reason}); restore it from backup, "
                f"then run `gridpay doctor` again; the months published before are untouched")
    head = disk_full(exc)
    if head is None:
        if not isinstance(exc, OSError):     # a lost share, a folder that cannot be written
            return None
        head = f"{exc.strerror or exc} ({exc.filename or 'while writing'})"
    unrecorded = getattr(exc, "gridpay_unrecorded", None)     # set by core/run.py
    if unrecorded:
        said = UNRECORDED if unrecorded == "noted" else LOST
        return f"{head}; {said}; the months published before are untouched"
    if command in READERS:      # `gridpay inspect FILE | head`: a pipe closed early, nothing was written
        return head
    after = AFTER.get(command)
    return f"{head}; {after + ' and ' if after else ''}the months published before are untouched"
