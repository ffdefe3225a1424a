"""What gridpay writes is private to its owner: folders 0700, files 0600, whatever the umask the
process was started with; GRIDPAY_SHARE_GROUP=1 opens them to the owner's group (0750, 0640) for an
HR office that shares one group. Set once, for the process, by the command line (and by any other
entry point that writes: the benchmark, a scheduled flow)."""
from __future__ import annotations

import os
import stat
from pathlib import Path

SHARE_GROUP = "GRIDPAY_SHARE_GROUP"


def private_umask() -> int:
    """The umask gridpay runs under: 077, or 027 with GRIDPAY_SHARE_GROUP=1."""
    return 0o027 if os.environ.get(SHARE_GROUP, "").strip() in ("1", "true", "yes") else 0o077


def make_private() -> int:
    """Apply the umask to this process (and the processes it starts); returns the previous one."""
    return os.umask(private_umask())


def too_open(roots: list[Path]) -> list[str]:
    """Files and folders under `roots` (those that exist) that others, or without
    GRIDPAY_SHARE_GROUP the group too, may read, write or enter: what `gridpay doctor` reports."""
    allowed = 0o777 & ~private_umask()
    found = []
    for root in roots:
        if not root.exists():
            continue
        for path in [root, *root.rglob("*")]:
            if path.is_symlink():
                continue
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & ~allowed & 0o077:
                found.append(f"{path} is {mode:o}, readable beyond its owner{' and group' if allowed & 0o070 else ''}")
    return found


SHOWN_OPEN = 10       # files named by `gridpay doctor`; the rest are counted


def open_files_said(found: list[str], roots: list) -> list[str]:
    """The first files others may read, how many more, and the command that closes them all (trial 267's project,
    copied by USB stick, printed 138 such lines and never what to do)."""
    if not found:
        return []
    closing = "go-rwx" if private_umask() == 0o077 else "o-rwx"
    more = [f"... and {len(found) - SHOWN_OPEN} more"] if len(found) > SHOWN_OPEN else []
    return found[:SHOWN_OPEN] + more + [f"to make them private to you again (they hold phone hashes, names and pay): "
                                        f"chmod -R {closing} {' '.join(map(str, roots))}"]
