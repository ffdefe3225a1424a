"""Answers of an earlier month that only a later download holds: a cumulative platform download of
November holds October's answers too, and one given in October's last hours, after October's
download was made, was in no October file. November sets it aside as October's (ingest/survey_files.py)
and October's published run never read it: a field trial's answer was lost so without a word.
The stage keeps the id and time of each other month's row it set aside, for the run to compare with
what that month's published run read (pipeline/verdicts.py: say_late_answers): the pair, since a
platform may number each download from 1 (November's answer 1 is not October's answer 1). A later
month's are kept in the warehouse with the run (raw_set_aside_answers), for that month's run to find
them in its own files (pipeline/gate_findings.py: set_aside_answers_missing)."""
from __future__ import annotations

from pathlib import Path

from gridpay.core.table_rows import insert_rows


def store_aside_ids(con, rows: list[tuple[str, str, str, str]]) -> None:
    """Table `set_aside_ids` (source_file, month, response_id, submitted_at) in the stage file."""
    con.execute("create or replace table set_aside_ids (source_file varchar, month varchar, response_id varchar, "
                "submitted_at varchar)")
    insert_rows(con, "set_aside_ids", rows)       # a year's cumulative download: 18,000 ids, 11 s by executemany


def earlier_ids(workdir: Path, month: str) -> dict[str, list[tuple[str, str, str]]]:
    """month -> [(file, response_id, submitted_at)] of the rows of months before `month` the survey files held."""
    from gridpay.ingest.survey_stage import stage_connection     # which stores them through this module
    with stage_connection(workdir) as con:
        if not con.execute("select count(*) from duckdb_tables() where table_name = 'set_aside_ids'").fetchone()[0]:
            return {}
        found: dict[str, list[tuple[str, str, str]]] = {}
        for other, *row in con.execute("select month, source_file, response_id, submitted_at from set_aside_ids "
                                       "where month < ? order by month, source_file, response_id", [month]).fetchall():
            found.setdefault(other, []).append(tuple(row))
        return found
