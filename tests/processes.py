"""`gridpay ...` in a process of its own, for the tests that kill a run or run two at once.

A `python -m gridpay.flows.cli` process spends ~8 s of CPU importing GX, pandas and SQLAlchemy
and making its first GX context before it reads a row; the crash and concurrency tests started
eight of them. Here each command runs in a process forked from a multiprocessing fork server that
imported gridpay and GX once: still a separate process with its own pid, memory, DuckDB instances,
file lock and exit status, killed with a real SIGKILL, but started in milliseconds. The fork
server is started clean (not forked from pytest, whose threads a fork would copy mid-flight).
`tests/cli/test_operator_paths.py` still starts `python -m gridpay.flows.cli` the way a user does."""
from __future__ import annotations

import io
import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_CONTEXT = multiprocessing.get_context("forkserver")
# what every command imports before it reads a file, and GX's first context (made by validation)
_CONTEXT.set_forkserver_preload(["gridpay.flows.cli", "gridpay.expectations.validate", "processes"])


def _command(argv: list[str], env: dict[str, str], cwd: str, umask: int, stdout: str, stderr: str) -> None:
    """The child: the environment, folder and umask a subprocess would have had, stdout and stderr
    to files, then the CLI's main() and its exit status."""
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    os.umask(umask)
    for fd, path in ((1, stdout), (2, stderr)):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", line_buffering=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", line_buffering=True)
    from gridpay.flows.cli import main
    sys.exit(main(argv))


class GridpayProcess:
    """The part of subprocess.Popen the tests use: pid, poll, wait, send_signal, communicate."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path, output: Path):
        self._out, self._err = output.with_suffix(".out"), output.with_suffix(".err")
        umask = os.umask(0o077)
        os.umask(umask)
        self._process = _CONTEXT.Process(target=_command, args=(argv, env, str(cwd), umask, str(self._out),
                                                                 str(self._err)),
                                      daemon=True)   # terminated, not awaited, if a test leaves one paused
        self._process.start()
        self.pid = self._process.pid

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode

    def poll(self) -> int | None:
        return self._process.exitcode

    def wait(self, timeout: float | None = None) -> int | None:
        self._process.join(timeout)
        return self._process.exitcode

    def send_signal(self, sig: int) -> None:
        os.kill(self.pid, sig)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def communicate(self, timeout: float | None = None) -> tuple[str, str]:
        if self.wait(timeout) is None:
            raise TimeoutError(f"gridpay process {self.pid} still running after {timeout} s")
        return (self._out.read_text(encoding="utf-8", errors="replace"),
                self._err.read_text(encoding="utf-8", errors="replace"))


def kill_when_paused(proc: "GridpayProcess", mark: Path, timeout_s: float = 120) -> None:
    """Wait until the process reaches its GRIDPAY_FAULT=pause:<point> (it writes `mark` there),
    then kill -9 it, as a machine that loses power would."""
    import time
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and not mark.exists() and proc.poll() is None:
        time.sleep(0.1)
    assert mark.exists(), proc.communicate()
    proc.send_signal(signal.SIGKILL)
    proc.wait()


@contextmanager
def python_holding(code: str) -> Iterator[subprocess.Popen]:
    """A Python child running `code`, which prints one line once it holds what it holds (a lock, the warehouse file):
    yielded after that line, killed at the end."""
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        child.ready = child.stdout.readline().strip()
        yield child
    finally:
        child.kill()
        child.wait()
