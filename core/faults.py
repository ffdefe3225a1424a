"""Named fault points for the crash and disk-error tests (never set in production):
GRIDPAY_FAULT="pause:<point>" sleeps at that point so a test can kill the process there (touching
the file GRIDPAY_FAULT_MARK first, if set, so the test knows it got there);
GRIDPAY_FAULT="fail:<point>[,<point>...]" raises there the error a full disk gives: an OSError,
or, where gridpay is inside DuckDB or SQLAlchemy at that point, `wrap` of it (the error that
library raises for a full disk, so that the tests see the wrapping a user sees)."""
from __future__ import annotations

import errno
import os
import time
from typing import Callable


def fault_point(name: str, wrap: Callable[[OSError], BaseException] | None = None) -> None:
    action, _, where = os.environ.get("GRIDPAY_FAULT", "").partition(":")
    if name not in where.split(","):
        return
    if action == "pause":
        if os.environ.get("GRIDPAY_FAULT_MARK"):
            open(os.environ["GRIDPAY_FAULT_MARK"], "w").close()
        time.sleep(3600)
    elif action == "fail":
        error = OSError(errno.ENOSPC, f"No space left on device (injected at {name})")
        raise wrap(error) if wrap else error


def duckdb_write_error(path: str) -> Callable[[OSError], BaseException]:
    """What DuckDB raises when it cannot write its WAL at a commit (seen on a full tmpfs)."""
    def make(error: OSError) -> BaseException:
        import duckdb
        return duckdb.TransactionException(f'TransactionContext Error: Failed to commit: Could not write file '
                                           f'"{path}": {error.strerror}')
    return make


def sqlalchemy_write_error(path: str) -> Callable[[OSError], BaseException]:
    """What GX's SQL path over duckdb-engine raises: SQLAlchemy's OperationalError around DuckDB's."""
    def make(error: OSError) -> BaseException:
        import duckdb
        from sqlalchemy.exc import OperationalError
        return OperationalError("select 1", {}, duckdb.IOException(
            f'IO Error: Could not write file "{path}": {error.strerror}'))
    return make


def duckdb_fault_point(name: str, path: str) -> None:
    """A fault point inside a DuckDB write of `path` (a separate name: tests replace fault_point)."""
    fault_point(name, duckdb_write_error(path))


def sqlalchemy_fault_point(name: str, path: str) -> None:
    fault_point(name, sqlalchemy_write_error(path))
