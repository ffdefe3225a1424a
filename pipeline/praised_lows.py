"""A typed sheet whose answers rated at the bottom praise the worker in their comments: a sheet typed the wrong way
round (a platform's download holds the residents' own choices, and is not asked). Trial 235's volunteer typed the number of the option circled on the paper form (①非常满意 as 1) for 25 forms,
mixed with another's scores in one sheet with no legend: every comment of hers (网格员很负责，谢谢, 希望继续保持) read
as a rating of 非常不满意, W03 paid 1280.00 for 1685.28, four others less too, exit 0, nothing said. On as many such
answers of a file as the policy's gate.praised_low_rows (and a tenth of its bottom-rated answers with a comment) the
month stops, naming the file and rows; fewer are not said (a resident may thank and still rate low). Never in an
audit, which replays what the month was published on."""
from __future__ import annotations

import logging

from gridpay.ingest.duckdb_reader import quoted
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.stop_messages import stop_line
from gridpay.transforms.comment_tone import praises

SHARE = 0.1         # of a file's bottom-rated answers with a comment, at least, besides the policy's count
SHOWN = 5
LEAST_ROWS = 10     # a typed sheet's answers, and the download's in the same grids, before their means are compared
log = logging.getLogger("gridpay")


def say_low_sheets(ctx: RunContext) -> None:
    """A typed sheet whose answers rate the grids a quarter of the scale below what the platform's download says of the
    same grids: the wrong way round, without a comment to show it (trial 235's re-check: a sheet with no comment column
    typed so published, nothing said). Said, not stopped: paper forms may come from the least satisfied homes."""
    if ctx.request.replay is not None:
        return
    _say_five_point_sheets(ctx)
    items = ctx.policy.items
    mean = " + ".join(f"coalesce(try_cast({quoted(i)} as double), 0)" for i in items)
    answered = " + ".join(f"(try_cast({quoted(i)} as double) is not null)::int" for i in items)
    with stage_connection(ctx.workdir) as con:
        if not _downloads(con):         # no download to compare with
            return
        rows = con.execute(f"""
            with a as (select source_file, grid_id, ({mean}) / nullif({answered}, 0) as score,
                              source_file in (select source_file from platform_files) as download
                       from surveys where grid_id is not null),
            typed as (select source_file, grid_id, avg(score) as s, count(score) as n from a where not download
                      group by all),
            online as (select grid_id, avg(score) as s, count(score) as n from a where download group by all)
            select t.source_file, sum(t.n * t.s) / sum(t.n), sum(o.n * o.s) / sum(o.n), sum(t.n), sum(o.n)
            from typed t join online o using (grid_id) group by t.source_file
            having sum(t.n) >= {LEAST_ROWS} and sum(o.n) >= {LEAST_ROWS} order by 1""").fetchall()
    gap = (ctx.policy.scale_max - ctx.policy.scale_min) / 4
    for file, typed, online, n, m in rows:
        if typed <= online - gap:
            log.warning("%s: its %d answers rate their grids %.1f on average, where the platform's download rates the "
                        "same grids %.1f (%d answers): a sheet typed the wrong way round (the number of the option "
                        "circled, ①非常满意 typed 1)? Check its rows against the paper forms before signing; if the "
                        "sheet is right, nothing is wrong", file, n, typed, online, m, extra=headed("invalid_rows"))


FIVE_POINT_ROWS = 5       # a typed sheet's answers, every one 1 to 5 on a longer scale, before it is said


def _say_five_point_sheets(ctx: RunContext) -> None:
    """A typed sheet whose every item answer is 1 to 5 under a policy of a longer scale (0-10): an old five-option
    paper form typed as its points (trial 283's forms after a 0-10 change, 非常满意 typed 5: W04 1535.52 for 1628.32,
    exit 0, nothing said; too few rows for the mean's comparison below)."""
    if ctx.policy.scale_max <= 5:
        return
    values = ", ".join(f"try_cast({quoted(i)} as double)" for i in ctx.policy.items)
    with stage_connection(ctx.workdir) as con:
        rows = con.execute(f"""
            select source_file, count(*), max(hi), min(lo)
            from (select source_file, greatest({values}) as hi, least({values}) as lo from surveys
                  where not list_contains(?, source_file))
            where hi is not null group by 1 order by 1""", [sorted(_downloads(con))]).fetchall()
    for file, n, high, low in rows:
        if n >= FIVE_POINT_ROWS and high <= 5 and low >= 1:
            log.warning("%s: its %d answers rate every item 1 to 5, on the policy's scale of %d to %d: an old five-option "
                        "form typed as its points (5 for 非常满意)? Check its rows against the paper forms; type each "
                        "answer as the policy's point (or as its word, 非常满意) and run again; if the sheet is right, "
                        "nothing is wrong", file, n, ctx.policy.scale_min, ctx.policy.scale_max,
                        extra=headed("invalid_rows"))


def _downloads(con) -> set[str]:
    """The survey files the stage read as a platform's download (its platform_files table, where the stage has one)."""
    if not con.execute("select count(*) from duckdb_tables() where table_name = 'platform_files'").fetchone()[0]:
        return set()
    return {file for (file,) in con.execute("select source_file from platform_files").fetchall()}


def praised_lows(ctx: RunContext) -> list[tuple[str, int, list[tuple[int, str]]]]:
    """(file, its bottom-rated answers with a comment, [(row, comment)] of those praising) for each file that stops."""
    least = ctx.policy.outcome.praised_low_rows
    if least is None or ctx.request.replay is not None:
        return []
    ratings = ", ".join(f"try_cast({quoted(item)} as integer)" for item in ctx.policy.items)
    with stage_connection(ctx.workdir) as con:
        # a sheet HR typed: a platform's download holds the residents' own choices (trial 238's 问卷星 answers)
        rows = con.execute(f"select source_file, row_number, comment from surveys where not list_contains(?, "
                           f"source_file) and comment is not null and greatest({ratings}) <= ? order by source_file, "
                           f"row_number", [sorted(_downloads(con)), ctx.policy.scale_min + 1]).fetchall()
    by_file: dict[str, list[tuple[int, str]]] = {}
    low: dict[str, int] = {}
    for file, row, comment in rows:
        low[file] = low.get(file, 0) + 1
        if praises(comment):
            by_file.setdefault(file, []).append((row, comment))
    return [(file, low[file], praised) for file, praised in sorted(by_file.items())
            if len(praised) >= least and len(praised) >= SHARE * low[file]]


def praised_lows_message(ctx: RunContext, found: list[tuple[str, int, list[tuple[int, str]]]]) -> str:
    # every row named (trial 235's re-check fixed the five shown, and the rest of the volunteer's rows published wrong)
    files = [f"{file}: {len(praised)} of its {n} answers rated at the bottom with a comment praise the worker (rows "
             + ", ".join(str(row) for row, _ in praised) + "; "
             + ", ".join(f"row {row} '{comment[:20]}'" for row, comment in praised[:SHOWN]) + ")"
             for file, n, praised in found]
    return stop_line(ctx, "answers rated at the bottom (非常不满意 or 不满意 throughout) praise the worker in their "
                          "comments, as a sheet typed the wrong way round reads: the number of the option circled "
                          "(①非常满意 typed 1) read as the score", files,
                     "Check every row of the sheet against the paper forms, not only these: the volunteer who typed "
                     "them so typed her other rows so too, those with no comment and those in the middle of the scale "
                     "(不满意 typed 4) among them. Type each answer as its word (非常满意, 满意, ...) or as the score (5 "
                     "for 非常满意), and run again; if the residents did rate so, raise gate.praised_low_rows in the "
                     "policy (under a new version)")
