"""The run record: every run of every month gets a row in `runs`, whatever its outcome."""
from __future__ import annotations

import getpass
import json
import uuid
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import duckdb

from gridpay.core.build import code_version
from gridpay.core.errors import ConfigError
from gridpay.store.warehouse import connect
from gridpay.transforms.parsing import normalized_cell
from gridpay.transforms.policy import Policy

LIBRARIES = ("duckdb", "great_expectations", "prefect", "pandas", "pyarrow", "jinja2", "matplotlib",
             "weasyprint", "openpyxl")


def new_run_id(month: str) -> str:
    return f"{month}-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


def library_versions() -> dict[str, str]:
    return {name: metadata.version(name) for name in LIBRARIES}


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


# The run's first three records take the connection run_month opens for them (each open of the
# warehouse file builds a DuckDB instance, ~25 ms).

def close_interrupted(con: duckdb.DuckDBPyConnection) -> int:
    """Runs still 'running' when the run lock is free were killed mid-way: record them as failed."""
    count = con.execute("select count(*) from runs where status = 'running'").fetchone()[0]
    con.execute("update runs set status = 'failed', finished_at = ?, "
                "message = 'interrupted: the process ended before the run finished' "
                "where status = 'running'", [_now()])
    return count


def record_left_behind(con: duckdb.DuckDBPyConnection, left_behind: dict | None) -> int:
    """The run a lock file names (store/run_lock.py): one whose record was never written (the disk
    was full when it started) gets a failed one; one still running is closed with the note's
    reason. Returns 1 if a record was written or closed."""
    run = (left_behind or {}).get("run")
    if not isinstance(run, dict) or not run.get("run_id"):
        return 0
    message = (f"failed: {run['failed']}" if run.get("failed") else
               "interrupted: the process ended before the run finished") + " (recorded by the next command)"
    row = con.execute("select status from runs where run_id = ?", [run["run_id"]]).fetchone()
    if row is None:
        con.execute("insert into runs (run_id, month, started_at, finished_at, status, code_version, user_name, "
                    "kind, reason, log_file, message) values (?, ?, ?, ?, 'failed', ?, ?, ?, ?, ?, ?)",
                    [run["run_id"], run.get("month", ""), run.get("started_at") or _now(), _now(),
                     run.get("code_version"), run.get("user"), run.get("kind"), run.get("reason"),
                     run.get("log_file"), message + "; its start could not be recorded"])
        return 1
    if row[0] != "running":
        return 0
    con.execute("update runs set status = 'failed', finished_at = ?, message = ? where run_id = ?",
                [_now(), message, run["run_id"]])
    return 1


def check_not_finalized(con: duckdb.DuckDBPyConnection, month: str, reason: str | None) -> str:
    """'run', or 'correction' for a finalized month given a reason; without one, exit 2."""
    row = con.execute("select finalized_by, finalized_at from finalized where month = ?", [month]).fetchone()
    if row is None:
        return "run"
    if not (reason or "").strip():      # " " is no reason (a fifty-fourth trial's was taken)
        raise ConfigError(f"{month} was finalized by {row[0]} at {row[1]:%Y-%m-%d %H:%M} UTC; "
                          f"a new run is a correction and needs --reason \"...\"")
    return "correction"


def record_start(con: duckdb.DuckDBPyConnection, run_id: str, month: str, kind: str, reason: str | None,
                 log_file: Path | None = None) -> None:
    con.execute("insert into runs (run_id, month, started_at, status, code_version, user_name, kind, reason, "
                "log_file) values (?, ?, ?, 'running', ?, ?, ?, ?, ?)",
                [run_id, month, _now(), code_version(), getpass.getuser(), kind, reason,
                 str(log_file) if log_file else None])


def record_policy(db: Path, run_id: str, policy: Policy, key_fingerprint: str | None = None,
                  output_format: int | None = None, inputs: list | None = None) -> None:
    """The policy the run applies: its version and the SHA-256 of the archived bytes it was parsed
    from; the phone-hash key's fingerprint (never the key) and how its rows name their input file
    in source_file and masks quarantine.csv (output_format, store/migrations/0005): what its audit
    checks and replays. Its inputs now, not at its end: a correction's scorecard names those changed (format 13)."""
    with connect(db) as con:
        con.execute("update runs set policy_version = ?, policy_sha256 = ?, phone_key_fingerprint = ?, "
                    "output_format = ?, inputs_json = coalesce(?, inputs_json) where run_id = ?",
                    [policy.version, policy.sha256, key_fingerprint, output_format, _json(inputs), run_id])


def record_household_doubts(db: Path, run_id: str, doubts: list[dict]) -> None:
    """The homes the run counted as typed that may be one home written two ways (store/migrations/0012)."""
    with connect(db) as con:
        con.execute("update runs set household_doubts = ? where run_id = ?", [_json(doubts), run_id])


def record_run_notices(con, run_id: str, lines: list[str], kinds: list[str | None] | None = None) -> None:
    """The other warnings the run printed, for the scorecard (store/migrations/0013), and the kind of each (0020)."""
    con.execute("update runs set run_notices = ?, run_notice_kinds = ? where run_id = ?",
                [_json(lines), _json(kinds) if kinds and any(kinds) else None, run_id])


def record_partitioning(db: Path, run_id: str, partitioning: dict) -> None:
    """How the run's survey files were staged on a Dask cluster (store/migrations/0009): how many
    partitions, on how many workers, and the scheduler's address; `gridpay history` shows it."""
    with connect(db) as con:
        con.execute("update runs set partitions = ?, partition_workers = ?, dask_scheduler = ? where run_id = ?",
                    [partitioning["partitions"], partitioning["workers"], partitioning["scheduler"], run_id])


def mark_published(db: Path, run_id: str, month: str, inputs: list, validation: dict, outputs: list) -> None:
    """Point the month at this run and record it published, in one transaction: called right
    after its folder was swapped in, and nothing after it may turn the run into a failure."""
    with connect(db) as con:
        con.execute("begin transaction")
        con.execute("insert or replace into published values (?, ?, now()::timestamp)", [month, run_id])
        con.execute("update runs set finished_at = ?, status = 'published', message = '', inputs_json = ?, "
                    "validation_json = ?, outputs_json = ? where run_id = ?",
                    [_now(), _json(inputs), _json(validation), _json(outputs), run_id])
        con.execute("commit")


def record_end(db: Path, run_id: str, status: str, message: str = "", inputs: list | None = None,
               validation: dict | None = None, outputs: list | None = None) -> None:
    with connect(db) as con:
        con.execute("update runs set finished_at = ?, status = ?, message = ?, "
                    "inputs_json = coalesce(?, inputs_json), validation_json = coalesce(?, validation_json), "
                    "outputs_json = coalesce(?, outputs_json) where run_id = ?",
                    [_now(), status, message, _json(inputs), _json(validation), _json(outputs), run_id])


def finalize(db: Path, month: str, by: str, at: datetime | None = None, forced_reason: str | None = None,
             forced_early: bool | None = None) -> tuple | None:
    """Record the month's published run as final; returns the finalization it replaces, if any. `forced_early`:
    whether --force overrode an open window or an undecided appeal (else a check of today's files: migration 23)."""
    with connect(db) as con:
        row = con.execute("select run_id from published where month = ?", [month]).fetchone()
        if row is None:
            raise ConfigError(f"{month} has no published run to finalize")
        previous = con.execute("select * from finalized where month = ?", [month]).fetchone()
        values = [month, row[0], by, at or _now(), forced_reason, forced_early if forced_reason else None]
        columns = "month, run_id, finalized_by, finalized_at, forced_reason, forced_early"
        con.execute(f"insert or replace into finalized ({columns}) values (?, ?, ?, ?, ?, ?)", values)
        con.execute(f"insert into finalize_log ({columns}) values (?, ?, ?, ?, ?, ?)", values)   # every one kept (0018)
    return previous


def unfinalize(db: Path, month: str, previous: tuple | None) -> None:
    """Put back what finalize() replaced (its documents could not be rendered)."""
    with connect(db) as con:
        con.execute("delete from finalize_log where month = ? and finalized_at = (select finalized_at from finalized "
                    "where month = ?)", [month, month])
        con.execute("delete from finalized where month = ?", [month])
        if previous is not None:
            con.execute(f"insert into finalized values ({', '.join('?' * len(previous))})", list(previous))


def record_outputs(db: Path, run_id: str, outputs: list[dict]) -> None:
    """The published files' hashes after their reports were rendered again (render, finalize)."""
    with connect(db) as con:
        con.execute("update runs set outputs_json = ? where run_id = ?", [_json(outputs), run_id])


def record_accepted_exclusions(con: duckdb.DuckDBPyConnection, run_id: str, findings: list[dict]) -> None:
    """What the outcome suite found and the run accepted (--accept-exclusions), as JSON, in the
    scoring transaction."""
    con.execute("update runs set accepted_exclusions = ? where run_id = ?", [_json(findings), run_id])


def first_publication(db: Path, month: str, before: datetime | None = None) -> datetime | None:
    """When the month was first published (UTC), by a run that finished before `before` (an audit
    asks as of the run it checks); None if it never was."""
    with connect(db) as con:
        return first_published_at(con, month, before)


def published_runs(con: duckdb.DuckDBPyConnection, month: str, before: datetime | None = None) -> list[str]:
    """The runs of `month` that published (replaced since or not) and finished before `before`
    (None: now), earliest first: what HR was shown of the month as of a run an audit checks."""
    return [r for (r,) in con.execute("select run_id from runs where month = ? and status = 'published' and "
                                      "finished_at < ? order by finished_at", [month, before or _now()]).fetchall()]


def first_published_at(con: duckdb.DuckDBPyConnection, month: str, before: datetime | None = None) -> datetime | None:
    """first_publication() on an open connection (the reports read it while rendering)."""
    return con.execute("select min(finished_at) from runs where month = ? and status = 'published' "
                       "and finished_at < ?", [month, before or _now()]).fetchone()[0]


def former_grid_names(db: Path, month: str) -> dict[str, tuple[str, str]]:
    """Name -> (grid_id, month) of the grid names the grids.csv of each month published before `month`
    gave (the latest such month's, where two give one name): a renamed grid's old name, by which its
    residents still answer. Empty without a warehouse."""
    if not Path(db).exists():
        return {}
    with connect(db) as con:
        rows = con.execute("select g.grid_name, g.grid_id, p.month from raw_grids g join published p using (run_id) "
                           "where p.month < ? and g.grid_name is not null order by p.month", [month]).fetchall()
    return {normalized_cell(name): (gid, published) for name, gid, published in rows}


def paid_adjustments(con: duckdb.DuckDBPyConnection, run_id: str, month: str) -> list[tuple]:
    """(worker_id, amount, reason) of the adjustments of `month` run `run_id` read (and paid)."""
    return con.execute("select worker_id, amount, reason from raw_adjustments where run_id = ? and month = ?",
                       [run_id, month]).fetchall()


def counted_answers(db: Path, run_id: str, month: str) -> list[tuple[str, str, object]]:
    """(source_file, response_id, time to the minute) of the answers of `month` run `run_id` counted (none purged)."""
    with connect(db) as con:
        return con.execute("select s.source_file, s.response_id, date_trunc('minute', s.submitted_at_ts) from "
                           "counted_responses c join raw_surveys s using (run_id, row_id) where c.run_id = ? and "
                           "c.month = ? and s.response_id is not null", [run_id, month]).fetchall()


def paid_workers(db: Path, month: str) -> tuple[str, dict[str, int]] | None:
    """(run id, worker_id -> days paid) of `month`'s published run; None: the month is not published."""
    if not Path(db).exists():
        return None
    with connect(db) as con:
        run = con.execute("select run_id from published where month = ?", [month]).fetchone()
        if run is None:
            return None
        return run[0], dict(con.execute("select worker_id, assigned_days from payroll where run_id = ? and month = ? "
                                        "and assigned_days > 0", [run[0], month]).fetchall())
