"""Pay targets workers.csv gives now, other than those the published run paid the month on: finalize refuses the
month as it stands. Trial 229's office raised W04's target to 1700.00 for November and published 1662.85; a laptop's
warehouse, run on the old file, was copied back over it, and finalize locked in 1576.80, exit 0, nothing said (only a
new run compared the files). workers.csv has no dates, so a target raised for a later month reads the same: the line
says both ways out, and --force --reason finalizes the month as published."""
from __future__ import annotations

from pathlib import Path

from gridpay.ingest.formats import Source, read_table
from gridpay.store.warehouse import connect
from gridpay.transforms.amounts import amount_value


def changed_targets(db: Path, inbox: Path, month: str, run_id: str, aliases: dict[str, str], rerun: str) -> list[str]:
    """A line for each worker the run paid whose perf_pay_target in the inbox's workers.csv differs from the one paid."""
    if not (inbox / "workers.csv").is_file():
        return []
    with connect(db) as con:
        paid = dict(con.execute("select worker_id, perf_pay_target_yuan from payroll where run_id = ?",
                                [run_id]).fetchall())
    workers = read_table(Source("workers.csv", inbox / "workers.csv"), "workers", aliases)
    again = rerun.replace("--reference published", "--reference inbox") if "--reference" in rerun else \
        f"{rerun} --reference inbox"
    lines = []
    for worker, typed in zip(workers["worker_id"], workers["perf_pay_target"]):
        if worker not in paid or paid[worker] is None:
            continue
        now = amount_value(typed)      # None: a target the run would refuse itself, naming the row
        if now is not None and now != paid[worker]:
            lines.append(f"workers.csv gives {worker} perf_pay_target {now:.2f}, and run {run_id} paid {month} on "
                         f"{paid[worker]:.2f}: if the change is {month}'s, run the month again first ({again}); if it is a later month's, finalize {month} as published with --force "
                         f"--reason \"...\"")
    return lines
