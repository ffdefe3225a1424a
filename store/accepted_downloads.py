"""What a published run accepted of its downloads on purpose (migration 17): 问卷星 downloads holding fewer
answer rows than their names say, published with --accept-fewer-answers (test answers taken out). Later
months' cumulative downloads still hold those answers; pipeline/unread_earlier_answers.py does not say them
again as answers the run never read."""
from __future__ import annotations

import json
from datetime import datetime

import duckdb


def record_accepted_short_downloads(con: duckdb.DuckDBPyConnection, run_id: str,
                                    found: list[tuple[str, int, int]]) -> None:
    """(file, answers its name gives, rows it holds) for each short download the run published on."""
    if found:
        rows = [{"file": file, "named": named, "rows": rows} for file, named, rows in found]
        con.execute("update runs set accepted_short_downloads = ? where run_id = ?",
                    [json.dumps(rows, ensure_ascii=False), run_id])


def taken_out_until(con: duckdb.DuckDBPyConnection, run_id: str) -> datetime | None:
    """Where the run accepted short downloads, the latest answer it read: its month's answers given until then
    that it did not read were taken out of its downloads on purpose. None where it accepted none."""
    accepted = con.execute("select accepted_short_downloads from runs where run_id = ?", [run_id]).fetchone()
    if accepted is None or not accepted[0]:
        return None
    return con.execute("select max(submitted_at_ts) from raw_surveys where run_id = ?", [run_id]).fetchone()[0]
