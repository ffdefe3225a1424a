"""The warnings a run prints on the console, kept to be recorded with it (store/migrations/0013) and listed
on the scorecard HR signs: a thirty-third trial's HR read the scorecard first, as the README says, and
signed a month whose console had said that a compound answers named was not in grids.csv. Lines the
scorecard lists in its own words already (pipeline/household_doubts.py), and those about the run replacing
a published one (pipeline/verdicts.py), are left out."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

# log.warning(..., extra=...): a line the scorecard does not repeat: listed there in its own words, or about
# this run replacing a published one (a thirty-sixth trial's page read "if this correction publishes ...")
ON_SCORECARD = {"scorecard_line": False}
ABOUT_THE_RUN = ON_SCORECARD


class _Notices(logging.Handler):
    def __init__(self, lines: list[str]):
        super().__init__(logging.WARNING)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "scorecard_line", True):
            self.lines.append(record.getMessage())


@contextmanager
def run_notices() -> Iterator[list[str]]:
    """The 'gridpay' logger's warnings while the block runs, in order (the list fills as they come)."""
    lines: list[str] = []
    handler, logger = _Notices(lines), logging.getLogger("gridpay")
    logger.addHandler(handler)
    try:
        yield lines
    finally:
        logger.removeHandler(handler)
