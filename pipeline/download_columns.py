"""What a platform download's columns leave unread that a rule needs: the phone (a self-rating unseen:
pipeline/verdicts.py) and the time an answer took. A ninety-sixth trial's download headed 序号 and 提交时间
was read by the 金数据 layout, whose 填写时长 it lacked; its 答题时长 column was read as nothing, and a
22-second answer counted while the notice told residents such answers do not count (27.80 yuan, exit 0)."""
from __future__ import annotations

import logging
from pathlib import Path

from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed

log = logging.getLogger("gridpay")


def say_download_columns(ctx: RunContext) -> None:
    say_phoneless_downloads(ctx.workdir, ctx.request.replay is not None)
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


def say_phoneless_downloads(workdir: Path, replay: bool = False) -> None:
    """A platform download none of whose answers gives a phone, where workers.csv gives phones: the form no longer
    asks it, or asks it in words no rule reads, and a worker's rating of their own grid cannot be recognised in
    it (a sixty-fifth trial's form dropped the question: a worker's own all-5 answer counted, exit 0, unsaid). One
    whose phone column was taken out stops a run instead (pipeline/deleted_columns.py), not an audit's replay."""
    import pandas as pd
    if pd.read_parquet(workdir / "workers.parquet", columns=["phone_hash"])["phone_hash"].isna().all():
        return
    with stage_connection(workdir) as con:
        files = con.execute("select s.source_file, count(*), any_value(p.phone_asked) from surveys s "
                            "join platform_files p using (source_file) group by 1 "
                            "having count(s.respondent_phone_hash) = 0 and count(*) >= 5 and (? or "
                            "bool_or(p.phone_asked) or any_value(p.skipped_questions) is null) "
                            # phones Excel saved as numbers were given, not left blank: said of them (trial 87)
                            "and s.source_file not in (select source_file from unreadable_phones)", [replay]).fetchall()
    for file, rows, asked in files:
        # a sixty-sixth trial's residents left the question blank, and were told the form did not ask it
        why = ("its phone question was left blank on all %d answers" if asked else "none of its %d answers gives a "
               "phone: no question of it is read as the respondent's (the form does not ask it, or asks it in words "
               "the policy's survey.questions.respondent_phone and survey.phone_questions do not hold)") % rows
        log.warning("%s: %s: a worker's rating of their own grid cannot be recognised in them%s", file, why,
                    "" if asked else "; ask the phone on the form (选填) as gridpay questionnaire does",
                    extra=headed("phones_unread"))
