"""One run at a time per warehouse: an exclusive lock file next to it, held for the whole run.
A second run waits a bounded time, then stops naming the holder (exit 2)."""
from __future__ import annotations

import fcntl
import getpass
import json
import os
import socket
import time
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


@contextmanager
def warehouse_lock(db: Path, what: str, timeout_s: float, poll_s: float = 0.5):
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
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode("utf-8"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
