"""`gridpay appeals --month M`: the month's appeals as HR sees them before deciding: each appeal of
the inbox's appeals.csv as it is now and of the published run, its status, and for each pending one
the appellant's total pay if it were upheld. That pay is computed from the published month and
never stored: the published run's raw rows are copied under a scratch run id inside one warehouse
transaction, the appeal is added as upheld, the scratch run is scored (store/scoring.score, the
same models as a run) and the transaction is rolled back."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

from gridpay.core.settings import Settings
from gridpay.ingest.formats import OPTIONAL, REQUIRED, Source
from gridpay.ingest.review_files import inbox_calls, resident_grids, review_tables
from gridpay.pipeline.appeal_marks import OUTSIDE, lower, marks
from gridpay.pipeline.audit import find_run
from gridpay.pipeline.maintenance import exclusive
from gridpay.pipeline import review_gate
from gridpay.pipeline.steps import archived_policy
from gridpay.store.scoring import score
from gridpay.store.warehouse import connect, require_warehouse
from gridpay.transforms.policy import Policy
from gridpay.transforms.privacy import masked_sql
from gridpay.transforms.review_terms import CATEGORIES, DECISIONS

# the inputs a run's models read by run_params.run_id (store/warehouse.py load_raw)
RAW_TABLES = ("raw_grids", "raw_grid_compounds", "raw_compound_names", "raw_workers", "raw_worker_phones",
              "raw_assignments", "raw_adjustments", "raw_appeals", "raw_verification", "raw_surveys", "policy_items")
APPEAL_FIELDS = ("appeal_id", "month", "worker_id", "response_id", "category", "statement", "filed_on", "decision",
                 "decided_by", "decided_on", "decision_note", "resident_grid")


@dataclass(frozen=True)
class AppealLine:
    appeal_id: str
    worker_id: str | None            # blank: HR's own correction, no appellant
    response_id: str
    category: str
    status: str                      # pending / upheld / rejected, as the inbox has it now; "pending (late)"
    applied: bool                    # the published run read it with this status
    current_total: str               # the appellant's total pay as published ('' if not paid this month)
    total_if_upheld: str = ""        # pending ones, and upheld ones the run did not apply: computed, not stored
    counted: bool = True             # its answer counted in the published run (else upholding it changes nothing)
    answer_at: str = ""              # the answer's grid and home: an id of another month's form names another home
    meant: str = ""                  # no answer has the id: the one whose id ends with it (C62 for 62), if one does
    no_bad_rating: bool = False      # a 恶意差评 appeal whose answer rated nothing at or below the callback line
    known_worker: bool = True        # its worker_id is in the run's workers.csv (else the next run stops on it)
    other_grid: bool = False         # its answer is of a grid the appellant did not hold in the month (the run stops)
    older: bool = False              # a 非本网格 appeal on an older answer of its home: it counts where the later goes



def month_appeals(settings: Settings, month: str) -> tuple[str, list[AppealLine]]:
    """(the published run, the month's appeals in appeal id order)."""
    db = require_warehouse(settings.db)
    with exclusive(db, settings.out, f"gridpay appeals --month {month}", settings.lock_timeout_s):
        run_id, _, inputs, _ = find_run(db, month, None, doing="list appeals of")
        policy = archived_policy(settings.archive, settings.archive_key_file, inputs, month)
        appeals = _appeals(settings.inbox, db, run_id, month, policy)
        calls = inbox_calls(settings.inbox, month, policy.aliases)
        with connect(db) as con:
            totals = dict(con.execute("select worker_id, total_pay_yuan from payroll where run_id = ?",
                                      [run_id]).fetchall())
            counted = {r for (r,) in con.execute("select r.response_id from raw_surveys r join counted_responses c "
                                                 "using (run_id, row_id) where r.run_id = ?", [run_id]).fetchall()}
            # a sixty-ninth trial's appeal of September's answer 65, typed as October's, took out October's 65,
            # another grid's home: the home shown beside the id is what HR checks against the statement
            at = dict(con.execute(f"select s.response_id, g.grid_name || ' ' || coalesce({masked_sql('s.household_id')}, "
                                  f"'') from raw_surveys s left join grid_scores g on g.run_id = s.run_id and "
                                  f"g.grid_id = s.grid_id where s.run_id = ?", [run_id]).fetchall())
            good = _good_answers(con, run_id, [a["response_id"] for a, _ in appeals if a["response_id"]], policy)
            workers = {w for (w,) in con.execute("select worker_id from raw_workers where run_id = ?", [run_id]).fetchall()}
            older = _older_answers(con, run_id, policy)
            held, grid_of = _held_grids(con, run_id, [a["response_id"] for a, _ in appeals])
            # through its module: a name bound at import kept whichever window a test had patched then
            lines, window = [], review_gate.appeal_window(db, month, policy)
            for appeal, applied in appeals:
                # ... upheld too (a hundred-and-fifty-first trial's read "upheld (not yet applied)", and the run stopped)
                early = (appeal["filed_on"] or "") < window[0] and bool(appeal["filed_on"]) if window else False
                # HR's own correction (blank worker_id) has no window, to be early or late for (expectations/reviews.py;
                # trial 298's dated the day before the window opened was told it could only be rejected, and applied)
                if (window and (appeal["decision"] == "pending" or appeal["decision"] == "upheld" and not applied)
                        and not window[0] <= (appeal["filed_on"] or "") <= window[1] and appeal["worker_id"]):
                    appeal = {**appeal, "decision": f"{appeal['decision']} ({'early' if early else 'late'}: filed "
                                                    f"outside {window[0]} to {window[1]})"}
                is_older = appeal["category"] == "wrong_grid" and appeal["response_id"] in older and bool(
                    appeal["resident_grid"] or policy.review.wrong_grid_before_household)
                line = AppealLine(appeal["appeal_id"], appeal["worker_id"], appeal["response_id"] or "",
                                  (appeal["category"] or "") + (f"->{appeal['resident_grid']}" * bool(appeal["resident_grid"])),
                                  appeal["decision"], applied, _yuan(totals.get(appeal["worker_id"])),
                                  # an upheld appeal the run applied took its answer out itself (a trial was told
                                  # to reverse it): only an appeal the run did not apply is judged by the count
                                  counted=appeal["response_id"] in counted or (applied and appeal["decision"] == "upheld")
                                  or is_older,
                                  older=is_older,
                                  answer_at=(at.get(appeal["response_id"]) or "").strip(),
                                  meant=_meant(appeal["response_id"], at),
                                  no_bad_rating=appeal["category"] == "malicious" and appeal["response_id"] in good,
                                  known_worker=not appeal["worker_id"] or appeal["worker_id"] in workers,
                                  other_grid=appeal["worker_id"] in workers and appeal["response_id"] in grid_of and not {
                                      (appeal["worker_id"], grid_of[appeal["response_id"]]),
                                      (appeal["worker_id"], appeal["resident_grid"])} & held)
                # pending, or upheld since the run: what upholding it gives (a tenth trial saw a blank); none for HR's
                # own correction (blank worker_id) or a late one, "pending (late: ...)", only ever rejected
                if (appeal["worker_id"] in workers and not line.other_grid
                        and (line.status == "pending" or (line.status == "upheld" and not applied))):
                    what_if = pay_if_upheld(con, run_id, month, policy, appeal, calls)
                    line = AppealLine(**{**line.__dict__, "total_if_upheld": _yuan(what_if)})
                lines.append(line)
    return run_id, lines


def _good_answers(con: duckdb.DuckDBPyConnection, run_id: str, answers: list, policy: Policy) -> set[str]:
    """Of `answers`, those rating nothing at or below the callback line: a run with a 恶意差评 appeal of one upheld stops
    (expectations/void_appeals.py good_answer_appeals), said first; only the appeals' answers are read (a city's
    month has a million)."""
    return {r for (r,) in con.execute(
        "select response_id from raw_surveys where run_id = ? and response_id in (select unnest(?)) and "
        "invalid_reason is null and list_min(list_transform(answers, lambda a: try_cast(a as integer))) > ?",
        [run_id, answers, policy.callback_at_or_below]).fetchall()}


def _older_answers(con: duckdb.DuckDBPyConnection, run_id: str, policy: Policy) -> set[str]:
    """The answers the run set aside as a home's older ones: an upheld 非本网格 moving its answer to the resident's grid,
    or taking it out under appeals.wrong_grid_before_household, is applied before one home's answer is chosen. Trial
    245 was told its home's older answers changed nothing, rejected them, and one counted in the place of the later
    answer upheld (W04 1523.37, below her pay before)."""
    return {r for (r,) in con.execute("select response_id from quarantine where run_id = ? and reason_code = "
                                      "'duplicate_household'", [run_id]).fetchall()}


def _held_grids(con: duckdb.DuckDBPyConnection, run_id: str, answers: list) -> tuple[set, dict]:
    """({(worker, grid)} each worker held in the month, {answer id: its grid} of the appeals' answers): trial 219's
    appeal of another grid's answer was priced here, and the run stopped on it (expectations/reviews.py COVERED)."""
    held = set(con.execute("select worker_id, grid_id from worker_grid_days where run_id = ?", [run_id]).fetchall())
    return held, dict(con.execute("select response_id, grid_id from raw_surveys where run_id = ? and response_id in "
                                  "(select unnest(?))", [run_id, answers]).fetchall())


def _appeals(inbox: Path, db: Path, run_id: str, month: str, policy: Policy) -> list[tuple[dict, bool]]:
    """The month's appeals: the inbox's as they are now (HR may have added or decided some since
    the run), then those only the published run had; each with whether the run applied it as is."""
    with connect(db) as con:
        cursor = con.execute(f"select {', '.join(APPEAL_FIELDS)} from raw_appeals where run_id = ? and month = ?",
                             [run_id, month])
        stored = {r[0]: dict(zip(APPEAL_FIELDS, r)) for r in cursor.fetchall()}
        grids = con.execute("select grid_id, grid_name from raw_grids where run_id = ?", [run_id]).df()
    live: dict[str, dict] = {}
    if (path := inbox / "appeals.csv").is_file():
        frame = review_tables({"appeals.csv": Source("appeals.csv", path)}, month, policy.aliases)["appeals"]
        frame["resident_grid"] = resident_grids(frame, grids, {})       # as the run reads it: a grid's id
        for row in frame[frame["month"] == month].to_dict("records"):
            if row["appeal_id"] is not None and row["appeal_id"] == row["appeal_id"]:       # NA is not itself
                live.setdefault(row["appeal_id"], {k: _text(row.get(k)) for k in APPEAL_FIELDS})
    merged = {**stored, **live}
    # an appeal's answer id retyped since the run is not applied either (trial 128: 78 put right as 73 read "upheld");
    # one upheld neither then nor now moves no pay, so nothing is left to apply (trial 202's pending and late rejected)
    return [(merged[a], (a in stored and all(stored[a][k] == merged[a][k] for k in ("decision", "response_id",
                                                                                    "resident_grid")))
             or "upheld" not in (merged[a]["decision"], stored.get(a, {}).get("decision"))) for a in sorted(merged)]


def pay_if_upheld(con: duckdb.DuckDBPyConnection, run_id: str, month: str, policy: Policy,
                  appeal: dict, calls: pd.DataFrame | None = None) -> Decimal | None:
    """The appellant's total pay had `appeal` been upheld, scored from the published run's inputs (and `calls`,
    the inbox's verification calls now, if given) under a scratch run id in a transaction rolled back."""
    scratch = f"{run_id}-if-{uuid.uuid4().hex[:8]}"
    window = con.execute("select month, window_run_id from run_windows where run_id = ? order by month",
                         [run_id]).fetchall()
    con.execute("begin transaction")
    try:
        for table in RAW_TABLES:
            con.execute(f"insert into {table} select * replace (? as run_id) from {table} where run_id = ?",
                        [scratch, run_id])
        if calls is not None:       # trial 212 was shown 1742.94, and the calls recorded since made it 1647.90
            con.execute("delete from raw_verification where run_id = ?", [scratch])
            con.execute("insert into raw_verification by name select ? as run_id, * from calls", [scratch])
        con.execute("delete from raw_appeals where run_id = ? and appeal_id = ?", [scratch, appeal["appeal_id"]])
        upheld = {**appeal, "month": month, "decision": "upheld", "decided_by": "gridpay appeals (what if)",
                  "decided_on": max(appeal["filed_on"] or "", date.today().isoformat()), "decision_note": "what if"}
        con.execute(f"insert into raw_appeals (run_id, source_file, row_number, {', '.join(APPEAL_FIELDS)}) "
                    f"values (?, 'appeals.csv', 0, {', '.join('?' * len(APPEAL_FIELDS))})",
                    [scratch, *(upheld[k] for k in APPEAL_FIELDS)])
        score(con, scratch, month, policy, window)
        row = con.execute("select total_pay_yuan from payroll where run_id = ? and worker_id = ?",
                          [scratch, appeal["worker_id"]]).fetchone()
    finally:
        con.execute("rollback")
    return None if row is None else row[0]


def _text(value) -> str | None:
    return None if value is None or value != value else str(value)       # pandas' NA and NaN are not themselves


def _yuan(value: Decimal | None) -> str:
    return "" if value is None else f"{Decimal(value):.2f}"


def appeal_table(month: str, run_id: str, lines: list[AppealLine]) -> list[str]:
    """The command's output: one line per appeal, then what the columns mean."""
    if not lines:
        columns = ",".join(REQUIRED["appeals"] + OPTIONAL["appeals"])
        return [f"gridpay appeals: no appeal of {month} (the inbox's appeals.csv and run {run_id}); an appeal is a row "
                f"of appeals.csv: {columns} (category: {', '.join(CATEGORIES.values())}; decision: "
                f"{', '.join(DECISIONS.values())})"]
    header = ("appeal", "worker", "answer", "category", "status", "current total", "total if upheld")
    rows = [header] + [(a.appeal_id, a.worker_id or "(HR)", a.response_id, a.category,
                        a.status + ("" if a.applied or a.status.startswith(OUTSIDE) else " (not yet applied)")
                        + ("" if a.counted or a.status == "rejected" else
                           " (no such answer" + (f": {a.meant}?)" if a.meant else ")") if not a.answer_at else " (not counted)")
                        + (" (older answer)" if a.older else "")
                        + (" (no bad rating)" if a.no_bad_rating and a.status != "rejected" else "")
                        + ("" if a.known_worker else " (no such worker)")
                        + (" (not the appellant's grid)" if a.other_grid and a.status != "rejected" else ""),
                        a.current_total,
                        a.total_if_upheld + (" (lower)" if lower(a) else ""))
                       for a in lines]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    out = [f"gridpay appeals: {len(lines)} appeals of {month}; pay as published by run {run_id}"]
    for row, line in zip(rows, [None, *lines]):
        out.append("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
        if line is not None and line.answer_at:      # to check against the worker's statement
            out.append(f"      answer {line.response_id}: {line.answer_at}")
    out.append("  total if upheld: the appellant's total pay (yuan) had the appeal been upheld, computed now from "
               f"the published month's inputs with the calls inbox/verification/{month}.csv holds now, and not stored "
               "(an adjustment or a reference file changed since moves the next run's pay as well); "
               "'(not yet applied)': decided in appeals.csv after the run "
               f"read it (gridpay run --month {month} --reference published applies it to the month as published, "
               f"with --reason \"...\" once the month is final). An answer taken out also moves the average "
               "every grid's score is shrunk toward (over the policy's scope: the community, or every community "
               "scored together), so other workers' pay moves too, in other grids, by tens of yuan at times; only the "
               "appellant's is shown")
    return out + marks(lines)


def _meant(response_id: str | None, ids: dict) -> str:
    """The one id of the month that ends with an id no answer has (a prefixed download's C62 for 62), else ''."""
    if not response_id or response_id in ids:
        return ""
    near = [r for r in ids if r and r.endswith(response_id) and not r[-len(response_id) - 1].isdigit()]
    return near[0] if len(near) == 1 else ""
