"""What a platform download's columns leave unread that a rule needs: the phone (a self-rating unseen:
pipeline/verdicts.py) and the time an answer took. A ninety-sixth trial's download headed 序号 and 提交时间
was read by the 金数据 layout, whose 填写时长 it lacked; its 答题时长 column was read as nothing, and a
22-second answer counted while the notice told residents such answers do not count (27.80 yuan, exit 0)."""
from __future__ import annotations

import logging

from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.verdicts import say_phoneless_downloads

log = logging.getLogger("gridpay")


def say_download_columns(ctx: RunContext) -> None:
    say_phoneless_downloads(ctx.workdir)
    say_durationless_downloads(ctx)


def say_durationless_downloads(ctx: RunContext) -> None:
    """A platform download none of whose answers has a duration while the speeder rule is on: said, naming the
    layout that read it and a header of it that names a duration, read as nothing."""
    if ctx.policy.integrity.speeder == "off":
        return
    layouts = {p.name: p for p in ctx.policy.platforms}
    with stage_connection(ctx.workdir) as con:
        files = con.execute("select s.source_file, count(*), any_value(p.layout), any_value(p.unread_duration), "
                            "bool_or(p.duration_read) from surveys s join platform_files p using (source_file) "
                            "group by 1 having count(s.duration_s) = 0 and count(*) >= 5 order by 1").fetchall()
    for file, rows, name, unread, read in files:
        layout = layouts.get(name)
        own = layout.header("duration_s") if layout else None
        lacks = (f", whose {own} column gives none it can read" if read else f", without its {own} column") if own else ""
        by = (f" (read as a {name} download by its {layout.header('response_id')} and "
              f"{layout.header('submitted_at')} columns{lacks})") if layout else ""
        way = (f"its column '{unread}' is read as nothing: if it is the time each answer took, name it in your "
               f"policy's survey.platforms.\"{name}\".duration (with a new version), or download the form again as "
               f"{name} exports it") if unread else "download the form again with the time each answer took"
        log.warning("%s: none of its %d answers has a duration%s, so the speeder rule judges none of them; %s",
                    file, rows, by, way, extra=headed("download_columns"))
