"""Everything one worker's sheet shows, as plain data: their grids, items, trend and pay, and
nobody else's. From output format 10 a sheet also says what its own figures owe to a grid with too
few answers, and, when it corrects an earlier publication, how its total moved from that one's (a
seventy-first trial's workers could not get from 77.02 to 1.0134, and read "本表替代" on a sheet that
lowered the pay by 26.10 yuan as on one that changed nothing). From format 13 it lists the verification
calls made on its grids' answers and what they took out (an eighty-second trial's worker read his sheet
explain the appeal that moved his pay, not the call beside it)."""
from __future__ import annotations

import duckdb

from gridpay.publishing import earlier_months, report_data as data, review_data as cycle
from gridpay.publishing.coefficient_words import coefficient_text
from gridpay.publishing.outputs import payroll_rows
from gridpay.publishing.republication import TOLD_WHAT_CHANGED
from gridpay.transforms.coefficient_rule import CoefficientRule
from gridpay.transforms.pay import score_coefficient
from gridpay.transforms.rounding import rounded

CALLS_SHOWN = 13        # the output format from which a sheet lists the calls made on its grids' answers
OTHERS_SHOWN = 16       # ... and others' upheld appeals on its grids' answers


def worker_contexts(con: duckdb.DuckDBPyConnection, run_id: str, month: str, run: dict, grids: list[dict],
                    workers: list[dict], items: tuple[str, ...], comments: dict[str, list[str]] | None = None,
                    rule: CoefficientRule | None = None) -> list[dict]:
    by_grid = {g["grid_id"]: g for g in grids}
    assigned = data.worker_assignments(con, run_id)
    scores = data.item_scores_by_grid(con, run_id)
    months, trends = earlier_months.worker_trends(con, run_id, month)
    appeals = cycle.appeals_by_worker(con, run_id, month)          # each worker's own, with what they changed
    told = (run.get("output_format") or 1) >= TOLD_WHAT_CHANGED
    calls = cycle.calls_by_grid(con, run_id) if (run.get("output_format") or 1) >= CALLS_SHOWN else {}
    upheld = cycle.upheld_by_grid(con, run_id, month) if (run.get("output_format") or 1) >= OTHERS_SHOWN else {}
    parts = coefficient_parts(con, run_id, rule) if told and rule is not None else {}
    replaced = (run.get("window", {}).get("published") or {}).get("replaces") if told else None
    before = {r["worker_id"]: r["total_pay"] for r in payroll_rows(con, replaced["run_id"])} if replaced else {}
    return [{"run": run, "w": w, "items": items, "months": months, "appeals": appeals.get(w["worker_id"], []),
             "trend": trends.get(w["worker_id"], [None] * len(months)),
             "coefficient_parts": parts.get(w["worker_id"]),
             "calls": [{"grid_name": by_grid[gid]["grid_name"], **calls[gid]}
                       for gid, _, _ in assigned.get(w["worker_id"], []) if gid in calls],
             "replaced_total_pay": (before.get(w["worker_id"], "") if replaced else None),
             "others_appeals": others_appeals(w["worker_id"], assigned.get(w["worker_id"], []), by_grid, upheld),
             "grids": [{**by_grid[gid], "assigned_days": days, "weight_days": f"{wd:.1f}",
                        "item_scores": scores.get(gid, {}), "comments": (comments or {}).get(gid, [])}
                       for gid, days, wd in assigned.get(w["worker_id"], [])]}
            for w in workers]


def others_appeals(worker_id: str, assigned: list, by_grid: dict, upheld: dict[str, list[dict]]) -> list[dict]:
    """Per grid of the worker's, the upheld appeals on its answers filed by others (a colleague, or HR's own)."""
    out = []
    for gid, _, _ in assigned:
        ids = [a["appeal_id"] for a in upheld.get(gid, []) if a["worker_id"] != worker_id]
        if ids:
            out.append({"grid_name": by_grid[gid]["grid_name"], "n": len(ids), "ids": "、".join(ids)})
    return out


def coefficient_parts(con: duckdb.DuckDBPyConnection, run_id: str, rule: CoefficientRule) -> dict[str, dict]:
    """worker id -> the two parts of a coefficient blended from a score and the neutral coefficient
    (transforms/pay.py worker_coefficient), for a worker with part of the month in grids with too few
    answers and part in grids with enough; the exact figures at two more decimals than the coefficient."""
    out = {}
    for wid, score, share in con.execute(
            "select worker_id, score, scored_share from worker_scores where run_id = ? and score is not null "
            "and scored_share < 1", [run_id]).fetchall():
        scored = score_coefficient(score, rule)
        places = rule.decimals + 2
        out[wid] = {"score": rounded(score, 2), "scored": rounded(scored, places), "share": f"{rounded(share * 100, 2)}%",
                    "rest": f"{rounded((1 - share) * 100, 2)}%", "neutral": coefficient_text(rule.neutral), "decimals": rule.decimals,
                    "blend": rounded(share * scored + (1 - share) * rule.neutral, places)}
    return out
