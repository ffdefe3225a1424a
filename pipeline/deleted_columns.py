"""A platform download with a numbered question's column deleted and no phone read from it: a worker's rating of
their own grid would count as a resident's. Trial 214's HR deleted the phone column (4、您的手机号码) from the 问卷星
download before putting it in the inbox: two self-ratings counted (+37.08), exit 0, and the warning said the form did
not ask the phone. 问卷星 numbers every question, so a number skipped in the header is a column taken out after the
download. Stopped under any policy; never in an audit (it replays what the month was published on)."""
from __future__ import annotations

import pandas as pd

from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.stop_messages import stop_line


def phone_columns_deleted(ctx: RunContext) -> list[str]:
    """'<file> (<answers> answers; its questions skip <n>)' for each platform download read with no phone column
    whose numbered questions skip a number, where workers.csv gives phones."""
    if ctx.request.replay is not None or pd.read_parquet(ctx.workdir / "workers.parquet",
                                                         columns=["phone_hash"])["phone_hash"].isna().all():
        return []
    with stage_connection(ctx.workdir) as con:
        rows = con.execute("select p.source_file, count(*), any_value(p.skipped_questions) from platform_files p "
                           "join surveys s using (source_file) where not p.phone_asked and p.skipped_questions "
                           "is not null group by 1 order by 1").fetchall()
    return [f"{file} ({answers} answers; its numbered questions skip {skipped})" for file, answers, skipped in rows]


def phone_columns_message(ctx: RunContext, found: list[str]) -> str:
    return stop_line(ctx, "a platform download gives no phone and a question's column was taken out of it (the "
                          "platform numbers every question), so a worker's rating of their own grid would count as a "
                          "resident's", found,
                     "Put the download in as it came from the platform, with every column (a column of phones is "
                     "never shown: gridpay masks them), and run again")
