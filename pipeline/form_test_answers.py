"""Answers HR gave testing the form before it went out, left in the download: a comment that begins with a word of
testing (测试, 试填, test ...). Trial 214's two tests from the office phone on the morning the form went out, one with
a door that read as a home's, counted as a resident's all-非常满意 (W01 +21.96, every other worker moved by the
community mean), exit 0. Stopped under any policy, naming file, row, answer and comment; never in an audit (it
replays what the month was published on). The download holds them until HR deletes them: README step 3."""
from __future__ import annotations

from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.stop_messages import stop_line

# a comment that begins with a word of testing, after spaces and brackets ('【测试】', '测试，请忽略', 'Test')
TESTING = r"^[\s【\[(（]*(测试|試|试填|试一下|内测|test|ceshi)"


def form_test_answers(ctx: RunContext) -> list[tuple]:
    """(file, row, answer id, grid, comment) of each valid answer whose comment marks a test, in file order."""
    if ctx.request.replay is not None:
        return []
    with stage_connection(ctx.workdir) as con:
        return con.execute(f"""
            select s.source_file, s.row_number, s.response_id, s.grid_id, s.comment
            from surveys s left join survey_invalid v using (row_id)
            where v.invalid_reason is null and regexp_matches(lower(s.comment), '{TESTING}')
            order by s.source_file, s.row_number::integer""").fetchall()


def form_test_message(ctx: RunContext, found: list[tuple]) -> str:
    by_file: dict[str, list[str]] = {}
    for file, row, rid, grid, comment in found:
        by_file.setdefault(file, []).append(f"row {row} (answer {rid}, {grid}: '{comment.strip()[:20]}')")
    files = [f"{file}: {', '.join(rows[:10])}{' ...' if len(rows) > 10 else ''}" for file, rows in by_file.items()]
    n = len(found)
    return stop_line(ctx, f"{n} answer{'s' if n != 1 else ''} whose comment marks {'them' if n != 1 else 'it'} "
                          f"a test of the form, given before it went out, would count as a resident's", files,
                     "Delete the test answers on the platform (问卷星: 查看下载答卷 → 删除) and download the month again, "
                     "or delete their rows from the file and run with --accept-fewer-answers (said on the scorecard); "
                     "a resident's answer whose comment begins so: clear that comment cell (a comment moves no pay) "
                     "and run again", most=10)
