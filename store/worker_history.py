"""Who each worker id was when it was last paid: the name and phone hash workers.csv gave it in the last
published month before a given one in which it had a payroll line (raw_workers of that month's run); and
every phone a worker id was given in a published run."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from gridpay.store.warehouse import connect


def last_paid_workers(db: Path, month: str, fingerprint: str | None = None) -> dict[str, tuple[str, str | None, str]]:
    """worker_id -> (name, phone hash, month) as last paid before `month`; {} without a warehouse. The phone hash
    is None where that run hashed with another key than the one of `fingerprint` (a key replaced with
    --new-phone-key: every phone compared as changed, a sixty-second trial's eight false warnings)."""
    if not Path(db).exists():
        return {}
    with connect(db) as con:
        rows = con.execute("""
            select w.worker_id, w.name,
                   case when ? is null or r.phone_key_fingerprint is null or r.phone_key_fingerprint = ?
                        then w.phone_hash end, p.month
            from raw_workers w join published p using (run_id) join runs r using (run_id)
            join payroll pay on pay.run_id = w.run_id and pay.worker_id = w.worker_id and pay.month = p.month
            where p.month < ?
            qualify row_number() over (partition by w.worker_id order by p.month desc) = 1""",
            [fingerprint, fingerprint, month]).fetchall()
    return {worker: (name, phone, paid) for worker, name, phone, paid in rows}


def published_phones(db: Path, fingerprint: str | None, before: datetime, since_month: str | None = None
                     ) -> list[tuple[str, str]]:
    """(worker_id, phone hash) of every worker row of the runs published before `before` (an audit: the time of
    the run it checks), hashed with the key of `fingerprint` (a run before fingerprints: taken as the same); with
    `since_month`, of the runs of that month or a later one only (the phones a worker held then)."""
    if not Path(db).exists():
        return []
    with connect(db) as con:
        return con.execute(
            "select distinct w.worker_id, w.phone_hash from raw_workers w join runs r using (run_id) "
            "where r.status = 'published' and r.finished_at < ? and w.phone_hash is not null and "
            "(? is null or r.phone_key_fingerprint is null or r.phone_key_fingerprint = ?) "
            "and (?::varchar is null or r.month >= ?) order by all",
            [before, fingerprint, fingerprint, since_month, since_month]).fetchall()
