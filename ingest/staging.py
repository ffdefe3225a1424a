"""Ingest step: list the month's input files in the inbox (once), and read a run's archived copies
of them into its work folder: reference tables as Parquet, survey rows into stage.duckdb.

What leaves here has phone numbers hashed and comments masked; the raw bytes are read where the
archive keeps them (ingest/archive.py), never copied into the work folder."""
from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.ingest.named_workers import worker_names
from gridpay.ingest.formats import (REQUIRED, Source, month_survey_files, read_table, say_unread_phone, unread_phone_header,
                                    with_hashed_phone)
from gridpay.transforms.privacy import is_mobile, masked_numbers, masked_phone_hash, phone_hash
from gridpay.ingest.formula_cells import refuse_error_cells, say_unsaved_formulas
from gridpay.ingest.grid_aliases import compound_other_names, compounds_by_answer, grid_aliases, listed_compounds
from gridpay.ingest.grid_compounds import grid_compound_rows
from gridpay.ingest.inbox import inbox_file, refuse_undecodable_name
from gridpay.ingest.grid_buildings import COLUMNS as BUILDING_COLUMNS
from gridpay.ingest.month_adjustments import say_deductions_elsewhere
from gridpay.ingest.near_phones import write_near_phones
from gridpay.ingest.phones import CELL_PHONES, require_worker_mobiles, split_worker_phones
from gridpay.ingest.review_files import resident_grids, review_files, review_tables
from gridpay.ingest.survey_files import survey_reading
from gridpay.ingest.survey_stage import stage_surveys
from gridpay.ingest.unread_dates import refuse_unread_end_dates
from gridpay.transforms.grid_names import communities_alike
from gridpay.transforms.parsing import normalized_amount, normalized_date, normalized_integer, normalized_month
from gridpay.transforms.policy import Policy

REFERENCE = ("grids", "workers", "assignments")

log = logging.getLogger("gridpay")


SHEETS = (".xlsx", ".xls", ".et", ".ett", ".ods", ".txt")     # a reference table kept as a workbook


def input_files(inbox: Path, month: str, skip: tuple[str, ...] = ()) -> list[Path]:
    """Every file of the inbox that a run of `month` reads: the reference tables, adjustments if
    present, and the month's survey files; `skip`: reference files the run takes from elsewhere
    (a re-run re-using the published run's: pipeline/reference_drift.py)."""
    if not inbox.is_dir():
        raise InputError(str(inbox), "inbox folder does not exist")
    # a name no stop could record (trial 248's re-check: a GBK-named download in the inbox itself)
    refuse_undecodable_name(*(p.relative_to(inbox).as_posix() for p in (*inbox.iterdir(), *(
        (inbox / "surveys").rglob("*") if (inbox / "surveys").is_dir() else ()))))
    files = []
    for kind in REFERENCE:
        path = inbox / f"{kind}.csv"
        if path.name in skip:
            continue
        if not os.path.lexists(path):
            # HR keeps these in Excel or WPS: a workers.xlsx, or a 网格表.et (trial 189), beside the missing CSV is said
            other = [p.name for p in sorted(inbox.iterdir()) if p.is_file() and p.suffix.lower() in SHEETS
                     and (p.stem == kind or not p.stem.isascii())]
            saved = (f" ({', '.join(other[:4])} {'is' if len(other) == 1 else 'are'} there: reference files are read "
                     f"as CSV: save yours as {kind}.csv, in WPS 文件 > 另存为 > CSV (逗号分隔), in Excel 另存为 > "
                     f"CSV UTF-8)" if other else "")
            raise InputError(f"{kind}.csv", f"is missing from the inbox {inbox}{saved}")
        files.append(inbox_file(inbox, path))
    # re-using the published run's reference files: its adjustments too, or none if it had none
    if os.path.lexists(inbox / "adjustments.csv") and "adjustments.csv" not in skip:
        files.append(inbox_file(inbox, inbox / "adjustments.csv"))
    _refuse_unread_adjustments(inbox)
    surveys = month_survey_files(inbox, month)
    for path in surveys:      # its name goes into the archive's record, the manifest and quarantine.csv
        name = path.relative_to(inbox).as_posix()
        if masked_numbers(name) != name:
            raise InputError(masked_numbers(name), "its name holds a phone or ID number, which gridpay would write "
                             "into the run's record, the manifest and quarantine.csv; rename the file and run again")
    return files + [inbox_file(inbox, p) for p in review_files(inbox, month)] + surveys


def _refuse_unread_adjustments(inbox: Path) -> None:
    """A file of adjustments named otherwise (adjustments.xlsx, Adjustments.csv, adjustments.csv.csv as Windows
    hides an extension, 补扣款.csv) is refused, exit 2: trial 138's were read by no run, and every month published
    without its bonuses and deductions, the only sign "read 6 input files" for 7."""
    for path in sorted(inbox.iterdir()):
        stem = path.name.lower().split(".", 1)[0]
        if path.is_file() and path.name != "adjustments.csv" and path.suffix.lower() in (".csv", ".xlsx", ".xls", ".txt") \
                and (stem.startswith("adjustment") or "补扣款" in stem):
            raise InputError(path.name, "is read by no run: adjustments.csv is read (a CSV, by that name); save it as "
                                        "adjustments.csv, or move it out of the inbox")


def grid_names(grids: pd.DataFrame) -> dict[str, str]:
    """grid_id -> grid_name in grids.csv order (answers may name a grid; codes count in this order)."""
    return dict(zip(grids["grid_id"].fillna(""), grids["grid_name"].fillna("")))


def grid_communities(grids: pd.DataFrame) -> dict[str, str]:
    """grid_id -> its community as grids.csv gives it (a grid name two grids share is the file's community's)."""
    if "community" not in grids.columns:
        return {}
    return {g: c for g, c in zip(grids["grid_id"].fillna(""), grids["community"].fillna("")) if g and c}


def _normalise_dates(tables: dict[str, pd.DataFrame]) -> None:
    """Dates as survey files accept them (2026/1/1, 2026年1月1日, an Excel date cell) become
    2026-01-01, adjustments' months 2026-01, amounts as typed in Excel (+200, 1,800.00, 1800元, ¥1,550.00) plain,
    a grid's households as Excel saves a number (180.0, full-width ２２０) whole;
    what is none stays as typed, for validation to refuse naming the row."""
    for kind, column, normalised in (("assignments", "start_date", normalized_date),
                                     ("assignments", "end_date", normalized_date),
                                     ("adjustments", "month", normalized_month),
                                     ("adjustments", "amount", normalized_amount),
                                     ("workers", "perf_pay_target", normalized_amount),
                                     ("grids", "households", normalized_integer)):     # 180.0 as Excel saved it
        frame = tables[kind]
        if column in frame.columns:
            frame[column] = frame[column].map(normalised, na_action="ignore").astype("string")


def is_survey(source: Source) -> bool:
    return is_survey_name(source.name)


def is_survey_name(name: str) -> bool:
    return name.startswith("surveys/")


def refuse_unread_worker_phones(workers: pd.DataFrame, replay: bool) -> None:
    """A workers.csv column that reads like a phone, none read as phone: every worker's phone unread, no worker's rating
    of her own grid is found. Trial 233's payroll export headed 手机号码 counted 古丽娜尔's own (1648.08 for 1620.72),
    said in a line among the run's, exit 0: a stop (exit 2), said only in an audit of a month published before."""
    unread = unread_phone_header(workers.attrs.get("headers", list(workers.columns)), list(workers.columns), "phone")
    unread = unread or _mobiles_column(workers)     # trial 304's 联系方式: no phone word, every cell a mobile
    if unread is not None and not replay:
        raise InputError("workers.csv", f"the column '{unread}' reads like a phone, but no column is read as phone, so "
                         f"no worker's rating of her own grid would be found: name the header in the policy's [aliases] "
                         f"(\"{unread}\" = \"phone\") or head the column phone (if it is no worker's own mobile, an "
                         f"office's, head it otherwise)", column=unread)
    say_unread_phone("workers.csv", unread, "phone")


def _mobiles_column(workers: pd.DataFrame) -> str | None:
    """The header of a workers.csv column no rule reads whose filled cells are mobile numbers, where no column is read
    as phone or it is blank throughout (trial 304's 联系方式: every worker's own rating counted, BLY03 1920.42 for
    1893.06, exit 0, said only as phones not given)."""
    if "phone" in workers.columns and workers["phone"].notna().any():
        return None
    names = list(workers.columns)[2:]
    for header, name in zip(workers.attrs.get("headers", names), names):
        filled = workers[name].dropna().astype(str) if name not in REQUIRED["workers"] else pd.Series(dtype=str)
        if len(filled) and sum(map(is_mobile, filled)) * 2 > len(filled):
            return str(header)
    return None


_GRID_COLUMNS = ("grid_id", "grid_name", "community", "households", "area", "aliases", "compounds", *BUILDING_COLUMNS)
_GRID_HINTS = (("小区", "compounds"), ("楼", "buildings"), ("别名", "aliases"), ("片区", "area"))


def refuse_unread_grid_columns(grids: pd.DataFrame, replay: bool) -> None:
    """A grids.csv column no rule reads headed as a grid's compounds, buildings, aliases or area are (所辖小区, 管辖楼栋):
    read as nothing, trial 237's compounds were dropped (one home of 锦华新村 counted twice, 黄海涛 1550.88 for 1535.36)
    and its buildings unchecked (W06 1647.20 for 1475.84), nothing said. A stop (exit 2) naming the column."""
    if replay:
        return
    names = list(grids.columns)[2:]     # after source_file, row_number
    for header, name in zip(grids.attrs.get("headers", names), names):
        meant = next((column for word, column in _GRID_HINTS if word in str(header)), None)
        if name not in _GRID_COLUMNS and meant is not None and meant not in grids.columns:
            read = "a survey answer's compound (小区)" if name == "compound" else "nothing"
            raise InputError("grids.csv", f"the column '{header}' is read as {read}, and grids.csv has no {meant} "
                             f"column: head it {meant} (docs/contract.md, grids.csv), and run again", column=header)


def stage_inputs(sources: list[Source] | Path, month: str, policy: Policy, key: bytes, workdir: Path,
                 surveys: bool = True, hidden_doors: int = 0, replay: bool = False) -> None:
    """Write grids/workers/assignments/adjustments.parquet into `workdir`, and (unless `surveys` is
    False: the partitioned path stages them on Dask) the month's survey rows into its stage.duckdb.
    `sources` may be an inbox folder (tests and tools read one directly). `replay`: an audit's."""
    if isinstance(sources, Path):
        sources = [Source(str(p.relative_to(sources).as_posix()), p) for p in input_files(sources, month)]
    by_name = {s.name: s for s in sources}
    for kind in REFERENCE:
        if f"{kind}.csv" not in by_name:
            raise InputError(f"{kind}.csv", "is missing from the run's inputs")
    workdir.mkdir(parents=True, exist_ok=True)
    tables = {kind: read_table(by_name[f"{kind}.csv"], kind, policy.aliases) for kind in REFERENCE}
    tables["workers"], more_phones = split_worker_phones(tables["workers"])     # a phone changed in the month
    require_worker_mobiles(tables["workers"])
    refuse_unread_worker_phones(tables["workers"], replay)
    refuse_unread_grid_columns(tables["grids"], replay)
    refuse_unread_end_dates(tables, month, replay)          # 截止日期, 离职日期: the days a worker is paid for
    workers = tables["workers"]     # each phone as a platform masks it too: ingest/masked_phones.py
    workers["phone_mask_hash"] = (workers["phone"].map(lambda v: masked_phone_hash(v, key), na_action="ignore")
                                  if "phone" in workers.columns else None)
    write_near_phones(workers, key, workdir)        # hashes of numbers one digit off hers: a typo in workers.csv
    tables["workers"] = with_hashed_phone(workers, "phone", key)
    pd.DataFrame([(w, phone_hash(p, key)) for w, p in more_phones], columns=["worker_id", "phone_hash"],
                 dtype="string").to_parquet(workdir / CELL_PHONES, index=False)
    adjustments = by_name.get("adjustments.csv")
    tables["adjustments"] = (read_table(adjustments, "adjustments", policy.aliases) if adjustments
                             else pd.DataFrame(columns=["source_file", "row_number", "worker_id", "month",
                                                        "amount", "reason", "approved_by"], dtype="string"))
    tables |= review_tables(by_name, month, policy.aliases)     # appeals, verification calls (optional)
    tables["appeals"]["resident_grid"] = resident_grids(tables["appeals"], tables["grids"], grid_aliases(tables["grids"]),
                                                        month if policy.review.shared_grid_names_refused else None)
    for kind, optional in (("assignments", "end_date"), ("assignments", "weight"), ("grids", "area")):
        if optional not in tables[kind].columns:
            tables[kind][optional] = pd.Series(pd.NA, index=tables[kind].index, dtype="string")
    _normalise_dates(tables)
    say_deductions_elsewhere(tables["adjustments"], month, policy.outcome.deduction_words)    # 备注: 扣款 (trial 310)
    communities = grid_communities(tables["grids"])
    for a, b in communities_alike(communities.values()):     # said, not stopped: pay is the month's, not a community's
        grids = {name: ", ".join(g for g, c in communities.items() if c == name) for name in (a, b)}
        log.warning("grids.csv names the communities '%s' (%s) and '%s' (%s): one community typed two ways? Each name "
                    "gets a scorecard and a residents' notice of its own", a, grids[a], b, grids[b])
    say_unsaved_formulas([s for s in sources if is_survey(s)], policy.unsaved_formulas_refused)   # the Dask path's too
    refuse_error_cells([s for s in sources if is_survey(s)], replay)
    if surveys:
        reading = replace(survey_reading(policy), door_numbers_hidden=hidden_doors,     # output format 22
                          worker_names=worker_names(tables["workers"]),
                          listed_compounds=tuple(sorted({c for cs in listed_compounds(tables["grids"]).values() for c in cs})))
        stage_surveys([s for s in sources if is_survey(s)], reading, key, workdir, month,
                      grid_names(tables["grids"]), compounds_by_answer(tables["grids"], policy),
                      compound_other_names(tables["grids"], policy.compound_suffix_dropped),
                      communities)
    tables["grid_compounds"] = grid_compound_rows(tables["grids"], policy.compound_suffix_dropped)
    others = compound_other_names(tables["grids"], policy.compound_suffix_dropped)      # kept with the run
    tables["compound_names"] = pd.DataFrame(list(others.items()), columns=["other_name", "compound"], dtype="string")
    for name, frame in tables.items():
        frame.to_parquet(workdir / f"{name}.parquet", index=False)
