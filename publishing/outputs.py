"""Publish step: the month's CSVs, reports and manifest, written to a staging folder and swapped
into <out>/<YYYY-MM>/ only when complete, so readers never see half a month."""
from __future__ import annotations

import csv
import ctypes
import io
import json
import logging
import os
import re
import shutil
from decimal import Decimal
from pathlib import Path

import duckdb

from gridpay.ingest.archive import file_sha256
from gridpay.ingest.duckdb_reader import quoted
from gridpay.transforms.privacy import masked_numbers
from gridpay.ingest.limits import capped
from gridpay.transforms.rounding import rounded

log = logging.getLogger("gridpay")

PAYROLL_COLUMNS = ("worker_id", "name", "month", "score", "responses", "coefficient",
                   "performance_pay", "adjustment", "total_pay", "flags")
GRID_COLUMNS = ("grid_id", "grid_name", "month", "responses", "households", "response_rate",
                "raw_score", "adjusted_score", "ci_low", "ci_high", "flags", "window_months", "window_responses",
                "adjusted_ci_low", "adjusted_ci_high")
QUARANTINE_COLUMNS = ("source_file", "row_number", "response_id", "reason", "reason_code")
# <out>/<month>.rejected/quarantine.csv: one line per failed rule of an invalid row
REJECTED_COLUMNS = ("source_file", "row_number", "response_id", "column", "value", "reason")


def fixed(value: Decimal | None, places: int) -> str:
    """Decimal as text with exactly `places` decimals (half up); blank for no value."""
    if value is None:
        return ""
    return str(rounded(Decimal(value), places))


def payroll_rows(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict]:
    rows = con.execute(
        "select worker_id, name, month, score, responses, coefficient, performance_pay_yuan, "
        "adjustment_yuan, total_pay_yuan, flags, perf_pay_target_yuan, assigned_days, days_in_month "
        "from payroll where run_id = ? order by worker_id", [run_id]).fetchall()
    return [{
        "worker_id": r[0], "name": r[1], "month": r[2], "score": fixed(r[3], 2), "responses": r[4],
        "coefficient": fixed(r[5], 4), "performance_pay": fixed(r[6], 2), "adjustment": fixed(r[7], 2),
        "total_pay": fixed(r[8], 2), "flags": r[9], "perf_pay_target": fixed(r[10], 2),
        "assigned_days": r[11], "days_in_month": r[12],
    } for r in rows]


PAYROLL_DETAIL_COLUMNS = ("worker_id", "name", "month", "perf_pay_target", "assigned_days", "days_in_month",
                          "grids", "score", "coefficient", "performance_pay", "adjustment", "total_pay", "flags",
                          "previous_month", "previous_total_pay")


def previous_totals(con: duckdb.DuckDBPyConnection, run_id: str) -> tuple[str, dict[str, str]]:
    """(month, worker -> total pay) of the month published last that the run read (its latest
    window run; policy [review]), the figures pay_changed compares with; ('', {}) if none."""
    row = con.execute("select month, window_run_id from run_windows where run_id = ? order by month desc limit 1",
                      [run_id]).fetchone()
    if row is None:
        return "", {}
    return row[0], {w["worker_id"]: w["total_pay"] for w in payroll_rows(con, row[1])}


def grid_days(grid: str, days: int, weight_days: Decimal | None) -> str:
    """'G2:30', or 'G2:30(15)' where the weighted days differ (a weight of 0.5); None: not shown (format 10)."""
    shown = "" if weight_days is None or Decimal(weight_days) == days else f"({Decimal(weight_days).normalize():f})"
    return f"{grid}:{days}{shown}"


def payroll_detail_rows(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict]:
    """payroll.csv with what HR checks each line against: the target, the days, the grids with the days on each
    ("G1:30;G2:15"; from output format 11 the weighted days too where a weight is not 1, "G2:30(15)": trial 79b's
    check of a worker at weight 0.5 was off by up to 3.2 points) and the total of the month published last."""
    weighted = output_format_of(con, run_id) >= 11
    grids: dict[str, list[str]] = {}
    for worker, grid, days, weight_days in con.execute(
            "select worker_id, grid_id, assigned_days, weight_days from worker_grid_days where run_id = ? order by all",
            [run_id]).fetchall():
        grids.setdefault(worker, []).append(grid_days(grid, days, weight_days if weighted else None))
    month, before = previous_totals(con, run_id)
    return [{**{c: row[c] for c in PAYROLL_DETAIL_COLUMNS if c in row}, "grids": ";".join(grids.get(row["worker_id"], [])),
             "previous_month": month if row["worker_id"] in before else "", "previous_total_pay": before.get(row["worker_id"], "")}
            for row in payroll_rows(con, run_id)]


RATE_COLUMNS = {"response_rate", "response_rate_low", "response_rate_high", "good_rate", "good_rate_low",
                "good_rate_high", "satisfied_rate", "satisfied_rate_low", "satisfied_rate_high", "shrink_factor"}
SCORE_COLUMNS = {"raw_score", "ci_low", "ci_high", "adjusted_score", "adjusted_ci_low", "adjusted_ci_high",
                 "achievement_points", "improvement_points", "pay_score"}


def _formatted(name: str, value):
    if name in RATE_COLUMNS:
        return fixed(value, 4)
    if name in SCORE_COLUMNS:
        return fixed(value, 2)
    return value


def grid_rows(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict]:
    """Every column of the run's grid_scores, scores with 2 decimals and rates with 4."""
    cursor = con.execute("select * exclude (run_id) from grid_scores where run_id = ? order by grid_id", [run_id])
    names = [d[0] for d in cursor.description]
    return [{n: _formatted(n, v) for n, v in zip(names, row)} for row in cursor.fetchall()]


def output_format_of(con: duckdb.DuckDBPyConnection, run_id: str) -> int:
    """The output format the run wrote under (pipeline/context.py OUTPUT_FORMAT); 1 for a run before formats."""
    row = con.execute("select output_format from runs where run_id = ?", [run_id]).fetchone()
    return (row[0] if row else None) or 1


def quarantine_rows(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict]:
    """quarantine.csv's rows. From output format 2 (store/migrations/0005) a mobile or ID number
    typed as a response id is masked; a run recorded before keeps the file it published."""
    rows = con.execute("select source_file, row_number, response_id, reason, reason_code from quarantine "
                       "where run_id = ? order by source_file, row_number", [run_id]).fetchall()
    if output_format_of(con, run_id) >= 2:
        # a response_id of megabytes (a pasted complaint) is echoed as its first 200 characters and its length
        def shown(value):
            return capped(masked_numbers(value))
    else:
        shown = str
    return [{"source_file": r[0], "row_number": r[1], "response_id": r[2] if r[2] is None else shown(r[2]),
             "reason": r[3], "reason_code": r[4]} for r in rows]


# The CSV rules, once: a cell Excel would run as a formula (its first character one of
# FORMULA_START) gets an apostrophe in front, unless it is a NUMBER (-20.50); quoting is csv.writer's
# minimal quoting as Python 3.11 does it (a comma, a quote or a line feed). Two writers apply them,
# to two kinds of rows: csv_bytes (Python rows, csv.writer) and csv_from_query (a query's rows as
# lines DuckDB makes: a city's review.csv has ~800,000 lines, while a small file through DuckDB
# costs ~0.1 s to bind against a millisecond). tests/test_csv_outputs.py holds them to the same bytes.
FORMULA_START = "=+-@\t\r"
NUMBER = r"-?\d+(\.\d+)?"
_NUMBER = re.compile(f"^{NUMBER}$")
_FORMULA_START = frozenset(FORMULA_START)      # a set: '' (an empty cell) is in every string


def excel_safe(value):
    """Text that Excel would run as a formula (=, +, -, @ first) gets a leading apostrophe; numbers,
    negative amounts included, are left alone."""
    if isinstance(value, str) and value[:1] in _FORMULA_START and not _NUMBER.match(value):
        return "'" + value
    return value


def csv_bytes(rows: list[dict], columns: tuple[str, ...]) -> bytes:
    """UTF-8 with BOM so that Chinese Excel opens it right; '\\n' line ends; fixed column order;
    free text defused against formula injection. (Rows as lists, and excel_safe() only for a
    cell that starts like a formula: a city's review.csv has hundreds of thousands of rows.)"""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([excel_safe(v) if isinstance(v, str) and v[:1] in _FORMULA_START else v
                      for v in map(row.get, columns)] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


# The same rules in SQL: Python's \d is any Unicode digit (\p{Nd}), and its $ also matches before
# a final line feed (\n?).
_SQL_NUMBER = NUMBER.replace("\\d", "\\p{Nd}") + "\\n?"
_CSV_MACROS = f"""
create or replace temp macro gp_excel_safe(v) as
    case when ascii(v) in ({", ".join(str(ord(c)) for c in FORMULA_START)})
              and not regexp_full_match(v, '{_SQL_NUMBER}') then '''' || v else v end;
create or replace temp macro gp_csv_quoted(v) as
    case when contains(v, ',') or contains(v, '"') or contains(v, chr(10)) then '"' || replace(v, '"', '""') || '"'
         else v end;
"""


def csv_from_query(con: duckdb.DuckDBPyConnection, query: str, params, columns: tuple[str, ...],
                   order_by: tuple[str, ...]) -> bytes:
    """csv_bytes(rows of `query`, columns), each line made by DuckDB: a city's review.csv has ~800,000
    lines, 10 s as Python rows and csv.writer. `query` names its columns as `columns`; `order_by`
    names the query's columns that order the lines (a subquery's own order by is not kept)."""
    con.execute(_CSV_MACROS)
    # one step a select: a macro inlines its argument wherever it is named, so nesting them would
    # evaluate each cell's excel_safe several times over
    safe = ", ".join(f"gp_excel_safe({quoted(c)}::varchar) as {quoted('csv_' + c)}" for c in columns)
    line = " || ',' || ".join(f"coalesce(gp_csv_quoted({quoted('csv_' + c)}), '')" for c in columns)
    order = ", ".join(quoted(c) for c in order_by)
    lines = con.execute(f"select {line} from (select *, {safe} from ({query})) order by {order}", params).fetchall()
    body = "".join(f"{text}\n" for (text,) in lines)
    return (",".join(columns) + "\n" + body).encode("utf-8-sig")


def write_file(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def output_hashes(folder: Path, only: str | None = None) -> list[dict]:
    """Every file under `folder` with its SHA-256, manifest.json left out (or only `only`)."""
    return [{"file": p.relative_to(folder).as_posix(), "sha256": file_sha256(p)}
            for p in sorted(folder.rglob("*")) if p.is_file()
            and (p.relative_to(folder).as_posix() == only if only else p.name != "manifest.json")]


def changed_files(folder: Path, expected: dict[str, str]) -> dict[str, str]:
    """The files of `expected` (path under `folder` -> SHA-256) whose bytes are not those: each with
    its actual SHA-256, or "missing". The one check of published files against a recorded hash
    (`gridpay audit` against the warehouse's record, `gridpay doctor` against the manifest)."""
    actual = {name: file_sha256(folder / name) if (folder / name).is_file() else "missing" for name in expected}
    return {name: sha for name, sha in sorted(actual.items()) if sha != expected[name]}


def write_manifest(folder: Path, manifest: dict) -> None:
    body = {**manifest, "outputs": output_hashes(folder)}
    write_file(folder / "manifest.json",
               (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one atomic step (Linux renameat2 RENAME_EXCHANGE); False where the
    system cannot, and the caller falls back to two renames."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def swap_into_place(staging: Path, target: Path) -> None:
    """Readers see the old month or the new one, never half of one: an atomic exchange where the
    system offers it, else two renames (the old month is kept aside until the new one is in place)."""
    if target.exists() and _exchange(staging, target):
        shutil.rmtree(staging)            # now holds the old month
        return
    previous = target.with_name(f".previous-{target.name}")
    if previous.exists():
        shutil.rmtree(previous)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    if previous.exists():
        shutil.rmtree(previous)
