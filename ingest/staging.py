"""Ingest step: read the month's input files into the run's work folder as Parquet.

The files read are the run's snapshot of the inbox, restored from the archive (flows/archive.py);
what leaves here has phone numbers hashed and comments masked."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.ingest.formats import month_survey_files, read_table, with_hashed_phone
from gridpay.ingest.survey_stage import stage_surveys
from gridpay.transforms.policy import Policy

REFERENCE = ("grids", "workers", "assignments")


def input_files(inbox: Path, month: str) -> list[Path]:
    if not inbox.is_dir():
        raise InputError(str(inbox), "inbox folder does not exist")
    files = []
    for kind in REFERENCE:
        path = inbox / f"{kind}.csv"
        if not path.is_file():
            raise InputError(f"{kind}.csv", f"is missing from the inbox {inbox}")
        files.append(path)
    if (inbox / "adjustments.csv").is_file():
        files.append(inbox / "adjustments.csv")
    return files + month_survey_files(inbox, month)


def stage_inputs(inbox: Path, month: str, policy: Policy, key: bytes, workdir: Path, surveys: bool = True) -> None:
    """Write grids/workers/assignments/adjustments.parquet into `workdir`, and (unless `surveys` is
    False: the partitioned path stages them on Dask) the month's survey rows into its stage.duckdb."""
    files = input_files(inbox, month)
    workdir.mkdir(parents=True, exist_ok=True)
    tables = {kind: read_table(inbox / f"{kind}.csv", kind, policy.aliases) for kind in REFERENCE}
    tables["workers"] = with_hashed_phone(tables["workers"], "phone", key)
    adjustments = inbox / "adjustments.csv"
    tables["adjustments"] = (read_table(adjustments, "adjustments", policy.aliases) if adjustments.is_file()
                             else pd.DataFrame(columns=["source_file", "row_number", "worker_id", "month",
                                                        "amount", "reason", "approved_by"], dtype="string"))
    for kind, optional in (("assignments", "end_date"), ("assignments", "weight"), ("grids", "area")):
        if optional not in tables[kind].columns:
            tables[kind][optional] = pd.Series(pd.NA, index=tables[kind].index, dtype="string")
    if surveys:
        stage_surveys([f for f in files if f.parent.name == "surveys"], policy.aliases, policy.items, key, workdir)
    for name, frame in tables.items():
        frame.to_parquet(workdir / f"{name}.parquet", index=False)
