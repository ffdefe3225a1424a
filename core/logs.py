"""Where a command's messages go: one plain line per step to the console (the `gridpay` logger at
INFO), everything, library chatter and tracebacks included, to the command's log file. With
--debug the console gets everything too. Prefect's console handlers (flow-run nicknames, a second
traceback) are taken off, so that only gridpay speaks on the console."""
from __future__ import annotations

import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from gridpay.core.progress import ON_BAR
from gridpay.transforms.folding import visible


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class PrivateFileHandler(logging.FileHandler):
    """A log file created on the first record (0600 in a 0700 folder, by the process umask of
    core/modes.py): a command that logs nothing, such as `history`, leaves no file or folder."""

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)
        return os.fdopen(fd, "a", encoding=self.encoding or "utf-8")


def note_in_log(path: Path | None, message: str) -> None:
    """One line at the end of a command's log, made if nothing was logged yet: a run's record
    names its log, so a run that fails (bad input, before any step said a word) leaves one that
    says why. A log that cannot be written (a full disk) must not hide the failure it reports."""
    if path is None:
        return
    record = logging.LogRecord("gridpay", logging.ERROR, __file__, 0, message, None, None)
    line = logging.Formatter(LOG_FORMAT).format(record) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o666)   # the umask makes it 0600
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(line)
    except OSError:
        pass


def log_file(folder: Path, command: str) -> Path:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return folder / f"gridpay-{command}-{stamp}-{os.getpid()}.log"


def _is_console(handler: logging.Handler) -> bool:
    return (isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler)
            and getattr(handler, "stream", None) in (sys.stderr, sys.stdout, sys.__stderr__, sys.__stdout__)
            ) or type(handler).__name__ == "PrefectConsoleHandler"


def quiet_libraries(file_handler: logging.Handler | None, debug: bool) -> None:
    """Take console handlers off every logger but gridpay's (Prefect installs its own on import),
    and send what they would have said to the log file."""
    loggers = [logging.getLogger()] + [logging.getLogger(name) for name in list(logging.Logger.manager.loggerDict)
                                       if not name.startswith("gridpay")]
    for logger in loggers:
        if debug:
            continue
        for handler in [h for h in logger.handlers if _is_console(h)]:
            logger.removeHandler(handler)
        if file_handler is not None and not logger.propagate and file_handler not in logger.handlers:
            logger.addHandler(file_handler)


class _Visible(logging.Formatter):
    """The console's lines with invisible characters named (transforms/folding.visible)."""

    def format(self, record: logging.LogRecord) -> str:
        return visible(super().format(record), keep="\n\t")


class CommandLog:
    """Set up for one command; `close()` undoes it (the CLI may run many commands in one process)."""

    def __init__(self, path: Path, debug: bool = False):
        self.path, self.debug = path, debug
        self.file = PrivateFileHandler(path, delay=True, encoding="utf-8")
        self.file.setFormatter(logging.Formatter(LOG_FORMAT))
        self.console = logging.StreamHandler(sys.stderr)
        self.console.setFormatter(_Visible("gridpay: %(message)s" if not debug else
                                           "%(asctime)s %(levelname)s %(name)s: %(message)s"))
        # a step's progress line goes to the log file; on the console a progress bar already says it
        self.console.addFilter(lambda record: not getattr(record, ON_BAR, False))
        root, ours = logging.getLogger(), logging.getLogger("gridpay")
        self._saved = (root.level, ours.level, ours.propagate)
        root.setLevel(logging.DEBUG if debug else logging.WARNING)   # libraries: warnings and errors only
        root.addHandler(self.file)
        ours.setLevel(logging.INFO if not debug else logging.DEBUG)
        ours.propagate = True
        (root if debug else ours).addHandler(self.console)
        quiet_libraries(self.file, debug)

    def close(self) -> None:
        root, ours = logging.getLogger(), logging.getLogger("gridpay")
        for logger in [root, ours] + [logging.getLogger(n) for n in list(logging.Logger.manager.loggerDict)]:
            for handler in (self.file, self.console):
                if handler in logger.handlers:
                    logger.removeHandler(handler)
        root.setLevel(self._saved[0])
        ours.setLevel(self._saved[1])
        ours.propagate = self._saved[2]
        self.file.close()

    def written(self) -> bool:
        return self.path.is_file()

    def keep(self, line: str) -> None:
        """A stop's line, which the CLI prints itself, kept in the command's log too where it wrote one: trial 222's
        stop listing 32 grid names to alias was gone with the terminal, the log ending at 'validated 212 rows'."""
        if self.written():
            self.file.flush()
            note_in_log(self.path, line)
