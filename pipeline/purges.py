"""`gridpay purge`: raw survey data dropped past retention, keeping the aggregates and every hash an audit trail
needs; each purge recorded (`gridpay history` says it), and none of a month the retention setting keeps."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from gridpay.core.errors import ConfigError
from gridpay.core.month import Month
from gridpay.ingest.archive import blob_path
from gridpay.store.warehouse import connect

RAW_SURVEY_TABLES = ("raw_surveys", "counted_responses", "response_flags")


def kept_months_checked(before: str | None, retention: int, today: date | None = None) -> str:
    """The first month `gridpay purge` keeps: --before, never later than the retention setting's (trial 227's insider
    purged a three-week-old month, and its audit then said it was purged under the retention policy)."""
    cutoff = str(Month.of(today or date.today()).previous.first_of(retention))
    if before is not None and before > cutoff:
        raise ConfigError(f"--before {before} would purge months the retention keeps: GRIDPAY_RETENTION_MONTHS="
                          f"{retention} keeps the raw answers of {cutoff} and after, which their audits replay (a "
                          f"month purged can no longer be audited or corrected); to purge sooner on purpose (a "
                          f"data-protection request), set GRIDPAY_RETENTION_MONTHS so, and run again")
    return before or cutoff


def purge_before(db: Path, archive: Path, first_kept: str) -> tuple[int, int]:
    """Drop raw survey rows and archived survey files of months before `first_kept` (YYYY-MM).
    Aggregates, payroll, quarantine, run records and all hashes stay. Returns (rows, files) removed."""
    with connect(db) as con:
        months = [m for (m,) in con.execute("select distinct month from runs where month < ? order by month",
                                            [first_kept]).fetchall()]
        old = {e["sha256"] for (inputs,) in con.execute(
            "select inputs_json from runs where month < ? and inputs_json is not null", [first_kept]).fetchall()
            for e in json.loads(inputs) if e["name"].startswith("surveys/")}
        kept = {e["sha256"] for (inputs,) in con.execute(
            "select inputs_json from runs where month >= ? and inputs_json is not null", [first_kept]).fetchall()
            for e in json.loads(inputs)}
        rows = 0
        con.execute("begin transaction")
        for month in months:
            runs = [r for (r,) in con.execute("select run_id from runs where month = ?", [month]).fetchall()]
            removed = 0
            for table in RAW_SURVEY_TABLES:
                removed += con.execute(f"select count(*) from {table} where run_id in (select unnest(?))",
                                       [runs]).fetchone()[0]
                con.execute(f"delete from {table} where run_id in (select unnest(?))", [runs])
            con.execute("insert into purges values (?, now()::timestamp, ?, ?)", [month, removed, 0])
            rows += removed
        con.execute("commit")
    files = 0
    for sha in sorted(old - kept):
        blob = blob_path(archive, sha)
        if blob.is_file():
            blob.unlink()
            files += 1
    return rows, files
