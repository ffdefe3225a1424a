"""What the reports show of the 公示 cycle (申诉复核, 回访), read from the warehouse for one run:
the month's appeals the run applied (raw_appeals), its verification calls (raw_verification),
the verify.csv sample, the grids' flags, and the appeal window from the month's first publication.
Plain dicts; no phone, and the notice gets counts per grid only, never an answer or a household."""
from __future__ import annotations

from datetime import datetime, timezone

import duckdb

from gridpay.publishing.outputs import output_format_of
from gridpay.publishing.render_clock import render_time
from gridpay.publishing.republication import publication
from gridpay.publishing.verification import VERIFY_SQL, verify_params
from gridpay.store.runs import first_published_at
from gridpay.transforms.policy import Policy
from gridpay.transforms.privacy import masked_sql
from gridpay.transforms.reasons import exclusion_text
from gridpay.transforms.review_terms import CATEGORIES, DECISIONS, RESULTS
from gridpay.transforms.review_window import finalized_early, window_dates, window_open

REVIEW_FLAGS = ("appeals_high", "verification_failed")
UNCALLED_SHOWN = 10         # ids of the sample without a call the scorecard names (output format 19)
HR_OWN_APART = 29           # HR's own corrections (worker_id blank) apart from workers' appeals (trial 221)
# the answers HR's review took out (quarantine's reasons, transforms/sql/intermediate/int_review_exclusions.sql)
REVIEWED_OUT = "(q.reason_code = 'appeal_upheld' or starts_with(q.reason_code, 'verification_'))"

# which upheld appeal took an answer out: its text as transforms/reasons.py renders it, up to the
# appeal's id ("excluded: appeal_upheld (appeal "), the code alone does not say which appeal
UPHELD_TEXT = exclusion_text("appeal_upheld", "", "\0").split("\0")[0]

APPEAL_COLUMNS = ("appeal_id", "worker_id", "response_id", "category", "filed_on", "decision", "decided_on",
                  "decision_note", "grid_id", "grid_name", "effect", "resident_grid", "resident_grid_id", "displaced")
# one row per appeal of the month the run read; `effect`: what it changed in this run (excluded:
# its answer no longer counts; not_counted: the answer did not count anyway, upheld or, from output format 9, not;
# counted: rejected, from format 10; pending, and rejected before; moved: upheld 非本网格 naming the grid its resident
# lives in, where the answer now counts: resident_grid, '天桥新村三网格 (G3)'; moved_not_counted: ... where a rule
# set it aside, an older answer of the home or a worker's own (trial 199's re-check: "改计入" said of all five)
APPEALS_SQL = (
    "with answer_grid as (select response_id, min(grid_id) as grid_id, min(household_id) as household_id from raw_surveys "
    "where run_id = $run_id "
    "group by response_id), "
    "taken as (select reason from quarantine where run_id = $run_id "
    "          and reason_code = 'appeal_upheld') "
    f"select a.appeal_id, a.worker_id, {masked_sql('a.response_id')} as response_id, a.category, a.filed_on, "
    "a.decision, a.decided_on, "
    f"{masked_sql('a.decision_note')} as decision_note, g.grid_id, g.grid_name, "
    # output format 9: a pending or rejected appeal on an answer that did not count for another reason says so,
    # not 照常计分 (a sixty-ninth trial's sheet said so of an answer a call had taken out)
    "case when a.decision <> 'upheld' and $told and a.response_id not in (select s.response_id from raw_surveys s "
    "          join counted_responses c on c.run_id = s.run_id and c.row_id = s.row_id "
    "          where s.run_id = $run_id and c.month = $month and s.response_id is not null) then 'not_counted' "
    # output format 10: a rejected appeal's answer counts as if never appealed, not "结果不变" (a correction that
    # reversed an upheld appeal lowered a sixty-ninth trial's pay under those words)
    "     when a.decision = 'rejected' and $as_if then 'counted' "
    "     when a.decision <> 'upheld' then a.decision "
    "     when moves_answer(a.decision, a.category, a.resident_grid) and a.response_id in (select s.response_id "
    "          from quarantine q join raw_surveys s on s.run_id = q.run_id and s.source_file = q.source_file "
    "          and s.row_number = q.row_number where q.run_id = $run_id) then 'moved_not_counted' "
    "     when moves_answer(a.decision, a.category, a.resident_grid) then 'moved' "
    "     when exists (select 1 from taken t where starts_with(t.reason, $upheld || a.appeal_id || ',')) "
    "          then 'excluded' else 'not_counted' end as effect, "
    "coalesce(r.grid_name || ' (' || a.resident_grid || ')', a.resident_grid) as resident_grid, a.resident_grid, "
    # a moved answer's home's earlier answers in its new grid, set aside by it (trial 207's W01, 60.30 less, unsaid)
    f"(select string_agg({masked_sql('d.response_id')}, '、' order by d.response_id) from quarantine q join raw_surveys d "
    "on d.run_id = q.run_id and d.source_file = q.source_file and d.row_number = q.row_number where q.run_id = $run_id "
    "and q.reason_code = 'duplicate_household' and d.household_id = coalesce(a.resident_household, ag.household_id) "
    "and d.grid_id = a.resident_grid) "
    "from raw_appeals a left join answer_grid ag using (response_id) "
    "left join grid_scores r on r.run_id = $run_id and r.grid_id = a.resident_grid "
    "left join grid_scores g on g.run_id = $run_id and g.grid_id = ag.grid_id "
    "where a.run_id = $run_id and a.month = $month order by a.appeal_id")


def appeal_rows(con: duckdb.DuckDBPyConnection, run_id: str, month: str) -> list[dict]:
    told = output_format_of(con, run_id)
    rows = con.execute(APPEALS_SQL, {"run_id": run_id, "month": month, "upheld": UPHELD_TEXT,
                                     "told": told >= 9, "as_if": told >= 10}).fetchall()
    return [dict(zip(APPEAL_COLUMNS, r)) for r in rows]


def call_counts(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, dict[str, int]]:
    """grid id -> {result: calls} of the month's verification calls the run read."""
    out: dict[str, dict[str, int]] = {}
    for gid, result, n in con.execute(
            "with answer_grid as (select response_id, min(grid_id) as grid_id from raw_surveys where run_id = ? "
            "group by response_id) select ag.grid_id, v.result, count(*) from raw_verification v "
            "left join answer_grid ag using (response_id) where v.run_id = ? group by all",
            [run_id, run_id]).fetchall():
        out.setdefault(gid or "", {})[result] = n
    return out


def calls_by_grid(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, dict[str, int]]:
    """grid id -> {result: calls, "out": answers the calls took out of its score}, for a worker's sheet
    (output format 13: a trial's worker read his sheet explain the appeal that moved his pay and not
    the call). An answer a call found not genuine but some other rule had already left out is no "out"."""
    out = {gid: {**dict.fromkeys(RESULTS, 0), **calls, "out": 0} for gid, calls in call_counts(con, run_id).items()}
    for gid, n in con.execute(
            "select s.grid_id, count(*) from quarantine q join raw_surveys s on s.run_id = q.run_id and "
            "s.source_file = q.source_file and s.row_number = q.row_number where q.run_id = ? and "
            "q.reason_code in ('verification_denied', 'verification_coached') group by all", [run_id]).fetchall():
        out.setdefault(gid, {**dict.fromkeys(RESULTS, 0), "out": 0})["out"] = n
    return out


def sample_counts(con: duckdb.DuckDBPyConnection, run_id: str, month: str, policy: Policy
                  ) -> tuple[dict[str, int], list[str]]:
    """grid id -> answers of it in verify.csv (none where the policy draws no sample), and the ids (masked) of the
    sample no call the run read was made on: a correction's new answers draw the sample again (a ninety-seventh
    trial's scorecard read "抽样 12 份 ... 已记录回访 12 次", three of the 12 never called; trial 128's HR, its calls
    all made, could not tell which answer the line meant: K2, drawn by the correction). One pass over the draw."""
    if policy.review.sample_share is None:
        return {}, []
    rows = con.execute(f"select grid_id, count(*), list({masked_sql('response_id')} order by response_id) filter "
                       f"(where response_id not in (select response_id from raw_verification where run_id = $run_id "
                       f"and response_id is not null)) from ({VERIFY_SQL}) group by grid_id order by grid_id",
                       verify_params(run_id, month, policy, output_format_of(con, run_id))).fetchall()
    return {gid: n for gid, n, _ in rows}, [i for *_, ids in rows for i in ids or ()]


def review_counts(con: duckdb.DuckDBPyConnection, run_id: str, month: str) -> dict[str, dict[str, int]]:
    """The month's appeals by status and calls by result, counts only (the Prefect artifact)."""
    appeals = dict.fromkeys(DECISIONS, 0) | dict(con.execute(
        "select decision, count(*) from raw_appeals where run_id = ? and month = ? group by decision",
        [run_id, month]).fetchall())
    calls = dict.fromkeys(RESULTS, 0) | dict(con.execute(
        "select result, count(*) from raw_verification where run_id = ? group by result", [run_id]).fetchall())
    return {"appeals": appeals, "calls": calls}


def cycle_section(con: duckdb.DuckDBPyConnection, run_id: str, month: str, policy: Policy,
                  grids: list[dict]) -> dict | None:
    """The HR scorecard's 申诉与回访: one row per grid with an appeal, a call or a review flag (a
    district's thousands of quiet grids stay out; the sample's size is summed), and the totals.
    None for a policy without the cycle (a month published before it)."""
    if policy.review.window_days is None and policy.review.sample_share is None:
        return None
    appeals, calls = appeal_rows(con, run_id, month), call_counts(con, run_id)
    sample, uncalled = sample_counts(con, run_id, month, policy)
    apart = output_format_of(con, run_id) >= HR_OWN_APART
    own = [a for a in appeals if apart and not a["worker_id"]]
    by_grid: dict[str, list[dict]] = {}         # grouped once: a district has thousands of grids
    for a in appeals:
        by_grid.setdefault(a["grid_id"], []).append(a)
    rows = []
    for g in grids:
        every = by_grid.get(g["grid_id"], [])
        mine, hr_own = [a for a in every if a not in own], sum(a["decision"] == "upheld" for a in every if a in own)
        flags, called = [f for f in g["flags"].split(";") if f in REVIEW_FLAGS], calls.get(g["grid_id"], {})
        if not (every or called or flags):
            continue
        status = {d: sum(a["decision"] == d for a in mine) for d in DECISIONS}
        decided = status["upheld"] + status["rejected"]
        rows.append({"grid_id": g["grid_id"], "grid_name": g["grid_name"], **status, "hr_own": hr_own,
                     "categories": {c: n for c in CATEGORIES if (n := sum(a["category"] == c for a in mine))},
                     "upheld_share": f"{status['upheld'] / decided:.0%}" if decided else "",
                     "sample": sample.get(g["grid_id"], 0), **{r: called.get(r, 0) for r in RESULTS},
                     "flags": flags})
    return {"rows": rows, "appeals": len(appeals) - len(own), "hr_own": sum(a["decision"] == "upheld" for a in own),
            "sample": sum(sample.values()), "sample_grids": len(sample), "uncalled": len(uncalled),
            "uncalled_ids": ", ".join(uncalled[:UNCALLED_SHOWN]) + (" ..." if len(uncalled) > UNCALLED_SHOWN else ""),
            "calls": sum(sum(c.values()) for c in calls.values()),
            "totals": {k: sum(r[k] for r in rows) for k in (*DECISIONS, *RESULTS)}}


def part_of_section(section: dict | None, grids: list[dict]) -> dict | None:
    """The section for one community's scorecard: its grids' rows (the totals are the month's)."""
    if section is None:
        return None
    ids = {g["grid_id"] for g in grids}
    return {**section, "rows": [r for r in section["rows"] if r["grid_id"] in ids]}


def appeals_by_worker(appeals: list[dict]) -> dict[str, list[dict]]:
    """Each worker's own appeals of the month (appeal_rows), for their sheet (and nobody else's)."""
    out: dict[str, list[dict]] = {}
    for a in appeals:
        out.setdefault(a["worker_id"], []).append(a)
    return out


def upheld_by_grid(appeals: list[dict]) -> dict[str, list[dict]]:
    """grid id -> the month's upheld appeals (appeal_rows) that took an answer of it out, whoever filed them (a worker
    sheet from output format 16 names those of its grids filed by others: a ninety-third trial's worker on a shared
    grid saw her score move on a colleague's appeal, and her sheet did not say why)."""
    out: dict[str, list[dict]] = {}
    for a in appeals:
        if a["decision"] == "upheld" and a["effect"] == "excluded":
            out.setdefault(a["grid_id"], []).append(a)
    return out


def moved_by_grid(appeals: list[dict]) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """(answer's grid -> the upheld 非本网格 appeals counting its answers in their residents' grids, resident's grid ->
    those counting answers there): a grid's sheet says both, whoever filed them (trial 201's re-check: HR's own moves
    read "社区核对另剔除了 6 份答卷" on the grid they left, and nothing on the grids they came to)."""
    out: dict[str, list[dict]] = {}
    came: dict[str, list[dict]] = {}
    for a in appeals:
        if a["decision"] == "upheld" and a["effect"] in ("moved", "moved_not_counted"):
            out.setdefault(a["grid_id"], []).append(a)
            came.setdefault(a["resident_grid_id"], []).append(a)
    return out, came


def window_context(con: duckdb.DuckDBPyConnection, run_id: str, month: str, policy: Policy,
                   final: bool, now: datetime | None = None) -> dict:
    """The window as the notice and the worker sheets print it: its dates (from the month's first
    publication; a month published for the first time by this run opens it today), whether it is
    open, whom to contact, and once the month is final the answers per grid that HR's review took out;
    from output format 10 as soon as there are any, while residents may still object (trials 69 and 71:
    the notice of an open window showed no sign of the answers a call and an appeal had taken out)."""
    now = now or render_time()
    first = first_published_at(con, month) or now.astimezone(timezone.utc).replace(tzinfo=None)
    window = window_dates(first, policy.review.window_days, policy.timezone)
    fmt = output_format_of(con, run_id)
    not_counted = dict(con.execute(
        "select s.grid_id, count(*) from quarantine q join raw_surveys s on s.run_id = q.run_id "
        f"and s.source_file = q.source_file and s.row_number = q.row_number where q.run_id = ? and {REVIEWED_OUT} "
        "group by s.grid_id", [run_id]).fetchall()) if (final or fmt >= 10) and window is not None else {}
    return {"start": window[0].isoformat() if window else "", "end": window[1].isoformat() if window else "",
            "open": not final and window_open(window, now, policy.timezone), "final": final and window is not None,
            "contact": policy.review.contact, "not_counted": not_counted,
            "reviewed_out": window is not None and (final or bool(not_counted)),
            "final_early": _final_early(con, run_id, window, policy.timezone) if final and fmt >= 12 else None,
            "reviewed_by": _reviewed_by(con, run_id) if final and window is not None and fmt >= 22 else None,
            "published": publication(con, run_id, month, policy.timezone),     # printed from output format 7
            # upheld 非本网格 appeals counting their answers in the resident's grid: "upheld: not counted" is untrue of them
            "moved": con.execute("select count(*) from raw_appeals where run_id = ? and month = ? "
                                 "and moves_answer(decision, category, resident_grid)", [run_id, month]).fetchone()[0]}


def _reviewed_by(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, int]:
    """The answers HR's review took out of a final month, by how: an appeal upheld (a worker's, or HR's own check),
    a call whose household said it had not answered, or had been told what to answer. A hundred-and-fifty-ninth
    trial's resident read "复核结果将在定稿后公布" until the month was final, and then nothing."""
    counts = dict(con.execute("select reason_code, count(*) from quarantine q where run_id = ? and "
                              f"{REVIEWED_OUT} group by 1", [run_id]).fetchall())
    return {"n": sum(counts.values()), "appeals": counts.get("appeal_upheld", 0),
            "denied": counts.get("verification_denied", 0), "coached": counts.get("verification_coached", 0)}


def _final_early(con: duckdb.DuckDBPyConnection, run_id: str, window, tz: str) -> str | None:
    """The local day the run was finalized, where that was on or before its window's last day (with --force): the
    worker sheets and the notice then say so (output format 12; trial 81's sheets still invited appeals)."""
    row = con.execute("select finalized_at from finalized where run_id = ? and forced_reason is not null",
                      [run_id]).fetchone()
    day = finalized_early(window, row[0], tz) if row else None
    return day.isoformat() if day else None
