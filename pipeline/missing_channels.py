"""A way of answering the month published last counted answers by (paper, a phone round, visits) with none in this
month's survey files: a sheet not yet typed in. Trial 180's scheduled run fired on the 2nd with the 问卷星 download
alone; October had counted 48 paper answers, November's files held none, and the month was published without them
(W01 1967.94 for 1837.98), nothing said. Said, not stopped: a community may stop handing out paper forms."""
from __future__ import annotations

import logging

from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.store.grid_history import last_channels

log = logging.getLogger("gridpay")
LEAST = 10      # answers a channel counted in the month before for its absence to be said


def missing_channels(before: dict[str, int], now: dict[str, int]) -> list[tuple[str, int]]:
    """(channel, its answers before) of each channel (not online or WeChat: a platform's own) counted LEAST times
    or more before and with no row now."""
    return sorted((c, n) for c, n in before.items()
                  if c not in ("", "online", "wechat") and n >= LEAST and not now.get(c))


def say_missing_channels(ctx: RunContext) -> None:
    if ctx.request.replay is not None or (last := last_channels(ctx.settings.db, ctx.month)) is None:
        return
    with stage_connection(ctx.workdir) as con:
        now = dict(con.execute("select coalesce(channel, ''), count(*) from surveys group by 1").fetchall())
    if gone := missing_channels(last[1], now):
        named = " and ".join(f"{n} {c}" for c, n in gone)
        log.warning("%s counted %s answers (by channel), and %s's survey files hold none of %s: a sheet not typed in "
                    "yet, or not put in surveys/%s/? The month is paid without them; if they come later, run it again "
                    "by hand with a reason (gridpay run --month %s --reason \"...\")", last[0], named, ctx.month,
                    "it" if len(gone) == 1 else "them", ctx.month, ctx.month, extra=headed("missing_channel"))
