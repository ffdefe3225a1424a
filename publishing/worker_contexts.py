"""Everything one worker's sheet shows, as plain data: their grids, items, trend and pay, and
nobody else's. From output format 10 a sheet also says what its own figures owe to a grid with too
few answers, and, when it corrects an earlier publication, how its total moved from that one's (a
seventy-first trial's workers could not get from 77.02 to 1.0134, and read "本表替代" on a sheet that
lowered the pay by 26.10 yuan as on one that changed nothing). From format 13 it lists the verification
calls made on its grids' answers and what they took out (an eighty-second trial's worker read his sheet
explain the appeal that moved his pay, not the call beside it)."""
from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

import duckdb

from gridpay.publishing import earlier_months, report_data as data, review_data as cycle
from gridpay.publishing.call_restorations import restored_by_calls
from gridpay.publishing.coefficient_words import coefficient_text
from gridpay.publishing.neutral_shares import neutral_share
from gridpay.publishing.outputs import payroll_rows
from gridpay.publishing.republication import TOLD_WHAT_CHANGED
from gridpay.transforms.coefficient_rule import CoefficientRule
from gridpay.transforms.pay import score_coefficient
from gridpay.transforms.rounding import rounded

CALLS_SHOWN = 13        # the output format from which a sheet lists the calls made on its grids' answers
OTHERS_SHOWN = 16       # ... and others' upheld appeals on its grids' answers
WHY_MOVED = 17          # ... why an unchanged grid's total moved (the policy, the files, other grids), and with whom
                        # how a grid held part of the month is shared
OWN_PHONE = 18          # ... the answers given on her own phone, not counted (trials 112 and 114: said to HR only)
NEUTRAL_SHOWN = 28      # ... how a budget-neutral pool reached her pay: held at the floor or cap, or its share (trial 215)
BESIDE_OUT = 29         # ... the home's earlier answer a call let count, beside the answer it took out (trial 221)
OTHER_NAME = 31         # ... the name the replaced publication gave her id, where another (trial 261's swapped rows);
                        # a blend's shares to four decimals (trial 272: 79.55% redid 0.9081 for 0.9082 paid); the
                        # answers on her phone to her own grids only (trial 273: a phone two workers share)
SCORE_TERMS = 33        # ... how her score comes from two grids or more (trials 285 and 288 redid 64.82 by hand)


def worker_contexts(con: duckdb.DuckDBPyConnection, run_id: str, month: str, run: dict, grids: list[dict],
                    workers: list[dict], items: tuple[str, ...], comments: dict[str, list[str]] | None = None,
                    rule: CoefficientRule | None = None) -> list[dict]:
    by_grid = {g["grid_id"]: g for g in grids}
    assigned = data.worker_assignments(con, run_id)
    scores = data.item_scores_by_grid(con, run_id)
    months, trends = earlier_months.worker_trends(con, run_id, month)
    rows = cycle.appeal_rows(con, run_id, month)                   # read once: each worker's own, and others'
    appeals = cycle.appeals_by_worker(rows)                        # each worker's own, with what they changed
    fmt = run.get("output_format") or 1
    told, others = fmt >= TOLD_WHAT_CHANGED, fmt >= OTHERS_SHOWN
    calls = cycle.calls_by_grid(con, run_id) if fmt >= CALLS_SHOWN else {}
    restored = restored_by_calls(con, run_id) if fmt >= NEUTRAL_SHOWN and calls else {}      # format 28 (trial 219)
    upheld, moved = (cycle.upheld_by_grid(rows), cycle.moved_by_grid(rows)) if others else ({}, ({}, {}))
    parts = coefficient_parts(con, run_id, rule, 4 if fmt >= OTHER_NAME else 2) if told and rule is not None else {}
    replaced = (run.get("window", {}).get("published") or {}).get("replaces") if told else None
    lines = {r["worker_id"]: r for r in payroll_rows(con, replaced["run_id"])} if replaced else {}
    before = {w: r["total_pay"] for w, r in lines.items()}
    first = {r["worker_id"]: r["total_pay"] for r in payroll_rows(con, replaced["first"]["run_id"])} \
        if replaced and replaced.get("first") else None
    same = unchanged_grids(con, run_id, replaced["run_id"]) if replaced and others else None
    own = own_phone_answers(con, run_id, fmt >= OTHER_NAME) if fmt >= OWN_PHONE else {}
    return [{"run": run, "w": w, "items": items, "months": months, "appeals": appeals.get(w["worker_id"], []),
             "trend": trends.get(w["worker_id"], [None] * len(months)),
             "coefficient_parts": parts.get(w["worker_id"]),
             "calls": [{"grid_name": by_grid[gid]["grid_name"], **calls[gid], "restored": restored.get(gid, 0),
                        "restored_beside_out": fmt >= BESIDE_OUT}
                       for gid, _, _ in assigned.get(w["worker_id"], []) if gid in calls],
             "replaced_total_pay": (before.get(w["worker_id"], "") if replaced else None),
             "first_total_pay": first.get(w["worker_id"], "") if first is not None else None,
             "replaced_name": _other_name(w, lines.get(w["worker_id"])) if fmt >= OTHER_NAME else None,
             "others_appeals": others_appeals(w["worker_id"], assigned.get(w["worker_id"], []), by_grid, upheld,
                                              fmt >= WHY_MOVED, moved),
             "moved_by_others": fmt < WHY_MOVED and same is not None and moved_by_others(
                 w, lines.get(w["worker_id"]), assigned.get(w["worker_id"], []), same),
             "moved_because": moved_because(w, lines.get(w["worker_id"]), assigned.get(w["worker_id"], []), same,
                                            replaced, run) if fmt >= WHY_MOVED and same is not None else None,
             "shared_grids": shared_grids(w, assigned, by_grid) if fmt >= WHY_MOVED else [],
             "own_phone": own.get(w["worker_id"], 0),
             "neutral_share": neutral_share(w, rule) if fmt >= NEUTRAL_SHOWN else None,
             "score_terms": score_terms(w, assigned.get(w["worker_id"], []), by_grid) if fmt >= SCORE_TERMS else None,
             "grids": [{**by_grid[gid], "assigned_days": days, "weight_days": f"{wd:.1f}",
                        "item_scores": scores.get(gid, {}), "comments": (comments or {}).get(gid, [])}
                       for gid, days, wd in assigned.get(w["worker_id"], [])]}
            for w in workers]


def others_appeals(worker_id: str, assigned: list, by_grid: dict, upheld: dict[str, list[dict]],
                   hr_apart: bool = False, moved: tuple[dict, dict] = ({}, {})) -> list[dict]:
    """Per grid of the worker's, the upheld appeals on its answers filed by others (a colleague, or HR's own); with
    `hr_apart` (output format 17) HR's own corrections (no appellant) as entries of their own, kind "hr" (a
    hundred-and-eighth trial's sheet called HR's removal of a repeat "他人提出的申诉")."""
    out = []
    for gid, _, _ in assigned:
        others = [a for a in upheld.get(gid, []) if a["worker_id"] != worker_id]
        groups = ((("", [a for a in others if a["worker_id"]]), ("hr", [a for a in others if not a["worker_id"]]))
                  if hr_apart else (("", others),))
        for kind, found in groups:
            if found:
                out.append({"grid_name": by_grid[gid]["grid_name"], "n": len(found), "kind": kind,
                            "ids": "、".join(a["appeal_id"] for a in found),
                            "categories": sorted(Counter(a.get("category") or "other" for a in found).items())})
        # answers counted in their residents' grids by 非本网格 appeals: those that left this grid, those that came
        for kind, by in zip(("moved_out", "moved_in"), moved):
            if found := [a for a in by.get(gid, []) if a["worker_id"] != worker_id]:
                out.append({"grid_name": by_grid[gid]["grid_name"], "n": len(found), "kind": kind,
                            "ids": "、".join(a["appeal_id"] for a in found), "categories": [],
                            "displaced": "、".join(a["displaced"] for a in found if a.get("displaced") and a["effect"] == "moved")})
    return out


def _other_name(w: dict, before: dict | None) -> str | None:
    """The name the replaced publication gave the worker's id, where it was another: trial 261's workers.csv had two
    rows' names and phones swapped, and 王建华's corrected sheet read "由 1510.80 元变为 1893.35 元", 1510.80 being what
    his id paid 刘婷婷 then."""
    then = str((before or {}).get("name") or "").strip()
    return then if then and then != str(w.get("name") or "").strip() else None


def unchanged_grids(con: duckdb.DuckDBPyConnection, run_id: str, before_run: str) -> set[str]:
    """The grids whose answers and raw score are those of the run `before_run` too."""
    return {gid for (gid,) in con.execute(
        "select n.grid_id from grid_scores n join grid_scores b on b.grid_id = n.grid_id and b.run_id = $before "
        "where n.run_id = $now and n.responses is not distinct from b.responses "
        "and n.raw_score is not distinct from b.raw_score", {"now": run_id, "before": before_run}).fetchall()}


def moved_by_others(w: dict, before: dict | None, assigned: list, same: set[str]) -> bool:
    """A correction moved the worker's total though her grids' answers, her adjustment, target and days are as
    they were: the other grids moved it (a ninety-seventh trial's worker read "由 1567.05 元变为 1562.40 元" on a
    grid of the same 17 answers, unexplained)."""
    return (before is not None and before["total_pay"] != w["total_pay"] and bool(assigned)
            and all(gid in same for gid, _, _ in assigned)
            and all(before[k] == w[k] for k in ("adjustment", "perf_pay_target", "assigned_days", "days_in_month")))


def coefficient_parts(con: duckdb.DuckDBPyConnection, run_id: str, rule: CoefficientRule,
                      share_places: int = 2) -> dict[str, dict]:
    """worker id -> the two parts of a coefficient blended from a score and the neutral coefficient
    (transforms/pay.py worker_coefficient), for a worker with part of the month in grids with too few
    answers and part in grids with enough; the exact figures at two more decimals than the coefficient."""
    out = {}
    # a grid pooled over another worker's days is paid at neutral too (policy 2027.22): its part is not "too few answers"
    for wid, score, share, before_start in con.execute(
            "select s.worker_id, s.score, s.scored_share, coalesce(contains(p.flags, 'window_before_start'), false) "
            "from worker_scores s left join payroll p using (run_id, worker_id) where s.run_id = ? "
            "and s.score is not null and s.scored_share < 1", [run_id]).fetchall():
        scored = score_coefficient(score, rule)
        places = rule.decimals + 2
        out[wid] = {"score": rounded(score, 2), "scored": rounded(scored, places),
                    "share": f"{rounded(share * 100, share_places)}%", "rest": f"{rounded((1 - share) * 100, share_places)}%", "neutral": coefficient_text(rule.neutral), "decimals": rule.decimals,
                    "blend": rounded(share * scored + (1 - share) * rule.neutral, places),
                    "rest_where": "rest_before_start" if before_start else "rest_few"}
    return out


def moved_because(w: dict, before: dict | None, assigned: list, same: set[str], replaced: dict, run: dict
                  ) -> dict | None:
    """Why a correction moved the total of a worker whose own grids, adjustment and days are as they were: the
    policy ('policy', its version), else other grids' answers ('others'), else the files read ('files', their names).
    A hundred-and-fourth trial's sheets blamed other grids' answers for a change of the policy's budget, where no
    answer had changed."""
    if not moved_by_others(w, before, assigned, same):
        return None
    files = [name for name, _ in replaced.get("inputs_changed", [])]
    if any(name.endswith("policy.toml") for name in files):
        return {"kind": "policy", "version": run.get("policy_version", "")}
    if replaced.get("grids_changed"):
        return {"kind": "others"}
    return {"kind": "files", "files": "、".join(files)} if files else {"kind": "others"}


def shared_grids(w: dict, assigned: dict, by_grid: dict) -> list[dict]:
    """The worker's grids she holds for part of the month: their answers and score are the whole grid's, the whole
    month's (a hundred-and-third trial's leaver and newcomer read one grid's 25 answers on both sheets, as each one's
    own); with how many others held it that month and their days, unnamed (a sheet shows nobody else's)."""
    out = []
    for gid, days, _ in assigned.get(w["worker_id"], []):
        if days >= int(w["days_in_month"]):
            continue
        others = {o: sum(d for g, d, _ in grids if g == gid) for o, grids in assigned.items()
                  if o != w["worker_id"] and any(g == gid for g, _, _ in grids)}      # a worker once, her days summed
        out.append({"grid_name": by_grid[gid]["grid_name"], "days": days, "others": len(others),
                    "others_days": sum(others.values())})
    return out


def own_phone_answers(con: duckdb.DuckDBPyConnection, run_id: str, her_grids: bool = False) -> dict[str, int]:
    """worker_id -> the month's answers given on her phone (workers.csv's, or a past one of hers the run read) and
    kept out as self_rating: a round door to door on her phone reads on her sheet as answers that never were.
    `her_grids` (output format 31): to her own grids only (trial 273's 网格站 phone, workers.csv's for two workers:
    each one's sheet counted the other's grid's answers too, 9 for her 5)."""
    mine = (" and exists (select 1 from worker_grid_days d where d.run_id = $1 and d.worker_id = p.worker_id "
            "and d.grid_id = s.grid_id and d.assigned_days > 0)") if her_grids else ""
    return dict(con.execute(f"""
        with phones as (select worker_id, phone_hash from raw_workers where run_id = $1 and phone_hash is not null
                        union select worker_id, phone_hash from raw_worker_phones where run_id = $1)
        select p.worker_id, count(distinct s.row_id) from quarantine q
        join raw_surveys s on s.run_id = q.run_id and s.source_file = q.source_file and s.row_number = q.row_number
        join phones p on p.phone_hash = s.respondent_phone_hash
        where q.run_id = $1 and q.reason_code = 'self_rating'{mine} group by 1""", [run_id]).fetchall())


def score_terms(w: dict, assigned: list, by_grid: dict) -> dict | None:
    """How a worker's score comes from two scored grids or more: each grid's score as printed times its weighted
    days, over their sum (methodology, section 4). None where she has fewer, or where the sum does not give the
    score printed (a grid paid at neutral for her part only, policy 2027.22): a sheet never shows a sum that is off."""
    terms = [(Decimal(by_grid[gid]["adjusted_score"]), Decimal(str(wd))) for gid, _, wd in assigned
             if by_grid[gid].get("adjusted_score") and "insufficient_responses" not in
             (by_grid[gid].get("flags") or "").split(";") and Decimal(str(wd)) > 0]
    if len(terms) < 2 or not w.get("score"):
        return None
    days = sum(wd for _, wd in terms)
    mean = sum(score * wd for score, wd in terms) / days
    shown = {mean.quantize(Decimal("0.01"), ROUND_HALF_UP),
             mean.quantize(Decimal("0.0001"), ROUND_HALF_UP).quantize(Decimal("0.01"), ROUND_HALF_UP)}
    if Decimal(str(w["score"])) not in shown:
        return None
    return {"terms": " + ".join(f"{score} × {_days(wd)}" for score, wd in terms), "days": _days(days)}


def _days(value: Decimal) -> str:
    """Weighted days as few decimals as they hold (31, 7.5, 10.23)."""
    text = f"{value.quantize(Decimal('0.01'), ROUND_HALF_UP):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
