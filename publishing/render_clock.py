"""The moment the documents are rendered as of. A month's worker sheets and notice print its 公示 window
while it is open, and its HR scorecard 已定稿 once it is final; finalize renders the HR documents again,
the others keep the words of their day. `gridpay audit --documents` renders the month again to compare:
as of today first, and a document that differs is rendered as of its publication (a draft, its window
as it was that day) before it is called different (a seventy-first trial's September, finalized, failed
on every worker sheet: they were published with the window open, and are right as they are)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timezone

_AS_OF: ContextVar[tuple[datetime, bool] | None] = ContextVar("rendered_as_of", default=None)


@contextmanager
def rendered_as_of(at: datetime, draft: bool) -> Iterator[None]:
    """Render as of `at` (UTC); `draft`: as the month was before any finalize, else as it is."""
    token = _AS_OF.set((at, draft))
    try:
        yield
    finally:
        _AS_OF.reset(token)


def render_time() -> datetime:
    """Now, or the moment the rendering is as of (UTC, aware)."""
    as_of = _AS_OF.get()
    return as_of[0].replace(tzinfo=timezone.utc) if as_of else datetime.now(timezone.utc)


def as_a_draft() -> bool:
    """Whether the rendering is as of the month before it was finalized."""
    as_of = _AS_OF.get()
    return bool(as_of and as_of[1])
