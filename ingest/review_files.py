"""The 公示 cycle's inbox files, read like the reference tables: `appeals.csv` (HR's appeal
decisions, all months in one file, like adjustments.csv) and `verification/<YYYY-MM>.csv` (the
results of the month's verification calls). Both are optional; codes and dates are normalised here
as validation expects them (an appeal's 支持 is `upheld`, a date typed 2026/10/3 is 2026-10-03)."""
from __future__ import annotations

import logging
import os
from pathlib import Path

import duckdb
import pandas as pd

from gridpay.core.errors import InputError
from gridpay.ingest.formats import OPTIONAL, REQUIRED, Source, read_table
from gridpay.transforms.parsing import dated_from, normalized_cell, normalized_month
from gridpay.transforms.review_rules import register_review_rules
from gridpay.transforms.review_terms import CATEGORIES, DECISIONS, RESULT_WORDS, RESULTS, as_code

log = logging.getLogger("gridpay")


def review_files(inbox: Path, month: str) -> list[Path]:
    """appeals.csv and verification/<month>.csv, where they exist. A file of the month's calls named otherwise
    (2026-11.xlsx, 2026-11回访结果.csv, one moved into a subfolder) is refused, exit 2: a fifty-second trial's
    calls so named were read by no run, and the answers they found not genuine were paid, exit 0."""
    read = [p for p in (inbox / "appeals.csv", inbox / "verification" / f"{month}.csv") if os.path.lexists(p)]
    y, m = month.split("-")
    names = (month, f"{y}{m}", f"{y}_{m}", f"{y}.{m}", f"{y}年{m}月", f"{y}年{int(m)}月")
    calls = [p for p in sorted((inbox / "verification").rglob("*")) if p.is_file() and p not in read
             and any(n in p.stem for n in names)] if (inbox / "verification").is_dir() else []
    appeals = [p for p in sorted(inbox.iterdir()) if p.is_file() and p not in read and p.suffix.lower() in
               (".csv", ".xlsx", ".xls") and (p.stem.lower().startswith("appeals") or "申诉" in p.stem)]
    for path, wanted in [(p, f"verification/{month}.csv") for p in calls] + [(p, "appeals.csv") for p in appeals]:
        raise InputError(path.relative_to(inbox).as_posix(), f"is read by no run: {wanted} is read (a CSV, by that "
                         f"name{', in that folder' if wanted != 'appeals.csv' else ''}); save it as {wanted}, or move "
                         f"it out of the inbox")
    return read

def review_file_names(month: str) -> dict[str, str]:
    return {"appeals": "appeals.csv", "verification": f"verification/{month}.csv"}

def inbox_calls(inbox: Path, month: str, aliases: dict[str, str]) -> pd.DataFrame | None:
    """verification/<month>.csv as the inbox holds it now (None without it): calls HR may have recorded since a run."""
    name = f"verification/{month}.csv"
    if not (inbox / name).is_file():
        return None
    return review_tables({name: Source(name, inbox / name)}, month, aliases)["verification"]


def review_tables(by_name: dict[str, Source], month: str, aliases: dict[str, str]) -> dict[str, pd.DataFrame]:
    """{'appeals': ..., 'verification': ...}: text frames with canonical columns (empty if no file)."""
    tables = {}
    for kind, name in review_file_names(month).items():
        columns = (*REQUIRED[kind], *OPTIONAL[kind])
        frame = (read_table(by_name[name], kind, aliases) if name in by_name
                 else pd.DataFrame(columns=["source_file", "row_number", *columns], dtype="string"))
        _say_unread_headers(name, frame, columns)
        for column in OPTIONAL[kind]:
            if column not in frame.columns:
                frame[column] = pd.Series(pd.NA, index=frame.index, dtype="string")
        if kind == "appeals":
            frame["month"] = frame["month"].map(normalized_month, na_action="ignore").astype("string")
        for column in ("filed_on", "decided_on", "called_on"):      # a date without its year: of the review's month
            if column in frame.columns:
                of = frame["month"] if kind == "appeals" else pd.Series(month, index=frame.index)
                frame[column] = pd.Series([None if pd.isna(v) else dated_from(v, None if pd.isna(m) else m)
                                           for v, m in zip(frame[column], of)], index=frame.index, dtype="string")
        if kind == "appeals":
            frame["category"] = frame["category"].map(lambda v: as_code(v, CATEGORIES), na_action="ignore")
            frame["decision"] = frame["decision"].fillna("").map(lambda v: as_code(v, DECISIONS, "pending")).astype("string")
        else:
            frame["result"] = frame["result"].map(lambda v: as_code(v, RESULTS, also=RESULT_WORDS), na_action="ignore")
        tables[kind] = frame[["source_file", "row_number", *columns]].astype("string")
    return tables


def _say_unread_headers(name: str, frame: pd.DataFrame, columns: tuple[str, ...]) -> None:
    """Headers of appeals.csv or a calls file read as no column: a decision under 处理结果 left every appeal pending, the
    month published on them, exit 0, nothing said (trial 297)."""
    unread = [h for h, c in zip(frame.attrs.get("headers", []), frame.columns[2:])
              if h and not h.startswith("Unnamed:") and c not in columns]        # an empty column Excel kept: no header
    if unread:
        log.warning("%s: the column%s %s %s read as nothing: a decision, a date or a result under a header gridpay "
                    "does not read counts for nothing (an appeal stays pending). Head each as one of %s, or give its "
                    "header in the policy's [aliases] (a new version), and run again", name, "s" * (len(unread) > 1),
                    ", ".join(f"'{h}'" for h in unread), "are" if len(unread) > 1 else "is", ", ".join(columns))


def resident_grids(appeals: pd.DataFrame, grids: pd.DataFrame, aliases: dict[str, str],
                   month: str | None = None) -> pd.Series:
    """appeals.csv's resident_grid (the grid a 非本网格 appeal's resident lives in) as a grid id: typed as the id, the
    name or an alias grids.csv gives; anything else as typed, for validation to name (expectations/reviews.py). With
    `month` (appeals.shared_grid_names_refused), a name several grids give (第一网格 of three communities) in a row of
    that month is refused naming the row: trial 302's was read as the last such grid's, another community's (W06
    1757.70 for 1887.12, exit 0)."""
    named = {normalized_cell(v): gid for gid, name in zip(grids["grid_id"], grids["grid_name"])
             for v in (name, gid) if normalized_cell(v)} | aliases
    ids = set(grids["grid_id"])
    for row in appeals.itertuples() if month else ():
        typed = normalized_cell(row.resident_grid)
        if row.month != month or not typed or typed in ids or typed in aliases:
            continue
        if len(shared := [g for g, n in zip(grids["grid_id"], grids["grid_name"]) if normalized_cell(n) == typed]) > 1:
            raise InputError(str(row.source_file), f"resident_grid '{typed}' is the name of {len(shared)} grids "
                             f"({', '.join(shared)}): type the grid id of the one the resident lives in",
                             row=int(row.row_number), column="resident_grid")
    return appeals["resident_grid"].map(lambda v: named.get(normalized_cell(v), normalized_cell(v) or None),
                                        na_action="ignore").astype("string")


def moving(appeals: pd.DataFrame, month: str) -> pd.Series:
    """Which rows of appeals.csv are `month`'s upheld 非本网格 appeals naming the grid the resident lives in: each
    counts its answer there (the models' int_surveys): the models' own rule (transforms/review_rules.py), on the rows."""
    with duckdb.connect() as con:
        register_review_rules(con)
        con.register("appeals", appeals[["month", "decision", "category", "resident_grid"]])
        moves = con.execute("select coalesce(month = ?, false) and moves_answer(decision, category, resident_grid) "
                            "from appeals", [month]).fetchnumpy()     # a scan keeps the rows' order
    return pd.Series(next(iter(moves.values())), index=appeals.index, dtype=bool)


def answers_moved(workdir: Path, month: str) -> bool:
    """Does an upheld 非本网格 appeal of `month` count its answer in the grid its resident lives in (resident_grid)?"""
    path = workdir / "appeals.parquet"
    return path.is_file() and bool(moving(pd.read_parquet(path), month).any())
