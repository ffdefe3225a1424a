"""Which inbox entries a run may read: regular files that are inside the inbox. A link is followed
only while it stays in the inbox; a link leading out of it (to /etc/passwd, to another folder), a
device, a pipe or a socket is refused naming the entry, before a byte of it is read, so that no
message, archive or report can carry the contents of a file HR did not put in the inbox."""
from __future__ import annotations

import os
import stat
from pathlib import Path

from gridpay.core.errors import InputError

_KIND = {stat.S_ISDIR: "a folder", stat.S_ISCHR: "a device", stat.S_ISBLK: "a device", stat.S_ISFIFO: "a pipe",
         stat.S_ISSOCK: "a socket"}


def _name(inbox: Path, path: Path) -> str:
    return path.relative_to(inbox).as_posix()


def _resolved(inbox: Path, path: Path) -> Path:
    """Where `path` leads; refused when that is outside the inbox or nowhere."""
    target = Path(os.path.realpath(path))
    root = Path(os.path.realpath(inbox))
    if not target.exists():
        raise InputError(_name(inbox, path), "is a link that leads nowhere (its target is missing); put the file "
                                             "itself in the inbox")
    if target != root and root not in target.parents:
        raise InputError(_name(inbox, path), f"leads outside the inbox (to {target}): gridpay reads only what is in the "
                                             "inbox; copy it in rather than link to it")
    return target


def refuse_undecodable_name(*names: str) -> None:
    """A name that is no UTF-8 text (bytes a zip made on Windows names in GBK, unpacked on Linux) stops, naming it as
    GBK reads it: trial 248's file so named failed the run with an 'unexpected error' naming no file, and `inspect`
    called it damaged."""
    for name in names:
        try:
            name.encode("utf-8")
        except UnicodeEncodeError:
            meant = os.fsencode(name).decode("gb18030", "replace")
            raise InputError(meant, "its name is not UTF-8 text but GBK, as a zip made on Windows unpacks on Linux "
                                    "(shown here as GBK reads it, which may be the name of a file beside it): rename "
                                    "the file, and run again (a zip's GBK names unpack as they read with `7z x` or an "
                                    "unzip that has `-O GBK`)") from None


def inbox_file(inbox: Path, path: Path) -> Path:
    """`path` (an entry of the inbox) if it is a regular file inside the inbox, else InputError."""
    refuse_undecodable_name(_name(inbox, path))
    mode = _resolved(inbox, path).stat().st_mode
    if not stat.S_ISREG(mode):
        kind = next((what for test, what in _KIND.items() if test(mode)), "not a regular file")
        raise InputError(_name(inbox, path), f"is {kind}, not a file; gridpay reads only regular files in the inbox")
    return path


def inbox_folder(inbox: Path, path: Path) -> bool:
    """Whether `path` is a folder inside the inbox (False if there is nothing there); a link out of
    the inbox or a file where a folder belongs is refused."""
    if not os.path.lexists(path):
        return False
    if not stat.S_ISDIR(_resolved(inbox, path).stat().st_mode):
        raise InputError(_name(inbox, path), "is not a folder; survey files go in surveys/ or surveys/<month>/")
    return True
