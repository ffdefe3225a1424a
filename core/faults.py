"""Named fault points for the crash and disk-error tests (never set in production):
GRIDPAY_FAULT="pause:<point>" sleeps at that point so a test can kill the process there (touching
the file GRIDPAY_FAULT_MARK first, if set, so the test knows it got there);
GRIDPAY_FAULT="fail:<point>" raises the error a full disk gives."""
from __future__ import annotations

import errno
import os
import time


def fault_point(name: str) -> None:
    action, _, where = os.environ.get("GRIDPAY_FAULT", "").partition(":")
    if where != name:
        return
    if action == "pause":
        if os.environ.get("GRIDPAY_FAULT_MARK"):
            open(os.environ["GRIDPAY_FAULT_MARK"], "w").close()
        time.sleep(3600)
    elif action == "fail":
        raise OSError(errno.ENOSPC, f"No space left on device (injected at {name})")
