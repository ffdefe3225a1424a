"""What stops a staged month at the gate besides validation's invalid share, each where the policy says so: grid
names grids.csv lacks, grids nearly all invalid, answers naming no grid, a download in another month's folder, answers
naming another grid's compound, response ids two rows share, two weights on one day, last month's paid worker given no
day, a grid name two communities share in a file of neither, a community's file counted for another's grids
(pipeline/gate_stops.py looks for them in the gate's order; pipeline/stop_messages.py words the stops)."""
from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import replace

import pandas as pd

from gridpay.ingest.staging import grid_names
from gridpay.ingest.survey_stage import stage_connection
from gridpay.store.grid_history import compound_listings
from gridpay.store.runs import former_grid_names
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed

log = logging.getLogger("gridpay")


def unknown_grids(ctx: RunContext) -> list:
    """Grid names or ids that grids.csv lacks, on at least the policy's [gate] unknown_grid_rows rows; a
    name a grid had in an earlier published month (grids.csv as that month's run read it) offers that grid. An
    audit does not ask what reads like a grid: how names are compared grows (trial 222's 十网格 read like none)."""
    from gridpay.expectations.unknown_grids import unknown_grids as found
    rows, similar = ctx.policy.outcome.unknown_grid_rows, (ctx.policy.outcome.similar_grid_rows, None)[ctx.request.replay is not None]
    if rows is None and similar is None:
        return []
    return [replace(g, form=g.value in {grid for _, grid in ctx.policy.file_grids}) for g in found(ctx.workdir, rows,
            similar, former_grid_names(ctx.settings.db, ctx.month), compound_listings(ctx.settings.db, ctx.month))]


def invalid_grids(ctx: RunContext) -> list:
    """Grids most of whose survey rows are invalid, where the policy stops the month on them."""
    from gridpay.expectations.invalid_grids import invalid_grids as found
    rules = ctx.policy.outcome
    return found(ctx.workdir, rules.max_grid_invalid_share, rules.min_grid_invalid_rows)


def gridless_rows(ctx: RunContext) -> list:
    """Survey files with many answers naming no grid, where the policy stops the month on them."""
    from gridpay.expectations.invalid_grids import gridless_rows as found
    return found(ctx.workdir, ctx.policy.outcome.blank_grid_rows)


def misfiled_downloads(ctx: RunContext) -> list:
    """Downloads of this month in the folder of the month before or after it (ingest/misfiled.py), where
    the policy stops on them; never in an audit, which replays what the run read."""
    from gridpay.core.month import Month
    from gridpay.ingest.formats import month_survey_files
    from gridpay.ingest.misfiled import misfiled_downloads as found
    from gridpay.ingest.survey_files import survey_reading
    if ctx.policy.outcome.misfiled_downloads != "stop" or ctx.request.replay is not None:
        return []
    this = Month.parse(ctx.month)       # no file beside the month's: its ids not fetched (1M ids, 2 s)
    if not any(month_survey_files(ctx.settings.inbox, str(m)) for m in (this.previous, this.next)):
        return []
    grids = [*grid_names(pd.read_parquet(ctx.workdir / "grids.parquet"))]
    return found(ctx.settings.inbox, ctx.month, survey_reading(ctx.policy), grids, {f.sha256 for f in ctx.inputs.files},
                 _staged_ids(ctx.workdir))


def _staged_ids(workdir) -> dict[str, set[str]]:
    """File -> the response ids this month's files hold (none staged: none), for a later download's others."""
    import duckdb
    with stage_connection(workdir) as con:
        try:
            rows = con.execute("select distinct source_file, response_id from surveys "
                               "where response_id is not null").fetchall()
        except duckdb.CatalogException:
            return {}
    held: dict[str, set[str]] = {}
    for file, rid in rows:
        held.setdefault(file, set()).add(rid)
    return held


def other_grids_compounds(ctx: RunContext) -> tuple[list, list]:
    """Answers to a grid naming a compound grids.csv lists under other grids (ingest/grid_compounds.py):
    (those on as many rows as the policy's gate.other_grid_compound_rows, which stop the month; the rest)."""
    from gridpay.ingest.grid_compounds import other_grids_compounds as found
    least, outcome = ctx.policy.outcome.other_grid_compound_rows, ctx.policy.outcome
    pairs = found(ctx.workdir, ctx.policy.compound_suffix_dropped, outcome.other_grid_compound_unlisted, ctx.month)
    # by grid (policy 2027.17): trial 147's sheet sorted by its 网格 column alone gave two grids 5 such answers each
    # over 3-4 compounds, none 5 of one; 26 answers paid to other grids' workers, exit 0
    by = (lambda pair: pair.grid_id) if outcome.other_grid_compound_by_grid else (lambda pair: pair)
    counted = Counter()
    for pair in pairs:
        counted[by(pair)] += pair.rows
    stop = [p for p in pairs if least is not None and counted[by(p)] >= least]
    return stop, [p for p in pairs if p not in stop]


def ids_across_files(ctx: RunContext) -> list:
    """Pairs of survey files using the same response ids, where the policy stops the month on them."""
    from gridpay.expectations.repeated_ids import ids_across_files as found
    return found(ctx.workdir, ctx.policy.items) if ctx.policy.outcome.ids_across_files == "stop" else []


def ids_within_files(ctx: RunContext) -> list:
    """Survey files using a response id on two rows, where the policy stops the month on them."""
    from gridpay.expectations.repeated_ids import ids_within_files as found
    return found(ctx.workdir) if ctx.policy.outcome.ids_within_file == "stop" else []


def overlapping_assignments(ctx: RunContext) -> list:
    """Assignment rows giving a worker one grid twice on a day at two weights, where the policy stops on them."""
    from gridpay.expectations.overlapping_assignments import overlapping_assignments as found
    return found(ctx.workdir, ctx.month) if ctx.policy.outcome.overlapping_assignments == "stop" else []


def published_reviews_missing(ctx: RunContext) -> list[str]:
    """HR's decisions the month's published run applied (an upheld appeal; a call finding its answer not genuine)
    whose rows today's appeals.csv and verification file lack: a fifty-second trial's fresh December appeals.csv
    and November's call file moved into a subfolder un-applied 3 appeals and 2 calls in a correction, exit 0. A row
    kept with another decision is HR's reversal, not this. Where the policy stops on them; never in an audit."""
    from gridpay.store.warehouse import connect
    from gridpay.transforms.review_terms import EXCLUDING_RESULTS, RESULTS
    if ctx.policy.outcome.published_reviews != "stop" or ctx.request.replay is not None or not ctx.published:
        return []
    with connect(ctx.settings.db) as con:
        appeals = con.execute("select appeal_id, response_id from raw_appeals where run_id = ? and month = ? and "
                              "decision = 'upheld' order by all", [ctx.published[0], ctx.month]).fetchall()
        calls = con.execute(f"select response_id, result from raw_verification where run_id = ? and result in "
                            f"{tuple(EXCLUDING_RESULTS)} order by all", [ctx.published[0]]).fetchall()
    today_appeals = pd.read_parquet(ctx.workdir / "appeals.parquet")
    kept = set(today_appeals.loc[today_appeals["month"] == ctx.month, "appeal_id"].dropna())
    called = set(pd.read_parquet(ctx.workdir / "verification.parquet")["response_id"].dropna())
    return ([f"appeal {a} (answer {r}, upheld)" for a, r in appeals if a not in kept]
            + [f"the call of answer {r} ({RESULTS[result]})" for r, result in calls if r not in called])


def set_aside_answers_missing(ctx: RunContext) -> list[str]:
    """Answers of this month that another month's published run found in its survey files and set aside
    (raw_set_aside_answers), in none of this month's files: a download made on 3 August holds 1 to 3 August's
    answers, and a fifty-first trial's August, run on another platform's download alone, published without
    24 of them (39.20 yuan, exit 0). A line per file, where the policy stops on them; never in an audit."""
    from gridpay.pipeline.published_answers import later_months_ids
    from gridpay.store.warehouse import connect
    if ctx.policy.outcome.set_aside_answers != "stop" or ctx.request.replay is not None:
        return []
    with connect(ctx.settings.db) as con:
        held = con.execute("select p.month, a.source_file, a.response_id, a.submitted_at from raw_set_aside_answers a "
                           "join published p using (run_id) where a.month = ? order by all", [ctx.month]).fetchall()
        unkept = con.execute("select month from published where month < ? and run_id not in (select run_id from "
                             "raw_set_aside_answers) order by month", [ctx.month]).fetchall()
    _say_unkept_set_aside(ctx, [m for (m,) in unkept])
    if not held:
        return []
    with stage_connection(ctx.workdir) as con:
        # by id, at its time or later: 问卷星's 修改答卷 keeps an answer's 序号 and gives it the time it was changed
        # (trial 137's A33, set aside by September's download at 00:40 on 10-01, changed on 10-06: October stopped)
        staged = dict(con.execute("select response_id, max(submitted_at) from surveys group by 1").fetchall())
        staged |= {rid: None for rid in later_months_ids(ctx.workdir, ctx.month)}     # ... or changed into a later month
    missing: dict[tuple[str, str], list[str]] = {}
    for month, file, rid, at in held:
        if rid not in staged or (staged[rid] is not None and at is not None and staged[rid] < at):
            missing.setdefault((month, file), []).append(rid)
    lines = [f"{file}, read by {month}'s published run: {len(ids)} (ids {', '.join(ids[:5])}"
             f"{' ...' if len(ids) > 5 else ''})" for (month, file), ids in missing.items()]
    if lines and ctx.request.accept_fewer_answers:
        log.warning("answers of %s that other months' downloads held are in none of its survey files (%s); published "
                    "without them (--accept-fewer-answers)", ctx.month, "; ".join(lines), extra=headed("other_months"))
        return []
    return lines


def _say_unkept_set_aside(ctx: RunContext, months: list[str]) -> None:
    """Earlier months (a run keeps only later months' answers) published by a gridpay before migration 15 (a
    fifty-third trial's upgrade) whose manifest says they set aside answers of this month: said, not compared."""
    for month in months:
        manifest = ctx.settings.out / month / "manifest.json"
        rows = (json.loads(manifest.read_text(encoding="utf-8")).get("set_aside") or {}).get(
            f"rows of {ctx.month}", 0) if manifest.is_file() else 0
        if rows:
            log.warning("%s's published run set aside %d answer%s of %s from its survey files, by a gridpay that kept "
                        "no ids of them: they cannot be checked against this month's files; if those lack them, copy "
                        "%s's download into surveys/%s/ beside this month's files", month, rows, "s" * (rows != 1),
                        ctx.month, month, ctx.month, extra=headed("other_months"))


def silent_communities(ctx: RunContext) -> list:
    """Communities with no answer in a month their others answered (expectations/silent_communities.py), where
    the policy stops on them and the run does not accept fewer answers (said then); never in an audit."""
    from gridpay.expectations.silent_communities import silent_communities as found
    if ctx.policy.outcome.silent_communities != "stop" or ctx.request.replay is not None:
        return []
    silent = found(ctx.workdir, ctx.month)
    if silent and ctx.request.accept_fewer_answers:
        log.warning("%s: published without its answers (--accept-fewer-answers)", "; ".join(map(str, silent)),
        extra=headed("accepted"))
        return []
    return silent


def paid_workers_unassigned(ctx: RunContext) -> list:
    """Workers paid in the month before this one whom today's assignments.csv gives no day of it or of
    this month (expectations/paid_workers.py), where the policy stops on them; never in an audit."""
    from gridpay.core.month import Month
    from gridpay.expectations.paid_workers import paid_workers_unassigned as found
    from gridpay.store.runs import paid_workers
    if ctx.policy.outcome.paid_workers_unassigned != "stop" or ctx.request.replay is not None:
        return []
    before = str(Month.parse(ctx.month).previous)
    paid = paid_workers(ctx.settings.db, before)
    return found(ctx.workdir, ctx.month, before, paid[1]) if paid else []


def unresolved_grid_names(ctx: RunContext) -> list:
    """Answers naming a grid name two grids of grids.csv share, in a file named for no community that tells
    them apart (ingest/shared_grid_names.py): none where the policy reads such a name as before."""
    from gridpay.expectations.file_communities import unresolved_grid_names as found
    return found(ctx.workdir)


def other_community_rows(ctx: RunContext) -> list:
    """Files named for one community with at least the policy's gate.other_community_rows answers counted
    for another community's grids (a stop); fewer are said on the console, and so are the answers of a grid
    grids.csv has moved to another community since the month published last, in a file of the community it
    was in: its residents answer on the old community's form until the form is changed (a ninety-first trial's
    correct month stopped, with a codes export's explanation and a policy threshold the only way on)."""
    from gridpay.expectations.file_communities import other_community_rows as found
    from gridpay.ingest.staging import grid_communities
    from gridpay.store.grid_history import last_communities
    least = ctx.policy.outcome.other_community_rows
    if least is None:
        return []
    stop = []
    files = found(ctx.workdir, grid_communities(pd.read_parquet(ctx.workdir / "grids.parquet")), ctx.policy.file_grids)
    last, before = last_communities(ctx.settings.db, ctx.month) if files else (None, {})   # the warehouse: only then
    for file in files:
        moved = [g for g in file.grids if before.get(g[0]) == file.community]
        for grid, now, rows in moved:
            log.warning("%s: %d answers to %s, which grids.csv now lists under %s (under %s in %s, the month published "
                        "last), counted for it: the form of %s still lists it; change the form's grid question",
                        file.file, rows, grid, now, file.community, last, file.community, extra=headed("compound_grid"))
        if moved:
            file = replace(file, grids=tuple(g for g in file.grids if g not in moved),
                           rows=file.rows - sum(n for *_, n in moved))
        if file.rows >= least:
            stop.append(file)
        elif file.rows:
            log.warning("%s: residents answer for their own community's grids; an answer of another grid is taken "
                        "out by an appeal upheld (非本网格) in the 公示 window, never by editing the download", file,
                        extra=headed("compound_grid"))
    return stop
