"""What the audit compares besides the published files' hashes: the warehouse rows behind payroll.csv,
grid_scores.csv and quarantine.csv, the scores of the answers the month counted, and the month's other CSVs
(payroll_detail.csv, review.csv, callbacks.csv, verify.csv), byte for byte with those the audit's re-run writes. A
seventy-third trial edited a worker's pay in payroll_detail.csv, with its hash in the manifest and the warehouse, and
the audit passed. Those from output format 10 on: before it, these files' bytes were not kept stable from one version
to the next."""
from __future__ import annotations

from pathlib import Path

from gridpay.publishing.outputs import (GRID_COLUMNS, PAYROLL_COLUMNS, QUARANTINE_COLUMNS, grid_rows, payroll_rows,
                                        quarantine_rows)

TABLES = {  # published table -> (row reader, CSV columns, key columns)
    "payroll.csv": (payroll_rows, PAYROLL_COLUMNS, ("worker_id",)),
    "grid_scores.csv": (grid_rows, GRID_COLUMNS, ("grid_id",)),
    "quarantine.csv": (quarantine_rows, QUARANTINE_COLUMNS, ("source_file", "row_number")),
}
OTHER_CSVS_FROM = 10
STORED = "stored answers"          # the month's answers and scores later months' pooled windows read


def other_csv_differences(month_dir: Path, rerun_dir: Path, compared: set[str]) -> tuple[str, list[str]]:
    """(the audit's "checked" line, a line for each file that differs or is missing on one side)."""
    names = sorted({p.name for p in (*month_dir.glob("*.csv"), *rerun_dir.glob("*.csv"))} - compared)
    differ = [f"{month_dir / n}: differs from the file the re-run writes from the archived inputs"
              for n in names if not (month_dir / n).is_file() or not (rerun_dir / n).is_file()
              or (month_dir / n).read_bytes() != (rerun_dir / n).read_bytes()]
    return f"{', '.join(names)} against the files the re-run writes from the archived inputs", differ


def stored_answer_differences(con, run_id: str, rerun_id: str, phones: bool = True, shown: int = 20) -> list[str]:
    """The month's stored answers (raw_surveys, with the score each counted one got: counted_responses) against the
    re-run's, in SQL on the audit's copy of the warehouse, which holds both runs: a later month pooling this one reads
    them. Trial 251's auditor raised one grid's September scores, then gave four of its answers a November home's
    door, and each moved November's pooled pay (W04 1558.24, 1486.88 for 1389.60) while September's audit passed.
    `phones`: the phone-hash key is the run's (a run recorded before key fingerprints cannot tell)."""
    columns = ("response_id", "grid_id", "household_id", "submitted_at_ts", *(("respondent_phone_hash",) * phones),
               "counted_in", "response_score")
    side = ("select s.row_id, s.response_id, s.grid_id, s.household_id, s.submitted_at_ts, s.respondent_phone_hash, "
            "c.grid_id as counted_in, c.response_score from raw_surveys s left join counted_responses c on "
            "c.run_id = s.run_id and c.row_id = s.row_id where s.run_id = ?")
    rows = con.execute(f"""
        select row_id, {', '.join(f'a.{c}, b.{c}' for c in columns)}, a.row_id is null, b.row_id is null
        from ({side}) a full outer join ({side}) b using (row_id)
        where a.row_id is null or b.row_id is null or {' or '.join(f'a.{c} is distinct from b.{c}' for c in columns)}
        order by row_id""", [run_id, rerun_id]).fetchall()
    out = []
    for row in rows[:shown]:
        row_id, values, only_rerun, only_stored = row[0], row[1:-2], row[-2], row[-1]
        answer = values[0] if values[0] is not None else values[1]
        if only_rerun or only_stored:
            out.append(f"{STORED} row {row_id} (answer {answer}): only in the {'re-run' if only_rerun else 'warehouse'}")
            continue
        out += [f"{STORED} row {row_id} (answer {answer}) {c}: {values[2 * i]} (warehouse) -> {values[2 * i + 1]} "
                f"(re-run)" for i, c in enumerate(columns) if values[2 * i] != values[2 * i + 1]]
    if len(rows) > shown:
        out.append(f"{STORED}: {len(rows) - shown} more rows differ")
    if rows:
        out.append(f"{STORED}: the warehouse's answers of this month are not those its archived files give; a later "
                   f"month pooling them pays on them: restore the warehouse from a backup, and audit the later months")
    return out


def original_rows(con, run_id: str) -> dict[str, list[dict]]:
    """The run's rows behind the three CSVs the audit compares."""
    return {name: reader(con, run_id) for name, (reader, _, _) in TABLES.items()}
