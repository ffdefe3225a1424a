"""An answer giving no phone, or another phone, from a home a worker's own rating of its grid came from. A
phone unread or left empty escapes the self-rating check: a hundred-and-fifth trial's office PC saved two phones as
1.38E+10, the stop said to type them again, HR blanked them instead, and the worker's own all-5 form, from the home
her rating of October came from, counted (W3 +45.28, exit 0, nothing said). Said, naming the rows, not stopped:
a worker's relatives answer from her home too, and a paper form often gives no phone."""
from __future__ import annotations

import logging

import pandas as pd

from gridpay.core.wording import listed
from gridpay.ingest.door_prefixes import answers_view
from gridpay.ingest.duckdb_reader import sql_text
from gridpay.ingest.near_phones import near_worker_phones
from gridpay.ingest.survey_stage import stage_connection
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.named_workers import say_worker_named_answers
from gridpay.pipeline.run_notices import headed
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")
SHOWN = 10      # rows named in the line


def self_rating_homes(ctx: RunContext) -> list[tuple[str, str, str, str]]:
    """(grid, home, month, phone hash) of each worker's own rating a month published before this one set aside (rule
    self_rating): not this month's own run, so that its re-run and audit say what its first run said (trial 128's
    audit alone named a row)."""
    if not ctx.settings.db.exists():
        return []
    with connect(ctx.settings.db) as con:
        return con.execute("select distinct s.grid_id, s.household_id, p.month, s.respondent_phone_hash from published p "
                           "join quarantine q on q.run_id = p.run_id and q.reason_code = 'self_rating' "
                           "join raw_surveys s on s.run_id = q.run_id and s.source_file = q.source_file "
                           "and s.row_number = q.row_number where s.household_id is not null and p.month < ? "
                           "order by all", [ctx.month]).fetchall()


def say_self_rating_homes(ctx: RunContext) -> None:
    """Warn of the month's answers from a home a worker's own phone answered from for its grid before, or in this
    month: those giving no phone, which the self-rating rule cannot check; and those on another phone where her phone
    answered from that home alone in its month (her own home, likely: trial 132's husband rated his wife's grid
    from their flat every month, 34.00 yuan a month to her, nothing said)."""
    say_worker_named_answers(ctx)       # a typed sheet's 姓名 that is the grid's worker's: no phone to tell it by
    say_near_worker_phones(ctx)         # a phone one digit off hers: workers.csv's number typed wrong?
    homes = self_rating_homes(ctx)
    workers, assigned = ctx.workdir / "workers.parquet", ctx.workdir / "assignments.parquet"
    with stage_connection(ctx.workdir) as con:
        con.execute("create or replace temp table self_rating_homes (grid_id varchar, household_id varchar, "
                    "month varchar, phone varchar)")
        if homes:
            con.executemany("insert into self_rating_homes values (?, ?, ?, ?)", homes)
        staff = "select null::varchar as phone_hash where false"
        if workers.exists() and assigned.exists():      # a worker's phone answering for a grid she works
            staff = f"select phone_hash from read_parquet({sql_text(workers.as_posix())}) where phone_hash is not null"
            con.execute(f"insert into self_rating_homes select distinct s.grid_id, s.household_id, ?, s.respondent_phone_hash "
                        f"from surveys s join read_parquet({sql_text(workers.as_posix())}) w on w.phone_hash = "
                        f"s.respondent_phone_hash join read_parquet({sql_text(assigned.as_posix())}) a on a.worker_id = "
                        f"w.worker_id and a.grid_id = s.grid_id where s.household_id is not null", [ctx.month])
        answers_view(con, ctx.workdir, ctx.month)      # an answer HR took out since (an upheld appeal): not said
        rows = con.execute(f"""
            with h as (select grid_id, household_id, month,
                              count(distinct household_id) over (partition by month, phone) = 1 as lone
                       from self_rating_homes)
            select s.source_file, s.row_number, s.response_id, s.grid_id, s.household_id, min(h.month),
                   s.respondent_phone_hash is null as phoneless, bool_or(h.lone)
            from answers s join h using (grid_id, household_id)
            where s.respondent_phone_hash is null or s.respondent_phone_hash not in ({staff})
            group by all order by all""").fetchall()
    _say([r[:6] for r in rows if r[6]], "giving no phone", "Without a phone the self-rating rule cannot check it, so it "
         "counts: type its phone from the paper form if it gives one; if the form is the worker's own (her household's)")
    _say([r[:6] for r in rows if not r[6] and r[7]], "on another phone", "The worker's phone answered from that home alone "
         "in its month, so it may be the worker's own home, and an answer from it the household's rating of its own "
         "worker (one household, one voice; no self-rating), or a resident's door typed on the worker's phone: check "
         "where the worker lives in HR's records; if it is the worker's home")


def say_near_worker_phones(ctx: RunContext) -> None:
    """A phone one digit off a worker's answering for homes of her grid (ingest/near_phones.py); not in an audit, which
    says what its run said (a month published before the line)."""
    if ctx.request.replay is not None:
        return
    names = dict(pd.read_parquet(ctx.workdir / "workers.parquet", columns=["worker_id", "name"]).itertuples(index=False))
    for worker, grid, answers, homes, ids in near_worker_phones(ctx.workdir):
        log.warning("%d answers to %s (%s), for %d homes, came from a phone one digit off (or two digits swapped) "
                    "the one workers.csv gives %s %s, and count as residents' answers: if workers.csv has her number "
                    "typed wrong, correct it there "
                    "and run again (her own answers are then kept out as self_rating); if the phone is another "
                    "person's (a relative's number one digit apart), nothing is wrong", answers, grid, _ids(ids), homes,
                    worker, names.get(worker) or "", extra=headed("roster"))


def _ids(ids: list[str]) -> str:
    return "answers " + ", ".join(ids[:SHOWN]) + (" ..." if len(ids) > SHOWN else "")


def _say(rows: list, what: str, advice: str) -> None:
    if not rows:
        return
    # the month of the worker's phone's answer, not of this one (trial 130 read a November row dated 2026-10)
    # the answer's id too: appeals.csv names an answer by it (trial 132 had the row, 14, for answer 13)
    shown = tuple(f"{file} row {row} (answer {rid}; {grid} {home}: the worker's phone answered from it in {month})"
                  for file, row, rid, grid, home, month in rows[:SHOWN])
    log.warning("%d answer%s %s from a home a worker's own phone answered from for its grid, in a published month or "
                "this one: %s%s. %s, take it out as HR's own correction (an upheld appeal in appeals.csv, worker_id "
                "blank, category other) and run again; a home whose answer the worker typed on a visit is the "
                "resident's: it counts as it is", len(rows), "" if len(rows) == 1 else "s", what, listed(shown),
                " ..." if len(rows) > SHOWN else "", advice, extra=headed("worker_home"))
