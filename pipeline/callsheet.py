"""`gridpay callsheet`: the phone numbers HR needs for the month's verification calls (回访) and
callbacks, and no other. The numbers are read from the encrypted archive of the month's published
run, decrypted into a private scratch folder next to the warehouse (removed at once), and written
to one file the caller names: created 0600, never inside out/, never over an existing file. Each
disclosure (who, when, how many numbers, where to) is recorded in the warehouse; `history` shows it.
Nothing else in gridpay ever writes a phone number in clear."""
from __future__ import annotations

import csv
import os
import shutil
import tempfile
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath

from gridpay.core.errors import ConfigError
from gridpay.core.secret_key import ArchiveKeys
from gridpay.core.settings import Settings
from gridpay.ingest.archive import blob_path, open_blob
from gridpay.ingest.formats import OPTIONAL, REQUIRED, Source
from gridpay.ingest.staging import is_survey
from gridpay.ingest.survey_files import read_survey_file, survey_reading
from gridpay.pipeline.audit import find_run
from gridpay.pipeline.maintenance import exclusive
from gridpay.pipeline.steps import archived_policy
from gridpay.publishing import report_data as data
from gridpay.publishing.verification import verify_rows
from gridpay.transforms.privacy import is_masked_phone
from gridpay.transforms.review_terms import RESULTS
from gridpay.core.layout import private_work
from gridpay.store.runs import published_runs
from gridpay.store.warehouse import connect, require_warehouse

SHEET_COLUMNS = ("response_id", "grid_name", "household_id", "phone", "why")


def _wanted(con, run_id: str, month: str, policy) -> dict[int, dict]:
    """row_id -> the line of the sheet (phone to come): verify.csv's rows, then callbacks.csv's."""
    lines = {r["row_id"]: {**r, "why": r["why"]} for r in verify_rows(con, run_id, month, policy)}
    for row in con.execute(data.CALLBACK_SQL, data.callback_params(run_id, policy.overall_item,
                                                                   policy.callback_at_or_below)).fetchall():
        line = dict(zip((*data.CALLBACK_COLUMNS, "grid_id", "submitted_at_ts", "row_id"), row))
        lines.setdefault(line["row_id"], {"grid_name": line["grid_name"], "household_id": line["household_id"],
                                          "why": "callback", "grid_id": line["grid_id"]})
    communities = dict(con.execute("select grid_id, community from raw_grids where run_id = ?", [run_id]).fetchall())
    if len(set(communities.values())) > 1:     # trial 122: two communities' 第一网格 4栋1单元101, one to visit
        for line in lines.values():
            line["grid_name"] = f"{communities.get(line.get('grid_id'), '')} {line['grid_name']}".strip()
    places = con.execute("select row_id, source_file, row_number, response_id from raw_surveys where run_id = ? "
                         "and row_id in (select unnest(?))", [run_id, list(lines)]).fetchall()
    for row_id, source_file, row_number, response_id in places:
        lines[row_id].update(source_file=source_file, row_number=int(row_number), response_id=response_id)
    return lines


def _phones(settings: Settings, inputs: list, policy, month: str, grid_ids: list[str], scratch: Path) -> dict:
    """(source_file, row_number) -> the respondent's phone as typed, read from the archived survey files."""
    keys, phones = ArchiveKeys(settings.archive_key_file, create=False), {}
    for entry in (e for e in inputs if is_survey(Source(e.name, Path(e.name)))):
        path = open_blob(settings.archive, entry.sha256, keys, scratch)
        read = read_survey_file(Source(entry.name, path), month, survey_reading(policy), grid_ids)
        if "respondent_phone" not in read.frame.columns:
            continue
        for number, phone in zip(read.frame["row_number"], read.frame["respondent_phone"]):
            if isinstance(phone, str) and phone.strip():
                # a run before inbox paths (output format 1) named the file without its folder
                for name in {entry.name, PurePosixPath(entry.name).name}:
                    phones[(name, int(number))] = phone.strip()
        if path != blob_path(settings.archive, entry.sha256):
            path.unlink(missing_ok=True)
    return phones


def called_answers(settings: Settings, month: str, before: datetime | None) -> set[str] | None:
    """The response ids any run of `month` published before `before` (None: now) listed for a call
    (verify.csv, callbacks.csv): the answers whose calls HR can have made. None when none was."""
    with connect(settings.db) as con:
        runs = published_runs(con, month, before)
    if not runs:
        return None
    policies = {run_id: archived_policy(settings.archive, settings.archive_key_file,
                                        find_run(settings.db, month, run_id, doing="check the calls of")[2], month)
                for run_id in runs}
    with connect(settings.db) as con:
        return {line["response_id"] for run_id, policy in policies.items()
                for line in _wanted(con, run_id, month, policy).values()}


def write_call_sheet(settings: Settings, month: str, by: str, to: Path) -> tuple[int, int, int]:
    """Write the call sheet to `to`; returns (lines, phone numbers written, those of them the platform masked)."""
    db = require_warehouse(settings.db)
    target = Path(os.path.abspath(to))
    if target.is_relative_to(Path(os.path.abspath(settings.out))):
        raise ConfigError(f"{target}: a call sheet holds phone numbers in clear and is never written inside out/ "
                          f"({settings.out}), which is published and shared; name a file elsewhere")
    if os.path.lexists(target):
        raise ConfigError(f"{target}: exists; a call sheet is never written over a file: name a new one")
    if not target.parent.is_dir():     # said before the work (a trial's ended on a fault line naming out/)
        raise ConfigError(f"{target.parent}: no such folder for the call sheet; make it first (it will hold phone "
                          f"numbers in clear: a folder only you can read, mkdir -m 700) or name a file elsewhere")
    with exclusive(db, settings.out, f"gridpay callsheet --month {month}", settings.lock_timeout_s):
        run_id, _, inputs, _ = find_run(db, month, None, doing="write a call sheet for")
        policy = archived_policy(settings.archive, settings.archive_key_file, inputs, month)
        with connect(db) as con:
            lines = _wanted(con, run_id, month, policy)
            grid_ids = [g for (g,) in con.execute("select grid_id from raw_grids where run_id = ? order by row_number",
                                                  [run_id]).fetchall()]
        private_work(db).mkdir(mode=0o700, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix="callsheet-", dir=private_work(db)))
        try:
            phones = _phones(settings, inputs, policy, month, grid_ids, scratch)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        # a phone cell without a digit (无, 不愿透露) is no number (trial 293's: "a number given for several homes")
        rows = [{**line, "phone": _number_or_blank(phones.get((line.get("source_file"), line.get("row_number")), ""))}
                for _, line in sorted(lines.items())]
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, SHEET_COLUMNS, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        numbers = sum(1 for r in rows if r["phone"])
        shared = shared_number_lines(rows)
        masked = sum(1 for r in rows if is_masked_phone(r["phone"]))     # 138****5678: nobody can dial it
        with connect(db) as con:
            con.execute("insert into disclosures values (?, ?, ?, ?, ?, ?)",
                        [month, run_id, by, datetime.now(timezone.utc).replace(tzinfo=None), numbers, str(target)])
    return len(rows), numbers, masked, shared


def _number_or_blank(phone: str) -> str:
    return phone if any(c.isdigit() for c in phone or "") else ""


def shared_number_lines(rows: list[dict]) -> int:
    """The sheet's lines whose number is given for two homes or more: a volunteer's or a worker's own, typed for the
    homes she visited (a ninety-eighth trial's sheet sent 16 calls to volunteer 李强's phone)."""
    homes: dict[str, set] = {}
    for r in rows:
        if r["phone"] and not is_masked_phone(r["phone"]):
            homes.setdefault("".join(c for c in r["phone"] if c.isdigit()), set()).add(r.get("household_id"))
    return sum(1 for r in rows if len(homes.get("".join(c for c in r["phone"] if c.isdigit()), ())) > 1)


def results_file(month: str) -> str:
    """Where and how each call's result is recorded (a trial's clerk, with the README only, found no columns)."""
    columns = ",".join(REQUIRED["verification"] + OPTIONAL["verification"])
    return (f"record each result in the inbox's verification/{month}.csv, a row each: {columns} (result: "
            f"{', '.join(RESULTS.values())}), and run the month again to apply them")


def sheet_summary(month: str, lines: int, numbers: int, masked: int, shared: int = 0) -> str:
    """What the call sheet holds, as HR reads it: the numbers they can dial, and what to do about the
    answers they cannot (a trial read "0 phone numbers in clear" as nothing to do)."""
    shown = (f"{numbers - masked} phone numbers in clear and {masked} the survey platform masked (nobody can dial "
             f"those: download the answers with the numbers shown)" if masked else f"{numbers} phone numbers in clear")
    none = (f"; {lines - numbers} of the answers left no phone: verify those by a visit (入户回访) and record the "
            f"result in verification/{month}.csv as for a call" if lines > numbers else "")
    # a number typed for the homes one person visited reaches her: "I typed it" is no household's 未参与
    many = (f"; {shared} lines give a number given for several homes, most often the volunteer's or worker's who "
            f"typed the forms she collected: ask for the household by its door number, and record 未参与 only where "
            f"the household says it did not answer, never because the number's owner says she typed it"
            if shared else "")
    return f"{lines} calls of {month} (verify.csv and callbacks.csv), {shown}, readable by you only{none}{many}"
