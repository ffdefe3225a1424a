"""The 公示 cycle's inbox files, read like the reference tables: `appeals.csv` (HR's appeal
decisions, all months in one file, like adjustments.csv) and `verification/<YYYY-MM>.csv` (the
results of the month's verification calls). Both are optional; codes and dates are normalised here
as validation expects them (an appeal's 支持 is `upheld`, a date typed 2026/10/3 is 2026-10-03)."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from gridpay.ingest.formats import OPTIONAL, REQUIRED, Source, read_table
from gridpay.transforms.parsing import normalized_date, normalized_month
from gridpay.transforms.review_terms import CATEGORIES, DECISIONS, RESULTS, as_code

def review_files(inbox: Path, month: str) -> list[Path]:
    """appeals.csv and verification/<month>.csv, where they exist."""
    return [p for p in (inbox / "appeals.csv", inbox / "verification" / f"{month}.csv") if os.path.lexists(p)]

def review_file_names(month: str) -> dict[str, str]:
    return {"appeals": "appeals.csv", "verification": f"verification/{month}.csv"}

def review_tables(by_name: dict[str, Source], month: str, aliases: dict[str, str]) -> dict[str, pd.DataFrame]:
    """{'appeals': ..., 'verification': ...}: text frames with canonical columns (empty if no file)."""
    tables = {}
    for kind, name in review_file_names(month).items():
        columns = (*REQUIRED[kind], *OPTIONAL[kind])
        frame = (read_table(by_name[name], kind, aliases) if name in by_name
                 else pd.DataFrame(columns=["source_file", "row_number", *columns], dtype="string"))
        for column in OPTIONAL[kind]:
            if column not in frame.columns:
                frame[column] = pd.Series(pd.NA, index=frame.index, dtype="string")
        for column in ("filed_on", "decided_on", "called_on"):
            if column in frame.columns:
                frame[column] = frame[column].map(normalized_date, na_action="ignore").astype("string")
        if kind == "appeals":
            frame["month"] = frame["month"].map(normalized_month, na_action="ignore").astype("string")
            frame["category"] = frame["category"].map(lambda v: as_code(v, CATEGORIES), na_action="ignore")
            frame["decision"] = frame["decision"].fillna("").map(lambda v: as_code(v, DECISIONS, "pending")).astype("string")
        else:
            frame["result"] = frame["result"].map(lambda v: as_code(v, RESULTS), na_action="ignore")
        tables[kind] = frame[["source_file", "row_number", *columns]].astype("string")
    return tables
