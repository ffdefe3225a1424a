"""One answer in two survey files under two ids: two downloads of one form, each given a prefix in the policy's
[survey.file_id_prefixes] (which is for two forms numbering their answers from 1 alike). Trial 225's late download
of October's thin grid, beside the month's first download, was given a prefix as the shared-ids stop offered: the
copies were one household's answers at the same time, one set aside for the other, and HR's correction naming the
worker's mother's answer 11 removed nothing while her copy L11 counted (W05 1362.56 for 1291.68), exit 0. Stopped
under any policy; never in an audit (it replays what the month was published on). The grid is not compared: trial
265's 第六网格 form, downloaded again under 第七网格's name and read as 第七's by [survey.file_grids], paid W07 on 第六's
31 answers (1693.92 for 1280.00), exit 0: the copies were one answer each, in two grids."""
from __future__ import annotations

from gridpay.ingest.duckdb_reader import quoted
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.stop_messages import stop_line

CROSS_GRID_COPIES = 3       # answers two files both hold, read as two grids', for the stop


def copied_answers(ctx: RunContext) -> list[tuple[str, str, int, str, str]]:
    """(file, other file, answers, first ids 'a and b, ...', the grids they were read as 'G6 and G7' where two) for
    each pair of survey files holding one answer each: its time to the second (not a day alone: two paper forms of a
    day may be a home's two), home, phone and every rating the same, in any grid."""
    if ctx.request.replay is not None:
        return []
    ratings = ", ".join(f"coalesce(s.{quoted(item)}::varchar, '-')" for item in ctx.policy.items)
    with stage_connection(ctx.workdir) as con:
        # one file (a city's single download of millions of rows) has no other to hold a copy: no hashing of it
        if con.execute("select count(distinct source_file) from surveys").fetchone()[0] < 2:
            return []
        return con.execute(f"""
            with answer as (
                select s.source_file, s.response_id, s.row_id,
                       s.grid_id, md5(concat_ws(chr(31), s.submitted_at_ts::varchar, s.household_id,
                                         coalesce(s.respondent_phone_hash, '-'), {ratings})) as one
                from surveys s
                where s.submitted_at_ts is not null and s.household_id is not null and s.grid_id is not null
                  and s.submitted_at_ts::time <> '00:00:00'),
            pair as (
                select a.source_file as a_file, b.source_file as b_file, a.response_id as a_id, b.response_id as b_id,
                       a.row_id, a.grid_id as a_grid, b.grid_id as b_grid
                from answer a join answer b on a.one = b.one and a.source_file < b.source_file)
            select a_file, b_file, count(distinct row_id),
                   string_agg(a_id || ' and ' || b_id, ', ' order by row_id),
                   string_agg(distinct a_grid || ' and ' || b_grid, ', ') filter (where a_grid <> b_grid)
            from pair group by a_file, b_file
            -- in two grids, three or more: a copied download holds many; one door answered at one second in two
            -- compounds of a city's month may be a coincidence
            having count(*) filter (where a_grid = b_grid) > 0 or count(distinct row_id) >= {CROSS_GRID_COPIES}
            order by a_file, b_file""").fetchall()


def copied_answers_message(ctx: RunContext, found: list[tuple[str, str, int, str, str | None]]) -> str:
    pairs = [f"'{a}' and '{b}': {n} answer{'s' if n != 1 else ''} ({', '.join(ids.split(', ')[:5])}"
             f"{' ...' if n > 5 else ''})" + (f", read as grids {grids}: one grid's form downloaded again under "
                                              f"another grid's name? Download each grid's own form" if grids else "")
             for a, b, n, ids, grids in found]
    return stop_line(ctx, "survey files hold the same answers under other ids (each one's time to the second, home, "
                          "phone and ratings), so each would be in the month twice: one set aside for the other, and an "
                          "appeal or a call naming one id would leave its copy counted", pairs,
                     "Two downloads of one form are one month's answers twice: a prefix in [survey.file_id_prefixes] "
                     "is for two forms. Keep the one download that holds every answer of the month (download the form "
                     "again if neither does), take the other out of the inbox, and run again", most=5)
