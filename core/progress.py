"""Progress of a long step (reading survey files, validating, worker sheets N/M, scorecards).

    with progress("worker sheets", len(pages)) as advance:
        for page in pages:
            ...
            advance()

On a terminal: a rich progress bar on stderr with the rate and the time left. In a log, under
Prefect (PREFECT_API_URL set, or inside a Prefect flow run) or whenever stderr is not a terminal:
one plain `gridpay.progress` line every few seconds ("worker sheets: 1,200/2,668 (45%), 31.2/s,
about 47 s left"). Nothing at all for a step done within its first ~2 seconds, so a small month's
console reads as before. With a bar showing, the same lines still go to the command's log file
(core/logs.py keeps them off the console: the bar says it there).

The kernel imports neither Prefect nor rich at module level: rich is loaded only when a bar is
drawn, and a Prefect flow run is recognised only if Prefect is already loaded."""
from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

LOGGER = logging.getLogger("gridpay.progress")
QUIET_FOR = 2.0      # seconds: a step done sooner shows nothing
LINE_EVERY = 5.0     # seconds between plain lines
ON_BAR = "progress_on_bar"   # a record's attribute: a bar is showing this line on the console


def under_prefect() -> bool:
    """A Prefect server or worker runs this (its logs are the console), or a flow run does."""
    if os.environ.get("PREFECT_API_URL") or os.environ.get("PREFECT__FLOW_RUN_ID"):
        return True
    context = sys.modules.get("prefect.context")     # only if Prefect is loaded: never imported here
    flow_run = getattr(context, "FlowRunContext", None)
    try:
        return flow_run is not None and flow_run.get() is not None
    except Exception:        # a context from another Prefect version: the plain lines are safe
        return True


def wants_bar(stream=None) -> bool:
    stream = stream if stream is not None else sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty and not under_prefect() and os.environ.get("TERM") != "dumb"


def _seconds(value: float) -> str:
    value = round(value)
    return f"{value} s" if value < 120 else f"{value // 60} min {value % 60:02d} s"


def progress_line(what: str, done: int, total: int, elapsed: float) -> str:
    """"worker sheets: 1,200/2,668 (45%), 31.2/s, about 47 s left" """
    rate = done / elapsed if elapsed > 0 else 0.0
    share = f" ({done / total:.0%})" if total else ""
    left = f", about {_seconds((total - done) / rate)} left" if rate > 0 and done < total else ""
    return f"{what}: {done:,}/{total:,}{share}, {rate:.1f}/s{left}"


class _Lines:
    """The plain-line mode (and the log file's lines under a bar)."""

    def __init__(self, what: str, total: int, clock: Callable[[], float], every: float, on_bar: bool):
        self.what, self.total, self.clock, self.every, self.on_bar = what, total, clock, every, on_bar
        self.start = self.last = clock()
        self.done, self.said = 0, None     # said: the count of the last line, None before any

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if now - self.start >= QUIET_FOR and now - self.last >= self.every:
            self._say(now)

    def _say(self, now: float) -> None:
        self.last, self.said = now, self.done
        LOGGER.info(progress_line(self.what, self.done, self.total, now - self.start),
                    extra={ON_BAR: self.on_bar})

    def finish(self) -> None:
        """A last line at the end, only after a step long enough to have said something."""
        if self.said is not None and self.said != self.done:
            self._say(self.clock())


class _Bar:
    """A rich bar, drawn only once the step has run QUIET_FOR seconds."""

    def __init__(self, what: str, total: int, clock: Callable[[], float], stream):
        self.what, self.total, self.clock, self.stream = what, total, clock, stream
        self.start, self.done, self.bar, self.task = clock(), 0, None, None

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self.bar is None and self.clock() - self.start >= QUIET_FOR:
            self._show()
        elif self.bar is not None:
            elapsed = self.clock() - self.start      # items a second (rich's own speed column is bytes)
            self.bar.update(self.task, completed=self.done, rate=f"{self.done / elapsed:.1f}/s")

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                                   TimeRemainingColumn)
        self.bar = Progress(TextColumn("gridpay: {task.description}"), BarColumn(), MofNCompleteColumn(),
                            TaskProgressColumn(), TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                            console=Console(file=self.stream), transient=True, redirect_stdout=False,
                            redirect_stderr=False)
        self.task = self.bar.add_task(self.what, total=self.total, completed=self.done, rate="")
        self.bar.start()

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=self.done)
            self.bar.stop()


@contextmanager
def progress(what: str, total: int, *, bar: bool | None = None, stream=None,
             clock: Callable[[], float] = time.monotonic, every: float = LINE_EVERY) -> Iterator[Callable[..., None]]:
    """Yields `advance(n=1)`. `bar`: None decides by the console (wants_bar); `stream` the bar's
    (default stderr); `clock` and `every` let a test drive the plain lines."""
    stream = stream if stream is not None else sys.stderr
    shown = wants_bar(stream) if bar is None else bar
    lines = _Lines(what, total, clock, every, on_bar=shown)
    drawn = _Bar(what, total, clock, stream) if shown else None

    finished = []

    def advance(n: int = 1) -> None:
        if finished:          # a pool's late callback, after the step is over: nothing more to say
            return
        lines.advance(n)
        if drawn is not None:
            drawn.advance(n)
    try:
        yield advance
    finally:
        finished.append(True)
        if drawn is not None:
            drawn.finish()
        lines.finish()
