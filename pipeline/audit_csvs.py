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
COUNTED = "counted answers"         # the per-answer scores later months' pooled windows read (counted_responses)


def other_csv_differences(month_dir: Path, rerun_dir: Path, compared: set[str]) -> tuple[str, list[str]]:
    """(the audit's "checked" line, a line for each file that differs or is missing on one side)."""
    names = sorted({p.name for p in (*month_dir.glob("*.csv"), *rerun_dir.glob("*.csv"))} - compared)
    differ = [f"{month_dir / n}: differs from the file the re-run writes from the archived inputs"
              for n in names if not (month_dir / n).is_file() or not (rerun_dir / n).is_file()
              or (month_dir / n).read_bytes() != (rerun_dir / n).read_bytes()]
    return f"{', '.join(names)} against the files the re-run writes from the archived inputs", differ


def counted_answers(con, run_id: str) -> list[dict]:
    """Each counted answer's row, grid and score as the run stored them: a later month pooling this one reads them, and
    trial 251's auditor raised one grid's September scores in the warehouse, which moved November's pay (W04 1558.24
    for 1389.60) while every month's audit passed, September's own figures reproducing."""
    rows = con.execute("select row_id, grid_id, response_score from counted_responses where run_id = ? order by row_id",
                       [run_id]).fetchall()
    return [{"row_id": r, "grid_id": g, "response_score": s} for r, g, s in rows]


def original_rows(con, run_id: str) -> dict[str, list[dict]]:
    """The run's rows the audit compares: those behind the three CSVs, and its counted answers' scores."""
    return {name: reader(con, run_id) for name, (reader, _, _) in TABLES.items()} | {COUNTED: counted_answers(con, run_id)}
