"""What the reports show, read from the warehouse for one run: plain dicts, formatted for print.
Earlier months come from each month's published run; the month itself from this run."""
from __future__ import annotations

import json
import re
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import duckdb

from gridpay.transforms.privacy import masked_sql      # its SQL function: on every warehouse connection
from gridpay.publishing.outputs import fixed, grid_rows, output_format_of, quarantine_rows
from gridpay.publishing.coefficient_words import coefficient_words
from gridpay.publishing.percent import published_rate, ratio
from gridpay.publishing.render_clock import as_a_draft
from gridpay.publishing.earlier_months import months_back, published_before


def grids_with_change(con: duckdb.DuckDBPyConnection, run_id: str, month: str) -> list[dict]:
    grids = grid_rows(con, run_id)
    fmt = output_format_of(con, run_id)
    previous_month = months_back(month, 2)[0]
    before = published_before(con, run_id, month).get(previous_month) if previous_month < month else None
    previous = dict(con.execute("select grid_id, adjusted_score from grid_scores where run_id = ?", [before]).fetchall())
    last = {grid: (m, n) for m, grid, n in con.execute(     # the month published last (answers_dropped's evidence)
        "select w.month, g.grid_id, g.responses from run_windows as w join grid_scores as g on g.run_id = w.window_run_id "
        "where w.run_id = ? and w.month = (select max(month) from run_windows where run_id = ?)", [run_id, run_id]).fetchall()}
    # output format 18: a grid listing other compounds than then (split, merged) is another place (trial 109's half)
    moved = _compounds_changed(con, run_id, before) if before and (fmt or 1) >= 18 else set()
    earlier: dict[str, list[str]] = {}
    for grid, m, rate in con.execute(
            "select g.grid_id, w.month, g.response_rate from run_windows as w join grid_scores as g "
            "on g.run_id = w.window_run_id where w.run_id = ? order by w.month", [run_id]).fetchall():
        earlier.setdefault(grid, []).append(f"{m} {published_rate(rate, fmt)}")
    for g in grids:
        # the response-rate trend over the months the run read, this one last (the watch's evidence)
        g["rate_trend"] = "、".join([*earlier.get(g["grid_id"], []), f"{month} {published_rate(g['response_rate'], fmt)}"])
        g["ci"] = f"{g['adjusted_ci_low']}–{g['adjusted_ci_high']}" if g["adjusted_ci_low"] else ""
        g["shift"] = (f"{Decimal(g['adjusted_score']) - Decimal(g['raw_score']):+.2f}"
                      if g["adjusted_score"] and g["raw_score"] else "")
        g["previous_month"], g["previous_responses"] = last.get(g["grid_id"], ("", ""))
        before = previous.get(g["grid_id"])
        g["change"] = (f"{Decimal(g['adjusted_score']) - before:+.2f}"
                       if before is not None and g["adjusted_score"] and g["grid_id"] not in moved else "")
        for rate in ("response_rate", "good_rate", "satisfied_rate"):
            g[f"{rate}_pct"] = published_rate(g[rate], fmt)
    return grids


def _compounds_changed(con: duckdb.DuckDBPyConnection, run_id: str, before: str) -> set[str]:
    """The grids whose listed compounds differ between two runs (none where the earlier recorded none: migration 14)."""
    return {g for (g,) in con.execute("""
        with cur as (select grid_id, list(compound order by compound) as c from raw_grid_compounds where run_id = ?
                     group by grid_id),
             prev as (select grid_id, list(compound order by compound) as c from raw_grid_compounds where run_id = ?
                      group by grid_id)
        select grid_id from cur full join prev using (grid_id)
        where cur.c is distinct from prev.c and exists (select 1 from prev)""", [run_id, before]).fetchall()}


def run_summary(con: duckdb.DuckDBPyConnection, run_id: str, grids: list[dict], workers: list[dict],
                quarantined: int, policy) -> dict:
    month, policy_version, accepted, doubts, output_format, notices, kinds = con.execute(
        "select month, policy_version, accepted_exclusions, household_doubts, output_format, run_notices, "
        "run_notice_kinds from runs where run_id = ?", [run_id]).fetchone()
    notices = json.loads(notices or "[]")
    read = con.execute("select count(*) from raw_surveys where run_id = ?", [run_id]).fetchone()[0]
    # 已定稿 only for the run that was finalized: a correction run after it is a draft again
    final = con.execute("select finalized_by, finalized_at, forced_reason, forced_early from finalized where run_id = ?",
                        [run_id]).fetchone() if not as_a_draft() else None
    return {
        "run_id": run_id, "month": month, "policy_version": policy_version, "accepted_exclusions": accepted,
        "household_doubts": json.loads(doubts or "[]"), "output_format": output_format, "notices": notices,
        # each line's kind, its heading on the scorecard (output format 18: pipeline/run_notices.py); none before
        "notice_kinds": [*json.loads(kinds or "[]"), *[None] * len(notices)][:len(notices)],
        # the score -> coefficient line, printed from output format 3 on (a trial's worker could not check
        # theirs, nor see November's new cap); a run before renders as it did
        "rule": coefficient_words(policy.coefficient) if (output_format or 1) >= 3 else None,
        "item_questions": {i: q for i, q in policy.questions.items() if i in policy.items and (output_format or 1) >= 4},
        "finalized_by": final[0] if final else None,
        "finalized_at": final_time(final[1], policy.timezone, output_format or 1) if final else None,
        "finalized_forced": final[2] if final and (output_format or 1) >= 12 else None,     # trial 81: not said
        "finalized_as_published": bool(final and final[3] is False),        # --force past today's files (trial 264)
        "community": "、".join(sorted({g["community"] for g in grids})),
        "rows_read": read, "rows_quarantined": quarantined,
        **answer_and_pay_totals(grids, workers, output_format or 1),
    }


def final_time(at: datetime, timezone: str, fmt: int) -> str:
    """The finalize time the scorecard prints: UTC before output format 11, then local (trial 80 read 09:00 UTC)."""
    if fmt < 11:
        return f"{at:%Y-%m-%d %H:%M}"
    local = at.replace(tzinfo=ZoneInfo("UTC")).astimezone(ZoneInfo(timezone))
    hours, minutes = divmod(int(local.utcoffset().total_seconds()) // 60, 60)
    return f"{local:%Y-%m-%d %H:%M} UTC{hours:+d}" + (f":{minutes:02d}" if minutes else "")


def answer_and_pay_totals(grids: list[dict], workers: list[dict], fmt: int) -> dict:
    """The summary figures of a set of grids and their workers: the month's, or one community's
    (`fmt`: the run's output format, publishing/percent.py)."""
    counted = sum(g["responses"] for g in grids)
    households = sum(g["households"] for g in grids)
    pay = sum((Decimal(w["performance_pay"]) for w in workers), Decimal(0))
    budget = sum((Decimal(w["perf_pay_target"]) * w["assigned_days"] / w["days_in_month"] for w in workers), Decimal(0))
    return {
        "rows_counted": counted, "households": households,
        "response_rate": ratio(counted, households, fmt),
        "performance_pay": fixed(pay, 2),
        "adjustments": fixed(sum((Decimal(w["adjustment"]) for w in workers), Decimal(0)), 2),
        "total_pay": fixed(sum((Decimal(w["total_pay"]) for w in workers), Decimal(0)), 2),
        "budget": fixed(budget, 2),
        "pay_vs_budget": ratio(pay, budget, fmt),
    }


ITEM_QUESTIONS = 25      # the output format from which the items chart labels an item by its question, as the table


def item_drivers(con: duckdb.DuckDBPyConnection, run_id: str, questions: dict | None = None,
                 output_format: int = 1) -> list[dict]:
    """Each item's score; `questions`: the policy's question of each, the chart's label of an item with no label of
    its own, as the table's (output format 25: trial 172's chart read sat_disclosure where its table read 信息公开)."""
    questions = questions if output_format >= ITEM_QUESTIONS else None
    rows = con.execute("select item, item_score, answered, corr_with_overall from item_drivers where run_id = ? "
                       "order by item", [run_id]).fetchall()
    asked = {i: q[0] if isinstance(q, (tuple, list)) else q for i, q in (questions or {}).items()}   # reworded: 1st
    return [{"item": r[0], "score": fixed(r[1], 2), "answered": r[2], "corr": fixed(r[3], 2),
             "question": asked.get(r[0], r[0])} for r in rows]


def failed_rules(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[list[dict], int]:
    """The survey validation rules that rejected rows, and how many rules passed."""
    rows = con.execute("select code, failed_rows from validation_rules where run_id = ? order by failed_rows desc, "
                       "reason", [run_id]).fetchall()
    return ([{"code": code, "count": n} for code, n in rows if n],
            sum(1 for _, n in rows if not n))


def quarantine_counts(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[list[dict], int]:
    """Quarantined rows counted by reason code (the values they name are in quarantine.csv)."""
    quarantine = quarantine_rows(con, run_id)
    codes: dict[str, int] = {}
    typed: dict[str, dict[str, None]] = {}      # an unknown grid's name as typed (masked): the typo HR looks for
    for q in quarantine:
        codes[q["reason_code"]] = codes.get(q["reason_code"], 0) + 1
        if (match := _UNKNOWN_GRID.search(q["reason"])) and q["reason_code"] == "unknown_grid":
            typed.setdefault(q["reason_code"], {})[match.group(1)] = None
    return [{"code": k, "count": v, "values": list(typed.get(k, ()))}
            for k, v in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))], len(quarantine)


_UNKNOWN_GRID = re.compile(r"grid_id '(.*?)' is not in grids\.csv")


def review_rows(grids: list[dict]) -> list[dict]:
    return [{"grid_name": g["grid_name"], "flag": flag, "count": int(count)}
            for g in grids for flag, count in (item.split(":") for item in g["review_flags"].split(";") if item)]


REVIEW_COLUMNS = ("response_id", "grid_id", "grid_name", "source_file", "row_number", "submitted_at", "channel",
                  "duration_s", "flags")
# review.csv: each counted answer with a review flag (they count as usual): which answer, where it
# came from and why HR may look at it. No phone, no comment: the response id finds it in the file
# (a mobile or ID number typed into the response id or the duration is masked like a comment's).
REVIEW_SQL = (
    "with flagged as (select row_id, string_agg(flag, ';' order by flag) as flags from response_flags "
    "where run_id = $run_id group by row_id) "
    f"select {masked_sql('s.response_id')} as response_id, g.grid_id, g.grid_name, s.source_file, s.row_number, "
    f"strftime(s.submitted_at_ts, '%Y-%m-%d %H:%M') as submitted_at, s.channel, "
    f"{masked_sql('s.duration_s')} as duration_s, f.flags "
    "from flagged f "
    "join raw_surveys s on s.run_id = $run_id and s.row_id = f.row_id "       # flagged rows are counted ones,
    "left join counted_responses c on c.run_id = s.run_id and c.row_id = s.row_id "   # listed in the grid they
    "join grid_scores g on g.run_id = s.run_id and g.grid_id = coalesce(c.grid_id, s.grid_id) "   # count for
    "order by g.grid_id, s.source_file, s.row_number")
REVIEW_ORDER = ("grid_id", "source_file", "row_number")


def review_list(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict]:
    return [dict(zip(REVIEW_COLUMNS, r)) for r in con.execute(REVIEW_SQL, {"run_id": run_id}).fetchall()]


CALLBACK_COLUMNS = ("grid_name", "date", "household_id", "answer", "comment")
# callbacks.csv: counted answers of 不满意 / 非常不满意 on the overall item, for the community to call back
CALLBACK_SQL = (
    "with overall as (select position from policy_items where run_id = $run_id and item = $overall_item) "
    f"select g.grid_name, strftime(s.submitted_at_ts, '%Y-%m-%d') as date, {masked_sql('s.household_id')} "
    "as household_id, "
    "s.answers[o.position] as answer, coalesce(s.comment, '') as comment, "
    "g.grid_id, s.submitted_at_ts, s.row_id, "             # the lines' order (CALLBACK_ORDER), not printed
    f"{masked_sql('s.response_id')} as response_id "       # printed from output format 14 (callback_columns)
    "from raw_surveys s cross join overall o "
    # the grid the answer counts for, which an upheld 非本网格 appeal may have moved it to (appeals.csv's resident_grid:
    # trial 207's callbacks filed a moved answer under the grid it named, whose worker no longer answers for it)
    "join counted_responses c on c.run_id = s.run_id and c.row_id = s.row_id "
    "join grid_scores g on g.run_id = s.run_id and g.grid_id = c.grid_id "
    "where s.run_id = $run_id and try_cast(s.answers[o.position] as integer) <= $at_or_below "
    "order by g.grid_id, s.submitted_at_ts, s.row_id")
CALLBACK_ORDER = ("grid_id", "submitted_at_ts", "row_id")


def callback_columns(output_format: int) -> tuple[str, ...]:
    """callbacks.csv's columns: from output format 14 each line's answer id first, which appeals.csv and the
    verification file name (trials 85 and 89 found it only on the call sheet, beside the phones)."""
    return ("response_id", *CALLBACK_COLUMNS) if output_format >= 14 else CALLBACK_COLUMNS


def callback_params(run_id: str, overall_item: str, at_or_below: int) -> dict:
    return {"run_id": run_id, "overall_item": overall_item, "at_or_below": at_or_below}


def callback_rows(con: duckdb.DuckDBPyConnection, run_id: str, overall_item: str, at_or_below: int) -> list[dict]:
    rows = con.execute(CALLBACK_SQL, callback_params(run_id, overall_item, at_or_below)).fetchall()
    return [dict(zip(CALLBACK_COLUMNS, r[:len(CALLBACK_COLUMNS)]), grid_id=r[len(CALLBACK_COLUMNS)]) for r in rows]


def comments_by_grid(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, list[str]]:
    """The masked comments of counted answers, per grid."""
    out: dict[str, list[str]] = {}
    for gid, comment in con.execute(
            "select c.grid_id, s.comment from counted_responses c join raw_surveys s using (run_id, row_id) "
            "where c.run_id = ? and s.comment is not null order by c.grid_id, s.submitted_at_ts, s.row_id",
            [run_id]).fetchall():
        out.setdefault(gid, []).append(comment)
    return out


def rows_read_by_grid(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """Survey rows read per grid id as typed (a row naming no known grid counts for none)."""
    return dict(con.execute("select grid_id, count(*) from raw_surveys where run_id = ? and grid_id is not null "
                            "group by grid_id", [run_id]).fetchall())


def worker_assignments(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, list[tuple[str, int, Decimal]]]:
    out: dict[str, list] = {}
    for wid, gid, days, wd in con.execute("select worker_id, grid_id, assigned_days, weight_days from worker_grid_days "
                                          "where run_id = ? order by worker_id, grid_id", [run_id]).fetchall():
        out.setdefault(wid, []).append((gid, days, wd))
    return out


def item_scores_by_grid(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for gid, item, score in con.execute("select grid_id, item, item_score from item_scores where run_id = ?",
                                        [run_id]).fetchall():
        out.setdefault(gid, {})[item] = fixed(score, 1)
    return out
