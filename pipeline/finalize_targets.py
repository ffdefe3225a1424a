"""Pay targets workers.csv gives now, other than those the published run paid the month on: finalize refuses the
month as it stands. Trial 229's office raised W04's target to 1700.00 for November and published 1662.85; a laptop's
warehouse, run on the old file, was copied back over it, and finalize locked in 1576.80, exit 0, nothing said (only a
new run compared the files). workers.csv has no dates, so a target raised for a later month reads the same: the line
says both ways out, and --force --reason finalizes the month as published. Days of the month assignments.csv gives a
worker on a grid other than those paid are refused the same way (the file has dates: the change is the month's)."""
from __future__ import annotations

from pathlib import Path

from gridpay.ingest.formats import Source, read_table
from gridpay.pipeline.changed_assignments import days_in_month, unread_pairs
from gridpay.store.warehouse import connect
from gridpay.transforms.amounts import amount_value
from gridpay.transforms.parsing import normalized_date


def _again(rerun: str) -> str:
    return rerun.replace("--reference published", "--reference inbox") if "--reference" in rerun else \
        f"{rerun} --reference inbox"


def changed_targets(db: Path, inbox: Path, month: str, run_id: str, aliases: dict[str, str], rerun: str) -> list[str]:
    """A line for each worker the run paid whose perf_pay_target in the inbox's workers.csv differs from the one paid."""
    if not (inbox / "workers.csv").is_file():
        return []
    with connect(db) as con:
        paid = dict(con.execute("select worker_id, perf_pay_target_yuan from payroll where run_id = ?",
                                [run_id]).fetchall())
    workers = read_table(Source("workers.csv", inbox / "workers.csv"), "workers", aliases)
    changed = []
    for worker, typed in zip(workers["worker_id"], workers["perf_pay_target"]):
        if worker not in paid or paid[worker] is None:
            continue
        now = amount_value(typed)      # None: a target the run would refuse itself, naming the row
        if now is not None and now != paid[worker]:
            changed.append(f"{worker} perf_pay_target {now:.2f}, and run {run_id} paid {month} on {paid[worker]:.2f}")
    # one line, its advice once: trial 280's raise for every worker repeated it six times
    return [f"workers.csv gives {'; '.join(changed)}: if the change is {month}'s, run the month again first "
            f"({_again(rerun)}); if it is a later month's, finalize {month} as published with --force --reason \"...\""
            ] if changed else []


def changed_days(db: Path, inbox: Path, month: str, run_id: str, aliases: dict[str, str], rerun: str) -> list[str]:
    """A line for each worker and grid to which the inbox's assignments.csv gives other days of the month than the run
    paid: the laptop of trial 229 with last month's assignments.csv would lock in a handover the office had moved. A
    pair no longer in the file (a leaver's rows pruned) or whose dates do not read is not compared (as at a run)."""
    if not (inbox / "assignments.csv").is_file():
        return []
    with connect(db) as con:
        was = {(w, g): d for w, g, d in con.execute("select worker_id, grid_id, assigned_days from worker_grid_days "
                                                    "where run_id = ?", [run_id]).fetchall()}
    rows = read_table(Source("assignments.csv", inbox / "assignments.csv"), "assignments", aliases)
    if "end_date" not in rows.columns:
        rows["end_date"] = None
    for column in ("start_date", "end_date"):
        rows[column] = rows[column].map(normalized_date, na_action="ignore")
    now = days_in_month(rows, month)
    unread = unread_pairs(rows)
    return [f"assignments.csv gives {w} {now.get((w, g), 0)} days on {g} in {month}, and run {run_id} paid "
            f"{was.get((w, g), 0)}: if the file is right, run the month again first ({_again(rerun)}); if it is not "
            f"(an older copy), put the right one back" for w, g in sorted(set(zip(rows["worker_id"].astype(str),
                                                                                  rows["grid_id"].astype(str))))
            if (w, g) not in unread and now.get((w, g), 0) != was.get((w, g), 0)]
