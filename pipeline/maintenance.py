"""Keeping the warehouse honest over the years: `gridpay doctor` checks it against the published
manifests and the archive (`gridpay purge`, which drops raw survey data past retention: pipeline/purges.py)."""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import duckdb

from gridpay.core.errors import ConfigError
from gridpay.core.month import Month
from gridpay.core.secret_key import ArchiveKeys, ArchiveKeyError
from gridpay.ingest.archive import blob_path, check_blob, is_sealed, seal_in_place
from gridpay.publishing.outputs import changed_files
from gridpay.core.layout import private_work, remove_stale_work
from gridpay.store.run_lock import HeldLock, WarehouseBusy, warehouse_lock
from gridpay.store.runs import close_interrupted, record_left_behind
from gridpay.store.stale_windows import stale_months
from gridpay.pipeline.build_guard import require_newest_build
from gridpay.store.warehouse import connect, require_warehouse
from gridpay.transforms.zone import DEFAULT_TIMEZONE

log = logging.getLogger("gridpay")



def _final_once(con) -> list[str]:
    """Months finalized whose published run is a correction since, a draft: HR pays from a final month (a
    ninety-fourth trial's paid October became a draft, and doctor said all was well)."""
    return [f"{month}: was finalized (run {final}), and its correction since (run {now}) is a draft: finalize it again "
            f"once its appeal window closes (gridpay finalize --month {month} --by NAME)"
            for month, final, now in con.execute(
                "select f.month, f.run_id, p.run_id from finalized f join published p using (month) "
                "where f.run_id <> p.run_id order by f.month").fetchall()]


def _published_early(con) -> list[str]:
    """Months published before they ended (a ninety-sixth trial's December on December 5, before runs of such a
    month stopped): paid on the answers given by then."""
    zone = ZoneInfo(DEFAULT_TIMEZONE)
    out = []
    for month, at in con.execute("select month, published_at from published order by month").fetchall():
        last = Month.parse(month).last_day
        if at.replace(tzinfo=timezone.utc).astimezone(zone).date() <= last:
            out.append(f"{month}: was published on {at:%Y-%m-%d} (UTC), before the month ended ({last}): its pay is on "
                       f"the answers given by then; run it again after the month ends (gridpay run --month {month} "
                       f"--reason ...)")
    return out


def doctor(db: Path, out: Path, archive: Path, inbox: Path | None = None, policy: Path | None = None) -> list[str]:
    """Problems found (empty: healthy). Opens the warehouse read-only. With the inbox and the policy: the months
    final whose pay HR's files now contradict (pipeline/review_gate.py)."""
    require_warehouse(db)
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        return [f"{db}: cannot be opened ({exc}); restore it from backup, then run `gridpay doctor` again"]
    problems = []
    with con:
        try:
            read_every_block(con)
            published = con.execute("select p.month, p.run_id, r.inputs_json, r.outputs_json from published p "
                                    "join runs r using (run_id) order by p.month").fetchall()
            purged = {m for (m,) in con.execute("select distinct month from purges").fetchall()}
            problems += [stale.line() for stale in stale_months(con)]
            problems += _final_once(con) + _published_early(con)
        except duckdb.Error as exc:     # a block that fails its checksum, a file cut short
            return [f"{db}: is corrupt ({str(exc).strip().splitlines()[0]}); restore it from backup, then run "
                    f"`gridpay doctor` again"]
    for month, run_id, inputs, outputs in published:
        manifest = out / month / "manifest.json"
        if not manifest.is_file():
            problems.append(f"{month}: {manifest} is missing (put back the month's folder from your backup of out/, "
                            f"or re-run the month with --reason)")
            continue
        body = json.loads(manifest.read_text(encoding="utf-8"))
        if body.get("run_id") != run_id:
            # trial 142's re-check: the re-run it offered is refused while out/ holds another copy's month
            problems.append(f"{month}: out/ holds run {body.get('run_id')}, the warehouse published {run_id} (out/ or the "
                            f"warehouse restored from another backup than the other, or copied from another computer? "
                            f"put back the pair from one backup or one computer; or move out/{month} out of out/ and "
                            f"re-run the month with --reason)")
        recorded = {o["file"]: o["sha256"] for o in json.loads(outputs or "[]")}
        listed = {entry["file"]: entry["sha256"] for entry in body.get("outputs", [])}
        changed = changed_files(out / month, listed)
        for name, sha in listed.items():
            if name in changed:
                problems.append(f"{month}: {name} does not match its manifest hash (edited or lost since it was "
                                f"published: put back the published copy from your backup of out/, or re-run the month "
                                f"with --reason; `gridpay audit --month {month}` shows what differs)")
            elif recorded and recorded.get(name) != sha:
                problems.append(f"{month}: {name} differs from the hash the warehouse recorded")
        for entry in json.loads(inputs or "[]"):
            if month in purged and entry["name"].startswith("surveys/"):
                continue
            if not blob_path(archive, entry["sha256"]).is_file():
                problems.append(f"{month}: archived input {entry['name']} ({entry['sha256'][:12]}…) is missing (restore "
                                f"the archive folder from your backup: without it the month cannot be audited)")
        problems += [f"{month}: {name} is not among the files the run published (added since?)"
                     for name in sorted(p.relative_to(out / month).as_posix() for p in (out / month).rglob("*")
                                        if p.is_file()) if name not in listed and name != "manifest.json"]
    return _final_known_wrong(db, inbox, policy) + problems + _unknown_months(out, {m for m, *_ in published})


def _final_known_wrong(db: Path, inbox: Path | None, policy: Path | None) -> list[str]:
    if inbox is None or policy is None:
        return []
    from gridpay.core.policy_file import load_policy
    from gridpay.pipeline.review_gate import months_known_wrong_pay_first
    return months_known_wrong_pay_first(db, inbox, load_policy(policy))


def _unknown_months(out: Path, published: set[str]) -> list[str]:
    """Month folders of out/ with a manifest that this warehouse has not published (a fifty-fourth trial's
    warehouse restored from a backup older than out/, and a month's folder copied under another name)."""
    folders = sorted(p.parent.name for p in out.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]/manifest.json"))
    # ... and month folders holding files but no manifest: no run published them (a sixty-second trial's
    # payroll.csv put into out/2026-11 by hand went unnamed)
    bare = sorted(p.name for p in out.glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]") if p.is_dir()
                  and not (p / "manifest.json").exists() and any(p.iterdir()))
    return [f"{month}: {out / month} holds a published month this warehouse has no record of (a warehouse restored "
            f"from an older backup than out/, or a folder copied in?)" for month in folders if month not in published] \
        + [f"{month}: {out / month} holds files but no manifest.json: no gridpay run published them (put there by "
           f"hand, or a month folder copied in part?); move them out of out/" for month in bare]


def read_every_block(con: duckdb.DuckDBPyConnection) -> None:
    """Read every column of every table, so that DuckDB checks each data block's checksum (a count
    alone is answered from metadata): a corrupt block raises here, not in next month's run."""
    tables = con.execute("select schema_name, table_name from duckdb_tables() "
                         "where database_name = current_database()").fetchall()
    for schema, table in tables:
        con.execute(f'select count(*), sum(hash(columns(*))) from "{schema}"."{table}"').fetchall()


def archive_blobs(archive: Path) -> list[Path]:
    return sorted(p for p in (archive / "sha256").glob("??/*") if p.is_file() and len(p.name) == 64)


def archive_problems(archive: Path, keys: ArchiveKeys) -> list[str]:
    """Every blob must open with a key of the key file and hash to its name, and be sealed. A
    missing or wrong key file is not a finding about the archive: it raises (exit 2)."""
    problems = []
    for blob in archive_blobs(archive):
        try:
            check_blob(archive, blob.name, keys)
        except ArchiveKeyError:
            raise
        except ConfigError as exc:
            problems.append(str(exc))
            continue
        if not is_sealed(blob):
            problems.append(f"{blob}: archived in clear (before encryption); `gridpay doctor --encrypt-archive` seals it")
    return problems


def encrypt_archive(db: Path, out: Path, archive: Path, keys: ArchiveKeys) -> int:
    """Seal every blob under the current key (plaintext ones, and those of keys rotated out), with
    no run reading the archive meanwhile. Returns how many were rewritten."""
    with exclusive(db, out, "gridpay doctor --encrypt-archive", 60):
        return sum(seal_in_place(archive, blob.name, keys) for blob in archive_blobs(archive))


def tidy_up(con: duckdb.DuckDBPyConnection | None, db: Path, out: Path | None,
            left_behind: dict | None, quiet: bool = False) -> tuple[int, int]:
    """What interrupted commands left, cleared by every command as it takes the lock (their own
    folders are made after): runs still 'running' or never recorded (store/run_lock.py) recorded
    as failed; work folders with decrypted inputs removed from out/ and from the private scratch
    next to the warehouse. Returns (runs closed, folders removed)."""
    closed = 0
    if con is not None:
        closed = record_left_behind(con, left_behind) + close_interrupted(con)
        if closed and not quiet:
            log.warning("recorded %d earlier interrupted runs as failed", closed)
    removed = (remove_stale_work(out) if out else 0) + remove_stale_work(private_work(db), inside=False)
    if removed and not quiet:
        log.warning("removed %d work folders that interrupted commands left", removed)
    return closed, removed


@contextmanager
def exclusive(db: Path, out: Path | None, what: str, timeout_s: float) -> Iterator[HeldLock]:
    """The warehouse lock, and what interrupted commands left cleared first (tidy_up)."""
    with warehouse_lock(db, what, timeout_s) as lock:
        require_newest_build(db, what)
        with connect(db) as con:
            tidy_up(con, db, out, lock.left_behind)
        yield lock


def tidy_up_if_idle(db: Path, out: Path) -> tuple[int, int]:
    """`gridpay doctor`: tidy_up, unless a command holds the warehouse now (its own folders are
    live then): those wait for the next doctor or run. A warehouse that cannot be opened (doctor
    says so) still has its work folders removed."""
    try:
        with warehouse_lock(db, "gridpay doctor", 0) as lock:
            try:
                with connect(db) as con:
                    return tidy_up(con, db, out, lock.left_behind, quiet=True)
            except (ConfigError, duckdb.Error):     # cannot be opened or corrupt: doctor says so
                if (lock.left_behind or {}).get("run"):     # kept for the command after the restore
                    lock.note_run(**lock.left_behind["run"])
                return tidy_up(None, db, out, None, quiet=True)
    except WarehouseBusy:
        return 0, 0
