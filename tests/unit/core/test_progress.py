"""Long steps show their progress: plain lines every few seconds in logs, a bar on a terminal,
nothing for a short step (core/progress.py)."""
import io
import logging

from gridpay.core import progress as p


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


class Terminal(io.StringIO):
    def isatty(self):
        return True


def lines(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "gridpay.progress"]


def test_plain_lines_every_few_seconds_with_rate_and_time_left(caplog):
    caplog.set_level(logging.INFO, logger="gridpay.progress")
    clock = Clock()
    with p.progress("worker sheets", 80, bar=False, clock=clock, every=5) as advance:
        for _ in range(80):
            clock.now += 0.125        # 8 pages a second: a line at 5 s, and the last at 10 s
            advance()
    assert lines(caplog) == ["worker sheets: 40/80 (50%), 8.0/s, about 5 s left",
                             "worker sheets: 80/80 (100%), 8.0/s"]


def test_the_last_line_is_not_said_twice(caplog):
    caplog.set_level(logging.INFO, logger="gridpay.progress")
    clock = Clock()
    with p.progress("worker sheets", 5, bar=False, clock=clock) as advance:
        clock.now += 6
        advance(5)
        clock.now += 0.1
    assert lines(caplog) == ["worker sheets: 5/5 (100%), 0.8/s"]


def test_a_short_step_says_nothing(caplog):
    caplog.set_level(logging.INFO, logger="gridpay.progress")
    clock = Clock()
    with p.progress("reading survey files", 3, bar=False, clock=clock, every=0.5) as advance:
        for _ in range(3):
            clock.now += 0.6          # 1.8 s in all: under the quiet time
            advance()
    assert lines(caplog) == []


def test_time_left_in_minutes_and_thousands_grouped(caplog):
    caplog.set_level(logging.INFO, logger="gridpay.progress")
    clock = Clock()
    with p.progress("worker sheets", 26_668, bar=False, clock=clock) as advance:
        clock.now += 10
        advance(100)
    assert lines(caplog)[0] == "worker sheets: 100/26,668 (0%), 10.0/s, about 44 min 17 s left"


def test_bar_on_a_terminal_plain_lines_under_prefect_or_in_a_pipe(monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.delenv("PREFECT__FLOW_RUN_ID", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert p.wants_bar(Terminal()) and not p.wants_bar(io.StringIO())
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert not p.wants_bar(Terminal())


def test_the_bar_draws_on_the_terminal_and_its_lines_stay_off_the_console(tmp_path, capsys):
    from gridpay.core.logs import CommandLog
    log = CommandLog(tmp_path / "run.log")
    try:
        terminal, clock = Terminal(), Clock()
        with p.progress("worker sheets", 40, stream=terminal, bar=True, clock=clock, every=1) as advance:
            for _ in range(40):
                clock.now += 0.25
                advance()
    finally:
        log.close()
    assert "worker sheets" in terminal.getvalue()           # the bar
    assert "worker sheets" not in capsys.readouterr().err   # no plain line under it
    assert "worker sheets: 40/40 (100%), 4.0/s" in (tmp_path / "run.log").read_text(encoding="utf-8")
