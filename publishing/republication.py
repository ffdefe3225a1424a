"""When a month's documents were published, and which publication of the month they replace: a resident
reading the notice board and a worker holding two sheets of one month could not tell the corrected one
from the first (a fifty-second trial's two September sheets, 1410.00 and 1310.00 yuan, differed only in a
run id). Printed from output format 7 on; dates in the policy's time zone. The reason HR gave for the re-run
is not printed on a worker's sheet or the notice: it may name another worker or an amount, and these
documents go to one worker and to the notice board. From output format 10 the HR scorecard prints it, with
how many workers' totals moved, and the notice says which grids' figures changed (a seventy-first trial's
notices said "本公示替代" both times, once when nothing residents see had changed)."""
from __future__ import annotations

import json
from decimal import Decimal

import duckdb

from gridpay.transforms.input_changes import input_changes
from gridpay.transforms.review_window import local_day

TOLD_WHAT_CHANGED = 10

# what the notice shows of a grid (publishing/notice.py), compared between two publications; from output format
# 12 as printed (trial 82's corrected notice named all five grids, one whose printed 89.91 had not moved: an
# upheld appeal moves the community's mean, and with it every grid's shrunken score in its third decimal)
NOTICE_FIGURES = "grid_id, grid_name, adjusted_score, responses, response_rate"
NOTICE_FIGURES_PRINTED = "grid_id, grid_name, round(adjusted_score, 2), responses, response_rate"
AS_PRINTED = 12
INPUTS_NAMED = 13      # the correction line names the input files read differently (transforms/input_changes.py)
BY_COMMUNITY = 19      # each community's notice and scorecard say its own grids and workers that changed (trial 121's
                       # second community's notice named the first's grids, its scorecard the first's four workers)
ANSWERS_APART = 20     # the grids whose answers changed told apart from those whose score alone moved (trial 133's
                       # corrected notice named all seven grids for two grids' answers: the others' moved 0.01-0.08)
FIRST_TOLD = 26        # a correction of a correction names the month's first publication too (trial 184's worker,
                       # holding the first sheet's 1409.55, read only "unchanged against that version" at 1346.40)
FIRST_GRIDS = 31       # ... and its notice the grids whose figures moved since it (trial 275's residents, whose forms
                       # were typed again, read on the last notice that no grid's figures had changed)


def publication(con: duckdb.DuckDBPyConnection, run_id: str, month: str, zone: str) -> dict:
    """{'date': this run's day, 'replaces': {'date', 'run_id'} of the month's last publication before it, or None};
    from output format 10 'replaces' also holds the run's reason, the workers whose total moved and by how
    much in all, and the names of the grids whose notice figures changed."""
    started, fmt, reason = con.execute("select started_at, coalesce(output_format, 1), reason from runs "
                                       "where run_id = ?", [run_id]).fetchone()
    before = con.execute("select run_id, finished_at from runs where month = ? and status = 'published' and "
                         "run_id <> ? and finished_at < ? order by finished_at desc limit 1",
                         [month, run_id, started]).fetchone()
    replaces = {"run_id": before[0], "date": local_day(before[1], zone).isoformat()} if before else None
    if replaces and fmt >= TOLD_WHAT_CHANGED:
        replaces |= {"reason": reason or "", **_changes(con, before[0], run_id, fmt)}
    if replaces and fmt >= FIRST_TOLD:
        first = con.execute("select run_id, finished_at from runs where month = ? and status = 'published' and "
                            "run_id <> ? and finished_at < ? order by finished_at limit 1",
                            [month, run_id, started]).fetchone()
        if first[0] != before[0]:
            replaces["first"] = {"run_id": first[0], "date": local_day(first[1], zone).isoformat()}
            if fmt >= FIRST_GRIDS:
                grids = _notice_grids(con, first[0], run_id, fmt)
                replaces["first"] |= {"grids_changed": [name for _, name in grids],
                                      "grid_ids_changed": [gid for gid, _ in grids]}
    return {"date": local_day(started, zone).isoformat(), "replaces": replaces}


def _notice_grids(con: duckdb.DuckDBPyConnection, earlier: str, run_id: str, fmt: int) -> list[tuple[str, str]]:
    """(grid id, name) of the grids whose figures on the notice differ between the two runs."""
    shown = NOTICE_FIGURES_PRINTED if fmt >= AS_PRINTED else NOTICE_FIGURES
    return con.execute(f"select grid_id, grid_name from ((select {shown} from grid_scores where run_id = ? except "
                       f"select {shown} from grid_scores where run_id = ?)) order by grid_id", [run_id, earlier]).fetchall()


def _changes(con: duckdb.DuckDBPyConnection, earlier: str, run_id: str, fmt: int) -> dict:
    moved, total = con.execute(
        "select count(*), coalesce(sum(coalesce(n.total_pay_yuan, 0) - coalesce(e.total_pay_yuan, 0)), 0) "
        "from (select worker_id, total_pay_yuan from payroll where run_id = ?) as n "
        "full join (select worker_id, total_pay_yuan from payroll where run_id = ?) as e using (worker_id) "
        "where n.total_pay_yuan is distinct from e.total_pay_yuan", [run_id, earlier]).fetchone()
    changed = _notice_grids(con, earlier, run_id, fmt)
    out = {"workers_moved": moved, "pay_moved": f"{total:+.2f}", "grids_changed": [name for _, name in changed]}
    if fmt >= ANSWERS_APART:
        out["grid_ids_answered"] = [gid for (gid,) in con.execute(
            "select grid_id from ((select grid_id, responses, response_rate from grid_scores where run_id = ? except "
            "select grid_id, responses, response_rate from grid_scores where run_id = ?)) order by grid_id",
            [run_id, earlier]).fetchall()]
        out["grids_answered"] = [name for gid, name in changed if gid in out["grid_ids_answered"]]
    if fmt >= BY_COMMUNITY:
        out["grid_ids_changed"] = [gid for gid, _ in changed]
        out["totals_moved"] = dict(con.execute(
            "select worker_id, (coalesce(n.total_pay_yuan, 0) - coalesce(e.total_pay_yuan, 0))::varchar "
            "from (select worker_id, total_pay_yuan from payroll where run_id = ?) as n "
            "full join (select worker_id, total_pay_yuan from payroll where run_id = ?) as e using (worker_id) "
            "where n.total_pay_yuan is distinct from e.total_pay_yuan", [run_id, earlier]).fetchall())
    if fmt >= INPUTS_NAMED:
        (before, code_before), (now, code_now) = (con.execute(
            "select inputs_json, code_version from runs where run_id = ?", [r]).fetchone() for r in (earlier, run_id))
        out["inputs_changed"] = input_changes(json.loads(before or "[]"), json.loads(now or "[]"))
        out["code_changed"] = (code_before, code_now) if code_before != code_now else None
    return out


def community_window(window: dict, grid_ids: set[str], worker_ids: set[str]) -> dict:
    """The 公示 window with the correction line of one community of the month: its grids whose figures changed, its
    workers whose totals moved and by how much (output format BY_COMMUNITY; before it, the month's)."""
    replaces = (window.get("published") or {}).get("replaces") or {}
    if "totals_moved" not in replaces:
        return window
    changed = [name for gid, name in zip(replaces["grid_ids_changed"], replaces["grids_changed"]) if gid in grid_ids]
    answered = [name for gid, name in zip(replaces["grid_ids_changed"], replaces["grids_changed"])
                if gid in grid_ids and gid in replaces.get("grid_ids_answered", ())]
    moved = {w: Decimal(d) for w, d in replaces["totals_moved"].items() if w in worker_ids}
    own = {**replaces, "grids_changed": changed, "workers_moved": len(moved),
           **({"grids_answered": answered} if "grids_answered" in replaces else {}),
           "pay_moved": f"{sum(moved.values(), Decimal(0)):+.2f}"}
    if "grid_ids_changed" in (first := replaces.get("first") or {}):      # its own grids since the first (format 31)
        own["first"] = {**first, "grids_changed": [name for gid, name in zip(first["grid_ids_changed"],
                                                                             first["grids_changed"]) if gid in grid_ids]}
    return {**window, "published": {**window["published"], "replaces": own}}
