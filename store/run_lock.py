"""One run at a time per warehouse: an exclusive lock file next to it, held for the whole run.
A second run waits a bounded time, then stops naming the holder (exit 2). The file says who holds
it; a holder that ends normally empties it, so what the next holder finds there was left by a
process that was killed or by a run that could not record its end (pipeline/maintenance.py tidy_up)."""
from __future__ import annotations

import fcntl
import getpass
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from gridpay.core.errors import ConfigError


class WarehouseBusy(ConfigError):
    pass


def lock_path(db: Path) -> Path:
    return db.with_name(db.name + ".lock")


def _holder(fd: int) -> str:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 4096).decode("utf-8", "replace")
    try:
        h = json.loads(raw)
        return f"pid {h['pid']} ({h['what']}, by {h['user']}@{h['host']}, since {h['since']})"
    except (ValueError, KeyError):
        return "another gridpay process"


class HeldLock:
    """The lock while held. `left_behind`: what the previous holder left in the lock file, which a
    holder that ends normally empties: a process killed while holding it, or a run whose record
    could not be closed (a full disk) and that left its `run` note for the next holder to record."""

    def __init__(self, fd: int, holder: dict, left_behind: dict | None):
        self._fd, self.holder, self.left_behind = fd, holder, left_behind
        self._keep, self.written = False, False

    def note_run(self, **run) -> None:
        """Name the run this holder records (before its record is written): kept in the lock file
        until `settled()`, so that a run that could not record its end is not forgotten."""
        self.holder["run"], self._keep = run, True
        self._write()

    def note_failure(self, message: str) -> None:
        self.holder.setdefault("run", {})["failed"] = message
        self._write()

    def settled(self) -> None:
        self._keep = False

    def _write(self) -> None:
        """Best effort: the holder's note, written over the bytes the file already has (a full
        disk leaves a file's own block writable)."""
        data = json.dumps(self.holder, ensure_ascii=False).encode("utf-8")
        try:
            os.pwrite(self._fd, data, 0)
            os.ftruncate(self._fd, len(data))
            self.written = True
        except OSError:
            self.written = False

    def release(self) -> None:
        if not self._keep:
            os.ftruncate(self._fd, 0)


def lock_held(db: Path) -> bool:
    """Whether a gridpay process holds the warehouse's lock now (a run's 'running' record without one was
    killed: `history` showed it running until the next command)."""
    try:
        fd = os.open(lock_path(db), os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def holder_now(db: Path) -> str | None:
    """Who holds the warehouse's lock now ('pid 17899 (gridpay run --month 2026-10, by hr@pc, since ...)'), or None."""
    if not lock_held(db):
        return None
    try:
        fd = os.open(lock_path(db), os.O_RDONLY)
    except OSError:
        return "another gridpay process"
    try:
        return _holder(fd)
    finally:
        os.close(fd)


def _left_behind(fd: int) -> dict | None:
    os.lseek(fd, 0, os.SEEK_SET)
    raw = os.read(fd, 1 << 20).decode("utf-8", "replace").strip()
    if not raw:
        return None
    try:
        found = json.loads(raw)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


@contextmanager
def warehouse_lock(db: Path, what: str, timeout_s: float, poll_s: float = 0.5) -> Iterator[HeldLock]:
    db.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o666)    # the umask (core/modes.py) decides
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(f"{db}: the warehouse is busy with {_holder(fd)}; waited "
                                        f"{timeout_s:g} s (GRIDPAY_LOCK_TIMEOUT)") from None
                time.sleep(poll_s)
        holder = {"pid": os.getpid(), "what": what, "user": getpass.getuser(), "host": socket.gethostname(),
                  "since": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ")}
        lock = HeldLock(fd, holder, _left_behind(fd))
        lock._write()
        try:
            yield lock
        finally:
            lock.release()
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
