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
NOTICE_HEADINGS = 18        # the output format from which the scorecard heads a line with its kind


def headed(kind: str) -> dict:
    """log.warning(..., extra=headed("self_rating")): the scorecard, written in Chinese, heads the English line with
    its kind in its own words (reports/strings_notices.py): trials 109 to 112's HR, reading no English, could
    not tell what the scorecard's one warning of the month was about."""
    return {"notice": kind}


class Notices(list):
    """The lines, and beside each the kind it was said as (None: none given)."""
    def __init__(self):
        super().__init__()
        self.kinds: list[str | None] = []


class _Notices(logging.Handler):
    def __init__(self, lines: Notices):
        super().__init__(logging.WARNING)
        self.lines = lines

    def emit(self, record: logging.LogRecord) -> None:
        if getattr(record, "scorecard_line", True):
            self.lines.append(record.getMessage())
            self.lines.kinds.append(getattr(record, "notice", None))


@contextmanager
def run_notices() -> Iterator[Notices]:
    """The 'gridpay' logger's warnings while the block runs, in order (the list fills as they come)."""
    lines = Notices()
    handler, logger = _Notices(lines), logging.getLogger("gridpay")
    logger.addHandler(handler)
    try:
        yield lines
    finally:
        logger.removeHandler(handler)


def notice_kinds(ctx) -> list[str | None] | None:
    """The kinds a run records beside its lines: from output format NOTICE_HEADINGS on (a run of an earlier format, an
    audit's among them, renders its scorecard as it was published)."""
    return getattr(ctx.notices, "kinds", None) if (ctx.request.output_format or 1) >= NOTICE_HEADINGS else None
