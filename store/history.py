"""`gridpay history`: the runs of a month, as an auditor reads them."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import duckdb

from gridpay.core.errors import ConfigError
from gridpay.store.run_lock import lock_held
from gridpay.store.stale_windows import stale_months
from gridpay.store.warehouse import require_warehouse


DATA_FILES = ("payroll.csv", "grid_scores.csv", "quarantine.csv")
INTERRUPTED = "its process ended before it recorded its end (killed?); the next run or `gridpay doctor` records it"


def digest(entries_json: str | None, key: str, only: tuple[str, ...] | None = None) -> str:
    """One short fingerprint for a run's list of files: SHA-256 over 'name sha256' lines."""
    if not entries_json:
        return "-"
    lines = sorted(f"{e[key]} {e['sha256']}" for e in json.loads(entries_json) if only is None or e[key] in only)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:12]


def one_line(text: str) -> str:
    """A cell of the table on one line: a note typed with line breaks (--reason "a\nb") or an
    error of several lines shows its breaks as ⏎, so that every run stays one row."""
    return text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")


def _finalized_line(final: tuple, current: str | None) -> str:
    """'finalized: run ... by ... at ...', and whether a correction published since (`current`, the
    month's published run now) made the month a draft again (a trial read 'finalized' of a replaced run)."""
    early = final[4] is not False        # migration 23: null before it, said as early
    return (f"finalized: run {final[0]} by {one_line(final[1])} at {final[2]:%Y-%m-%d %H:%M:%S} UTC"
            + (f"; FORCED before the appeal window closed or its appeals were decided: {one_line(final[3])}"
               if final[3] and early else
               f"; FORCED as published, though today's files differ from its run's: {one_line(final[3])}"
               if final[3] else "")
            + (f"; replaced since by the correction {current}, a draft until finalized again"
               if current and current != final[0] else ""))


def _finalizations(con: duckdb.DuckDBPyConnection, month: str) -> tuple[tuple | None, list[tuple]]:
    """The month's finalization, and those a later one replaced (migration 0018 keeps them)."""
    columns = {c for (c,) in con.execute("select column_name from information_schema.columns "
                                         "where table_name = 'finalized'").fetchall()}
    final = con.execute(f"select run_id, finalized_by, finalized_at, "
                        f"{'forced_reason' if 'forced_reason' in columns else 'null'}, "
                        f"{'forced_early' if 'forced_early' in columns else 'null'} "
                        "from finalized where month = ?", [month]).fetchone()
    logged = con.execute("select count(*) from information_schema.tables where table_name = 'finalize_log'"
                         ).fetchone()[0]      # before migration 0018, the current finalization alone
    early = "forced_early" if "forced_early" in columns else "null"
    return final, con.execute(f"select run_id, finalized_by, finalized_at, forced_reason, {early} from finalize_log "
                              "where month = ? and finalized_at < ? order by finalized_at",
                              [month, final[2]]).fetchall() if logged and final else []


def _runs(con, month: str) -> list[tuple]:
    """The month's runs, oldest first, with what each line of the history shows."""
    # a warehouse not yet upgraded (opened read-only here) has no log_file column
    columns = {c for (c,) in con.execute("select column_name from information_schema.columns "
                                         "where table_name = 'runs'").fetchall()}
    has_log = "log_file" in columns
    parted = ("r.partitions, r.partition_workers, r.dask_scheduler" if "partitions" in columns
              else "null, null, null")      # before migration 0009
    # a run that published past a stop on a flag says so (trial 137's October, --accept-fewer-answers, read as
    # any other run): the flag's lines are among its run notices (migration 0013), each marked so
    accepted = ("coalesce(regexp_matches(r.run_notices, '\\(--accept-fewer-answers\\)|accepted: "
                "--accept-fewer-answers|as --accept-fewer-answers says'), false)" if "run_notices" in columns
                else "false")
    return con.execute(
        "select r.started_at, r.run_id, r.status, coalesce(r.kind, 'run'), coalesce(r.user_name, ''), "
        "coalesce(r.reason, ''), r.inputs_json, r.outputs_json, r.message, p.run_id is not null, "
        f"{'r.log_file' if has_log else 'null'}, {parted}, {accepted}, r.policy_version "
        "from runs r left join published p on p.run_id = r.run_id "
        "where r.month = ? order by r.started_at, r.run_id", [month]).fetchall()


def history_lines(db: Path, month: str) -> list[str]:
    require_warehouse(db)
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.IOException as exc:
        raise ConfigError(f"{db}: cannot open the warehouse now ({exc})") from exc
    with con:
        runs = _runs(con, month)
        final, earlier = _finalizations(con, month)
        audits = con.execute("select audited_at, run_id, user_name, passed from audits where month = ? "
                             "order by audited_at", [month]).fetchall()
        has_disclosures = con.execute("select count(*) from information_schema.tables "
                                      "where table_name = 'disclosures'").fetchone()[0]
        disclosures = con.execute("select disclosed_at, disclosed_by, numbers, written_to, run_id from disclosures "
                                  "where month = ? order by disclosed_at", [month]).fetchall() if has_disclosures else []
        stale = [m for m in stale_months(con) if m.month == month]     # its published run read a replaced month
        purged = con.execute("select purged_at, rows_removed from purges where month = ? order by purged_at",
                             [month]).fetchall()
    if not runs:
        return [f"{month}: no runs"]
    held = lock_held(db)
    lines = [f"{'started (UTC)':19}  {'run id':34}  {'status':11}  {'kind':10}  {'user':8}  "
             f"{'inputs':12}  {'data out':12}  reason / note"]
    for (started, run_id, status, kind, user, reason, inputs, outputs, message, published, log_file,
         partitions, workers, scheduler, fewer, version) in runs:
        log_note = (f"log: {log_file}" + ("" if Path(log_file).is_file() else " (not written: the process ended "
                                                                       "first, or the log was removed)")
                    if log_file and status == "failed" else "")
        parted = (f"partitioned: {partitions} survey files on {workers} Dask workers ({scheduler})"
                  if partitions is not None else "")
        accepted = "accepted fewer answers (--accept-fewer-answers: see its scorecard)" if fewer else ""
        # the policy each run paid on: trial 197's auditor could not see two policy changes in the history
        policy = f"policy {version}" if version and status != "failed" else ""
        note = one_line("; ".join(x for x in (reason, "PUBLISHED" if published else "", policy, accepted, parted,
                                              message or "", log_note) if x))
        status = "replaced" if status == "published" and not published else status     # a later run is the month
        if status == "running" and not held:       # killed: the next command that takes the lock records it
            status, note = "interrupted", one_line("; ".join(x for x in (note, INTERRUPTED) if x))
        lines.append(f"{started:%Y-%m-%d %H:%M:%S}  {run_id:34}  {status:11}  {kind:10}  {one_line(user):8}  "
                     f"{digest(inputs, 'name'):12}  {digest(outputs, 'file', DATA_FILES):12}  {note}")
    for before in earlier:      # a finalization replaced by a later one (trial 73 lost a forced one's reason)
        lines.append("earlier " + _finalized_line(before, None))
    if final:
        lines.append(_finalized_line(final, next((r[1] for r in runs if r[9]), None)))
    for at, by, numbers, written_to, run_id in disclosures:
        lines.append(f"phone numbers disclosed {at:%Y-%m-%d %H:%M:%S} UTC to {one_line(by)}: {numbers} numbers of run "
                     f"{run_id} for verification calls, written to {one_line(written_to)}")
    for at, rows in purged:     # trial 227's insider purged a month three weeks old, and history did not say
        lines.append(f"raw answers purged {at:%Y-%m-%d %H:%M:%S} UTC (gridpay purge): {rows} rows of its answers; the month "
                     f"can no longer be audited or corrected")
    for found in stale[:1]:
        lines.append(f"STALE: {found.line()}")
    for at, run_id, user, passed in audits:
        lines.append(f"audit {at:%Y-%m-%d %H:%M:%S} by {one_line(user)}: run {run_id} {'PASSED' if passed else 'FAILED'}")
    return lines
