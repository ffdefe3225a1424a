"""Whether a published month may be made final: the 公示 cycle's gate in front of `gridpay
finalize`. A month is not final while its appeal window is open, while an appeal of it in the
inbox's appeals.csv is pending, or while an appeal was decided after the published run read the
file (the month must be run again to apply the decision). `--force --reason` overrides the window
and pending appeals, recorded; never a decision the published pay or scorecard does not show
(known_wrong): --force is for a cycle not yet over, not for a month known to be wrong."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from gridpay.ingest.archive import file_sha256
from gridpay.ingest.formats import Source, month_survey_files
from gridpay.ingest.month_adjustments import changed_lines, inbox_adjustments
from gridpay.ingest.review_files import inbox_calls, resident_grids, review_tables
from gridpay.pipeline.finalize_targets import changed_days, changed_targets
from gridpay.store.runs import first_publication, paid_adjustments
from gridpay.store.warehouse import connect
from gridpay.transforms.policy import Policy
from gridpay.transforms.review_terms import EXCLUDING_RESULTS
from gridpay.transforms.review_window import window_dates
UNAPPLIED = "the published pay does not apply it"     # a blocker --force does not override
# ... nor a decision the published documents show otherwise: a twenty-first trial's appeal rejected after
# the run was finalized with --force, the final scorecard showing it 待复核 while appeals.csv said 驳回
UNSHOWN = "the published scorecard does not show it"
# ... but an appeal the run never read, rejected, changes no figure and no line of a month already final: trial 303's
# late appeal, rejected after finalizing, was told to publish a 更正公示 with nothing changed
NEW_REJECTED = "an appeal filed after it, rejected"


def known_wrong(blockers: list[str]) -> list[str]:
    """The blockers --force does not override: pay or a published status known to be wrong."""
    return [b for b in blockers if UNAPPLIED in b or UNSHOWN in b]


def appeal_window(db: Path, month: str, policy: Policy) -> tuple[str, str] | None:
    """(first day, last day) of the month's appeal window, local dates; None without one."""
    first = first_publication(db, month, datetime.now(timezone.utc).replace(tzinfo=None) + timedelta(seconds=1))
    window = window_dates(first, policy.review.window_days, policy.timezone)
    return None if window is None else (window[0].isoformat(), window[1].isoformat())


def finalize_blockers(db: Path, inbox: Path, month: str, run_id: str, policy: Policy, adjustments: bool = True
                      ) -> list[str]:
    """What keeps the month from being final, one line each; none: it may be finalized. A month final already
    (finalized with --force, then an appeal decided) is run again as a correction, with --reason (a sixty-ninth
    trial was told to run it without)."""
    with connect(db) as con:
        final = con.execute("select count(*) from finalized where month = ?", [month]).fetchone()[0] > 0
    # a final month is corrected on its published reference files (a later month's workers.csv may be in the inbox by
    # then), as `gridpay appeals` says: trial 212's doctor line gave the run without --reference published
    rerun = f"gridpay run --month {month}" + (' --reference published --reason "..."' if final else "")
    return _blockers(db, inbox, month, run_id, policy, rerun, adjustments)


def final_months_known_wrong(db: Path, inbox: Path, policy: Policy, before: str | None = None) -> list[str]:
    """A line for each month published (before `before`) whose pay or scorecard HR's files now contradict: an appeal
    decided or a call recorded after its run, final or not (trial 89's appeal upheld the day after left W4's final pay
    102.00 short; doctor and November's run said nothing; trial 134's backup restored from before October's correction
    published November on the first October, the upheld appeal and the call still in the inbox, nothing said)."""
    if not Path(db).exists():
        return []
    with connect(db) as con:
        months = con.execute("select p.month, p.run_id, f.run_id is not null from published p left join finalized f "
                             "on f.month = p.month and f.run_id = p.run_id where ? is null or p.month < ? order by 1",
                             [before, before]).fetchall()
    # adjustments.csv's lines of published months are said by every run already (pipeline/other_months.py), and
    # a file kept to the month's own lines would read as lines removed
    return [f"{month} is {'final' if final else 'published'}, but {line}" for month, run_id, final in months
            for line in known_wrong(finalize_blockers(db, inbox, month, run_id, policy, adjustments=False))
            if not (final and NEW_REJECTED in line)]


def months_known_wrong_pay_first(db: Path, inbox: Path, policy: Policy) -> list[str]:
    """final_months_known_wrong for `gridpay doctor`: the lines that move pay first (trial 134: after a backup
    restored from before October's correction, the two sat last, under lines about calls' counts), and the likely
    cause said where the decisions of two months or more are missing."""
    lines = final_months_known_wrong(db, inbox, policy)
    lines = [x for x in lines if UNAPPLIED in x] + [x for x in lines if UNAPPLIED not in x]
    months = sorted({x.split(" ", 1)[0] for x in lines})
    return lines + ([] if len(months) < 2 else [
        f"{', '.join(months)}: HR's appeals or calls of {len(months)} published months are not in the runs that "
        f"published them; a warehouse restored from a backup older than the inbox reads like this: restore the "
        f"warehouse, out/ and the archive from one backup, the newest, or run each month again (--reason ...), "
        f"the months whose pay does not apply them first"])


def _blockers(db: Path, inbox: Path, month: str, run_id: str, policy: Policy, rerun: str,
              adjustments: bool = True) -> list[str]:
    blockers = []
    window = appeal_window(db, month, policy)
    today = datetime.now(ZoneInfo(policy.timezone)).date().isoformat()
    if window is not None and today <= window[1]:
        blockers.append(f"the appeal window (公示期) is open from {window[0]} until {window[1]}")
    appeals = inbox / "appeals.csv"
    if appeals.is_file():
        live = review_tables({"appeals.csv": Source("appeals.csv", appeals)}, month, policy.aliases)["appeals"]
        live = live[live["month"] == month]
        with connect(db) as con:
            applied = {a: (d, r, g) for a, d, r, g in con.execute(
                "select appeal_id, decision, response_id, resident_grid from raw_appeals where run_id = ? and month = ?",
                [run_id, month]).fetchall()}
            grids = con.execute("select grid_id, grid_name from raw_grids where run_id = ?", [run_id]).df()
        live = live.assign(resident_grid=resident_grids(live, grids, {}))
        for appeal in live.itertuples():
            was, answer_was, grid_was = applied.get(appeal.appeal_id, (None, None, None))
            grid_now = None if pd.isna(appeal.resident_grid) else appeal.resident_grid
            if was == appeal.decision == "upheld" and grid_was != grid_now:
                # resident_grid changed since: the answer counts elsewhere than the month paid it (or is taken out)
                blockers.append(f"appeal {appeal.appeal_id}'s resident_grid is now {grid_now or 'blank'}, run {run_id} "
                                f"read {grid_was or 'blank'}, so {UNAPPLIED}: run the month again to apply it ({rerun})")
            if appeal.decision == "pending":
                blockers.append(f"appeal {appeal.appeal_id} ({appeal.worker_id}, answer {appeal.response_id}) is pending")
            elif was == appeal.decision == "upheld" and answer_was != (None if pd.isna(appeal.response_id)
                                                                     else str(appeal.response_id)):
                # trial 128: the id of an upheld appeal put right (78 for 73) after the run, finalized with 78 out
                blockers.append(f"appeal {appeal.appeal_id} names answer {appeal.response_id}, run {run_id} took out "
                                f"answer {answer_was}, so {UNAPPLIED}: run the month again to apply it ({rerun})")
            elif was != appeal.decision:
                # an upheld appeal (or one no longer upheld) changes the pay; a rejected one changes nothing
                wrong = UNAPPLIED if "upheld" in (appeal.decision, was) else UNSHOWN
                new = f" ({NEW_REJECTED})" if was is None and appeal.decision == "rejected" else ""
                blockers.append(f"appeal {appeal.appeal_id} was decided ({appeal.decision}) after run {run_id} read "
                                f"appeals.csv{new}, so {wrong}: run the month again to apply it ({rerun})")
    return (blockers + (_changed_adjustments(db, inbox, month, run_id, policy, rerun) if adjustments else [])
            + _changed_calls(db, inbox, month, run_id, policy, rerun)
            + _unread_survey_files(db, inbox, month, run_id, rerun)
            + changed_targets(db, inbox, month, run_id, policy.aliases, rerun)
            + changed_days(db, inbox, month, run_id, policy.aliases, rerun))


def policy_set_apart(db: Path, run_id: str, policy: Path) -> list[str]:
    """The published run's policy where GRIDPAY_POLICY set it over the project's and this command's is another file:
    trial 142's re-check finalized, in a terminal without the variable, a November paid on a trial policy."""
    with connect(db) as con:
        row = con.execute("select run_notices from runs where run_id = ?", [run_id]).fetchone()
    for line in json.loads(row[0] or "[]") if row else []:
        if line.startswith("GRIDPAY_POLICY=") and " sets the policy" in line:
            used = line[len("GRIDPAY_POLICY="):line.index(" sets the policy")]
            if Path(used) != policy:
                return [f"run {run_id} was paid on the policy {used}, which GRIDPAY_POLICY set over the project's, and "
                        f"this command's is {policy}, so {UNAPPLIED} if the project's is the month's: run the month again "
                        f"without the variable (--reference inbox); if {used} is right, finalize with GRIDPAY_POLICY "
                        f"set to it"]
    return []


def _unread_survey_files(db: Path, inbox: Path, month: str, run_id: str, rerun: str) -> list[str]:
    """The month's survey files in the inbox that its published run did not read (added or changed since): trial
    142's clerk copied a colleague's warehouse and out/ back over the office's, whose run had read a late download;
    finalize named only a bonus, and without it the month would have been made final without that grid's answers."""
    with connect(db) as con:
        row = con.execute("select inputs_json from runs where run_id = ?", [run_id]).fetchone()
    read = {(f["name"], f["sha256"]) for f in json.loads(row[0] or "[]")} if row else set()
    lines = []
    for path in month_survey_files(inbox, month):
        name = path.relative_to(inbox).as_posix()
        if (name, file_sha256(path)) not in read:
            lines.append(f"{name} is in the inbox and run {run_id} did not read it as it is now (added or "
                         f"changed since), so {UNAPPLIED}: run the month again to read it ({rerun})")
    return lines


def _changed_calls(db: Path, inbox: Path, month: str, run_id: str, policy: Policy, rerun: str) -> list[str]:
    """Calls of verification/<month>.csv its published run did not read, or read with another result or no longer
    there: a sixty-ninth trial's 未参与 recorded after the last run was finalized unapplied, exit 0 (W08 25.84 yuan).
    A call finding the answer not genuine changes the pay (not overridden by --force); another, the scorecard's counts."""
    if (live := inbox_calls(inbox, month, policy.aliases)) is None:
        return []
    now = {tuple(None if pd.isna(v) else str(v) for v in (r.response_id, r.result)) for r in live.itertuples()}
    with connect(db) as con:
        read = set(con.execute("select response_id, result from raw_verification where run_id = ?", [run_id]).fetchall())
    groups: dict[tuple[str, str], list[str]] = {}      # one line a kind (trial 236's ~120 calls: a line of 25 KB)
    for (answer, result), told in sorted([(c, "recorded after") for c in now - read]
                                         + [(c, "no longer in the file since") for c in read - now]):
        wrong = UNAPPLIED if result in EXCLUDING_RESULTS else UNSHOWN
        groups.setdefault((told, wrong), []).append(f"{answer} ({result})")
    return [(f"the call of answer {calls[0]} {'was' if told[0] == 'r' else 'is'} {told}" if len(calls) == 1 else
             f"the calls of answers {', '.join(calls[:10])}{f' and {len(calls) - 10} more' if len(calls) > 10 else ''} "
             f"{'were' if told[0] == 'r' else 'are'} {told}") + f" run {run_id} read verification/{month}.csv, so "
            f"{wrong}: run the month again to apply {'it' if len(calls) == 1 else 'them'} ({rerun})"
            for (told, wrong), calls in sorted(groups.items(), key=lambda g: g[0][1] != UNAPPLIED)]


def _changed_adjustments(db: Path, inbox: Path, month: str, run_id: str, policy: Policy, rerun: str) -> list[str]:
    """adjustments.csv's lines for the month that its published run did not pay, or paid and it no
    longer gives: the published pay does not apply them (a blocker --force does not override). Without
    the file (finalized where the inbox is not, as appeals.csv) nothing is compared."""
    if not (inbox / "adjustments.csv").is_file():
        return []
    with connect(db) as con:
        paid = paid_adjustments(con, run_id, month)
    added, gone = changed_lines(inbox_adjustments(inbox, policy.aliases), month, paid)
    said = [f"adjustments.csv gives {w} {a} for '{r}' in {month}, which run {run_id} did not pay" for w, a, r in added]
    said += [f"run {run_id} paid {w} {a} for '{r}', which adjustments.csv no longer gives" for w, a, r in gone]
    # adjustments.csv is a reference file: a re-run takes today's on purpose, this one alone (--take:
    # --reference inbox would take today's targets and policy with it, a trial's wrong September)
    return [f"{line}, so {UNAPPLIED}: run the month again to apply it ({rerun} --reference "
            f"published --take adjustments)" for line in said]


def uncalled_sample(db: Path, run_id: str, month: str, policy: Policy) -> str | None:
    """What finalize says of the month's verification sample (verify.csv) no call was recorded on: trials 206 and 207
    finalized months whose scorecards said 请回访后再签字 of such answers, and nothing said so. Said, not refused: the
    calls check that answers are genuine, HR decides whether a month goes without them (the scorecard keeps the line)."""
    from gridpay.publishing.review_data import sample_counts
    with connect(db) as con:
        _, uncalled = sample_counts(con, run_id, month, policy)
    if not uncalled:
        return None
    shown = ", ".join(uncalled[:5]) + (f" and {len(uncalled) - 5} more" if len(uncalled) > 5 else "")
    return (f"{month}: {len(uncalled)} answer{'s' if len(uncalled) != 1 else ''} of the verification sample "
            f"(verify.csv: {shown}) had no call recorded when the month was finalized, which its scorecard asked for "
            f"before signing; a call recorded now goes into a correction (verification/{month}.csv, then gridpay run "
            f"--month {month} --reason \"...\")")
