"""A re-run of a published month reads today's inbox. Its reference files (grids.csv, workers.csv,
assignments.csv, adjustments.csv) and the policy describe the community now, not as it was that
month: a target raised from November on, a grid renamed, an adjustments file holding only the
latest month. Re-run for an appeal, October would be paid on November's targets (a field trial:
2400.00 became 2640.00, exit 0). So a re-run whose reference files or policy differ from the ones
the published run read stops and says what differs; `--reference published` re-uses those
(archived) files, `--reference inbox` takes today's on purpose (a correction of them)."""
from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from gridpay.core.secret_key import ArchiveKeys
from gridpay.ingest.archive import InputFile, archive_file, blob_bytes, open_blob
from gridpay.ingest.formats import Source, read_table
from gridpay.core.errors import ConfigError
from gridpay.core.month import Month
from gridpay.core.policy_file import policy_from_bytes
from gridpay.pipeline.context import ArchivedInputs, MonthRequest
from gridpay.pipeline.policy_versions import changed_rules
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.steps import POLICY_NAME
from gridpay.store.warehouse import connect
from gridpay.transforms.amounts import amount_value
from gridpay.transforms.parsing import normalized_date, normalized_month
from gridpay.transforms.privacy import normalized_phone
from gridpay.transforms.row_changes import row_changes

# the files a re-run may re-use from the published run, and the columns that key their rows
KEYS = {"grids.csv": ("grid_id",), "assignments.csv": ("worker_id", "grid_id", "start_date"),
        "workers.csv": ("worker_id",), "adjustments.csv": ("worker_id", "month")}
REUSED = (*KEYS, POLICY_NAME)      # in this order: assignments before the workers they name
log = logging.getLogger("gridpay")
SHOWN = 4            # changed rows named per file; the rest are counted
WHERE = ("source_file", "row_number")     # where a row is, not what it says
MONEY = ("perf_pay_target", "amount")       # compared as amounts: 2,000.00 is 2000.00 (a trial's false change)


def published_run(db: Path, request: MonthRequest, kind: str) -> tuple[str, tuple[InputFile, ...]] | None:
    """(run id, the inputs it read) of the published run a run of the month replaces; None: the
    month is not published, or this is an audit (it replays its own run's inputs)."""
    if kind == "audit" or request.replay is not None:
        return None
    with connect(db) as con:
        row = con.execute("select r.run_id, r.inputs_json from published p join runs r using (run_id) "
                          "where p.month = ?", [request.month]).fetchone()
    if row is None or not row[1]:
        if request.reference == "published":
            raise ConfigError(f"--reference published: {request.month} has no published run to take its reference "
                              f"files from")
        return None
    return row[0], tuple(InputFile(**e) for e in json.loads(row[1]))


def with_published_reference(request: MonthRequest, published: tuple[str, tuple[InputFile, ...]] | None
                             ) -> MonthRequest:
    """The request, re-using the published run's reference files and policy under `--reference published`."""
    if published and request.reference == "published":
        return replace(request, reuse=reused_entries(published[1], request.take))
    return request


def reused_entries(published: tuple[InputFile, ...], take: tuple[str, ...] = ()) -> tuple[InputFile, ...]:
    """The published run's reference files and policy, for `--reference published`, but those
    `--take` takes from today's inbox."""
    return tuple(e for e in published if e.name in REUSED and e.name not in take)


def today_reference(request: MonthRequest, keys: ArchiveKeys) -> ArchivedInputs | None:
    """Today's reference files and policy, archived, to say what a `--reference published` re-run
    leaves out; None: today's policy does not read (the re-run does not need it)."""
    s = request.settings
    files = tuple(archive_file(s.inbox / name, s.archive, name, keys) for name in KEYS if (s.inbox / name).is_file())
    try:
        policy_file = archive_file(s.policy, s.archive, POLICY_NAME, keys)
        policy = policy_from_bytes(blob_bytes(s.archive, policy_file.sha256, keys), str(s.policy))
    except (OSError, ConfigError):
        return None
    return ArchivedInputs(files, policy_file, policy)


def say_left_as_published(published: tuple[InputFile, ...], request: MonthRequest, keys: ArchiveKeys,
                         scratch: Path) -> None:
    """A `--reference published` re-run says which of today's files it does not apply (a late
    adjustment left unpaid without a word: a trial's exit 0), with the `--take` that applies one."""
    today = today_reference(request, keys)
    if today is None:
        return
    scratch.mkdir(parents=True, exist_ok=True)
    lines = {name: line for name, line in drift(published, today, request.month, request.settings.archive, keys,
                                                  scratch).items() if name not in request.take}
    if lines:
        taken = f" (but today's {', '.join(request.take)}, as --take says)" if request.take else ""
        log.warning("--reference published: %s is run on the reference files and policy it was published with%s; "
                    "today's differ, and this run does not apply them: %s. If one holds a change for %s too (a late "
                    "adjustment), run it again adding --take and the file (%s)", request.month, taken,
                    " | ".join(lines.values()), request.month, take_names(lines), extra=headed("reference_files"))


def take_names(lines: dict[str, str]) -> str:
    return ", ".join(f"--take {'policy' if name == POLICY_NAME else name.removesuffix('.csv')}" for name in lines)


def drift(published: tuple[InputFile, ...], now: ArchivedInputs, month: str, archive: Path, keys: ArchiveKeys,
          scratch: Path) -> dict[str, str]:
    """What differs between the published run's reference files and policy and today's, a line
    a file (by its name); none: the re-run reads what the month was published from. Files are compared by their
    bytes, then (if they differ) row by row, so that a file saved again unchanged is no difference,
    and only rows that bear on the month: its adjustments, the assignments covering a day of it and
    the workers those name (a hire of the month after changes nothing in it)."""
    before = {e.name: e for e in published if e.name in REUSED}
    after = {e.name: e for e in (*now.files, now.policy_file) if e.name in REUSED}
    read = {}                  # (file, side) -> rows: assignments first, for the workers they name
    lines = {}
    for name in REUSED:
        old, new = before.get(name), after.get(name)
        if (old and old.sha256) == (new and new.sha256):
            continue
        try:
            if name == POLICY_NAME:
                then = policy_from_bytes(blob_bytes(archive, old.sha256, keys), POLICY_NAME) if old else None
                was = then.version if then else "none"
                if then and was == now.policy.version and not [r for r in changed_rules(then, now.policy)
                                                               if r != "version"]:
                    continue    # a comment or a blank line: the same rules (a new build's shipped policy's notes)
                lines[name] = (f"the policy (version {was} when published, {now.policy.version} now)" if was !=
                               now.policy.version else f"the policy (changed since, its version {was} unchanged: a policy "
                               f"paying on other rules needs a new version)")
                continue
            wanted = {name} | ({"assignments.csv"} if name == "workers.csv" else set())
            for file in wanted - {f for f, _ in read}:
                for side, entry in (("old", before.get(file)), ("new", after.get(file))):
                    read[file, side] = reference_rows(file, entry, month, now.policy.aliases, archive, keys, scratch)
            changes = _row_changes(_month_rows(name, read, month))
        except (OSError, ConfigError) as exc:      # its archived copy is gone: the bytes differ, that is all
            lines[name] = (f"{name} differs from the copy archived when the month was published, which cannot "
                           f"be read ({exc})")
            continue
        if changes:
            lines[name] = (f"{name}: " + "; ".join(changes[:SHOWN]) +
                           (f"; and {len(changes) - SHOWN} more" if len(changes) > SHOWN else ""))
    return lines


def reference_rows(name: str, entry: InputFile | None, month: str, aliases: dict, archive: Path, keys: ArchiveKeys,
                   scratch: Path) -> dict[tuple, dict]:
    if entry is None:
        return {}
    path = open_blob(archive, entry.sha256, keys, scratch)
    try:
        frame = read_table(Source(name, path), name.removesuffix(".csv"), aliases)
    finally:
        if path.parent == scratch:
            path.unlink(missing_ok=True)
    # a phone as the run hashes it: 138 0000 0002 typed with spaces is the same phone (a trial read "phone changed")
    records = [{c: "" if pd.isna(v) else _money(v) if c in MONEY else (normalized_phone(str(v)) or str(v)) if c == "phone"
                else str(v) for c, v in r.items() if c not in WHERE} for r in frame.to_dict("records")]
    if name == "adjustments.csv":          # only the month's own adjustments pay in it
        records = [{**r, "month": month} for r in records if normalized_month(r["month"]) == month]
    if name == "assignments.csv":          # only the days of the month: a row as the month sees it
        records = [seen for seen in (_in_month(r, month) for r in records) if seen is not None]
    rows, seen = {}, Counter()
    for record in records:                 # a key typed twice (two adjustments): the second is "#2"
        key = tuple(record.get(k, "") for k in KEYS[name])
        seen[key] += 1
        rows[key if seen[key] == 1 else (*key, f"#{seen[key]}")] = record
    return rows


def _money(value: object) -> str:
    """An amount as the run reads it (parsing.normalized_amount), to the fen: '2,000.00', '2000' and
    '2000元' are one target; a text that is no amount, as typed."""
    amount = amount_value(value)
    return str(value) if amount is None else str(amount.quantize(Decimal("0.01")))


def _dates(row: dict, month: str) -> tuple[str | None, str | None, str, str]:
    """(start, end) as dates (2025年3月1日 is 2025-03-01; None: blank), and the month's first and last day."""
    m = Month.parse(month)
    return (normalized_date(row.get("start_date")), normalized_date(row.get("end_date")), m.first_day.isoformat(),
            m.last_day.isoformat())


def _in_month(row: dict, month: str) -> dict | None:
    """An assignment row as the month sees it: its dates within the month (a start before it is the
    1st, an end after it blank) and its weight as a number (blank is 1): a file saved again with 年月日
    dates, or an end date set in a later month, changes nothing here. None: it covers no day of the
    month; a date that does not read: the row as typed (validation names it)."""
    start, end, first, last = _dates(row, month)
    if start is None or len(start) != 10 or (end is not None and len(end) != 10):
        return row
    if start > last or (end is not None and end < first):
        return None
    weight = (row.get("weight") or "").strip() or "1"
    try:
        weight = format(Decimal(weight).normalize(), "f")      # 50, not 5E+1 (trial 158's re-check)
    except InvalidOperation:
        pass
    return {**row, "start_date": max(start, first), "end_date": "" if end is None or end >= last else end,
            "weight": weight}


def _month_rows(name: str, read: dict, month: str) -> tuple[dict, dict]:
    """Both sides' rows of `name` that bear on the month (assignments: read so, _rows)."""
    a, b = read[name, "old"], read[name, "new"]
    if name == "workers.csv":
        named = {r["worker_id"] for side in ("old", "new") for r in read["assignments.csv", side].values()}
        return {k: r for k, r in a.items() if k[0] in named}, {k: r for k, r in b.items() if k[0] in named}
    return a, b


def _row_changes(rows: tuple[dict, dict]) -> list[str]:
    changes = []
    for change in row_changes(*rows):
        # W1; (W15, G02, 2026/11/16): a key of several columns, whose dates hold slashes, bracketed
        label = change.key[0] if len(change.key) == 1 else f"({', '.join(change.key)})"
        if change.kind != "changed":
            changes.append(f"{label} {change.kind}")
            continue
        # a phone is said to have changed, never shown
        cells = ["phone changed" if c == "phone" else f"{c} {old or '(blank)'} -> {new or '(blank)'}"
                 for c, old, new in change.cells]
        changes.append(f"{label} " + ", ".join(cells))
    return changes


def drift_message(month: str, run_id: str, lines: dict[str, str]) -> str:
    return (f"{month} was published (run {run_id}) from other reference files than the inbox holds now: "
            f"{' | '.join(lines.values())}. Re-run on today's files, {month} would be paid on them; nothing "
            f"published. To re-run it with the files it was published with, add --reference published; to take "
            f"some of today's for {month} and the rest as published (a late adjustment), add --reference published "
            f"and the files to take ({take_names(lines)}); if all of the change applies to {month} too (a "
            f"correction of them{_its_rules_too(lines)}), add --reference inbox")


def _its_rules_too(lines: dict[str, str]) -> str:
    """Where the policy differs, that --reference inbox takes it too (trial 151: October re-paid under November's)."""
    return ", its rules included: re-paid under today's policy" if POLICY_NAME in lines else ""
