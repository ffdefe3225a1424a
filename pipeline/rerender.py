"""Render a published month's reports again from the warehouse: `gridpay render` (a payroll run
published with --reports none or hr gets its documents later) and `gridpay finalize` (the HR
scorecards then say 已定稿, by whom and when).

Nothing in out/ is trusted: the month's files are first checked against the SHA-256 the warehouse
recorded for them, and refused if any differs; the policy is parsed from its archived bytes. The
documents are rendered into a copy of the month being assembled, which is swapped in whole, and the
warehouse then records the new files' hashes, so that `gridpay audit` checks the new documents."""
from __future__ import annotations

import json
import logging
import re
import shutil
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from gridpay.pipeline.audit import find_run, published_file_problems
from gridpay.core.errors import ConfigError, GateFailed
from gridpay.core.layout import publish_folder
from gridpay.core.settings import Settings
from gridpay.pipeline.steps import archived_policy
from gridpay.ingest.staging import is_survey
from gridpay.publishing.outputs import output_hashes, swap_into_place, write_manifest
from gridpay.publishing.ownership import check_month_owned, warehouse_identity
from gridpay.publishing.render_clock import rendered_as_of
from gridpay.publishing.report_data import final_time
from gridpay.publishing.reporting import render_reports
from gridpay.reports.fonts import fonts_dated
from gridpay.reports.pdf_fonts import embedded_font_dates, file_link_bases
from gridpay.reports.render import links_based
from gridpay.pipeline.maintenance import exclusive
from gridpay.pipeline.review_gate import finalize_blockers, known_wrong, policy_set_apart, uncalled_sample
from gridpay.store.runs import finalize, record_outputs, unfinalize
from gridpay.store.stale_windows import stale_months
from gridpay.store.warehouse import connect, require_warehouse

log = logging.getLogger("gridpay")

REPORT_PARTS = ("scorecard.html", "scorecard.pdf", "scorecards/", "workers/", "notice/")


def published_with(recorded: dict[str, str]) -> str:
    """What a month was published with (all, hr or none), from the files the warehouse recorded."""
    if any(name.startswith("workers/") for name in recorded):
        return "all"
    return "hr" if "scorecard.html" in recorded else "none"


def _rendered_again(name: str, reports: str) -> bool:
    """Whether the file `name` (a folder ends in /) is one that rendering `reports` writes."""
    parts = REPORT_PARTS if reports == "all" else tuple(p for p in REPORT_PARTS if p != "workers/")
    return any(name == part or (part.endswith("/") and name.startswith(part)) for part in parts)


def _language(month_dir: Path) -> str:
    """The language the month's scorecard was rendered in (checked against its hash first)."""
    page = month_dir / "scorecard.html"
    found = re.search(r'<html lang="(\w+)"', page.read_text(encoding="utf-8")[:500]) if page.is_file() else None
    return found.group(1) if found else "zh"


def rerender_locked(settings: Settings, month: str, reports: str | None = None, lang: str | None = None) -> list[dict]:
    """Render the month's reports (default: what it was published with) into a copy of the month
    and swap it in; the caller holds the warehouse lock. Returns the files with their SHA-256."""
    run_id, _, inputs, recorded = find_run(settings.db, month, None, doing="render")
    target = settings.out / month
    if not target.is_dir():
        raise ConfigError(f"{target}: the published month is not there (give --out, or set GRIDPAY_OUT)")
    with connect(settings.db) as con:
        check_month_owned(target, settings.db, con)         # the month's own folder, not another warehouse's
        warehouse = warehouse_identity(con, settings.db, settings.out)
    problems = published_file_problems(target, recorded)
    if problems:
        raise ConfigError(f"{problems[0]}{f' (and {len(problems) - 1} more)' if len(problems) > 1 else ''}; "
                          f"the month's files are not what the warehouse recorded, so nothing is rendered over "
                          f"them: `gridpay audit --month {month}` lists every difference")
    if reports is None:         # what the month was published with; a month without reports, all
        reports = published_with(recorded).replace("none", "all")
    lang = lang or _language(target)
    policy = archived_policy(settings.archive, settings.archive_key_file, inputs, month)
    assembled = publish_folder(settings.out, f"render-{uuid.uuid4().hex[:8]}")
    try:
        shutil.copytree(target, assembled, ignore=lambda folder, names: [
            n for n in names if _rendered_again((Path(folder) / n).relative_to(target).as_posix() + (
                "/" if (Path(folder) / n).is_dir() else ""), reports)])
        manifest = json.loads((assembled / "manifest.json").read_text(encoding="utf-8"))
        (assembled / "manifest.json").unlink()
        with connect(settings.db) as con:
            render_reports(con, run_id, assembled, policy, lang, reports, empty_month=not any(map(is_survey, inputs)))
        # a manifest from before manifests named their warehouse gets this one's (the run is its)
        write_manifest(assembled, {"warehouse": warehouse, **{k: v for k, v in manifest.items() if k != "outputs"}})
        outputs = output_hashes(assembled) + output_hashes(assembled, only="manifest.json")
        swap_into_place(assembled, target)
    finally:
        shutil.rmtree(assembled, ignore_errors=True)
    record_outputs(settings.db, run_id, outputs)
    return outputs


def document_differences(settings: Settings, month: str, run_id: str, inputs: list, recorded: dict[str, str]) -> list[str]:
    """The published month's documents (HTML, PDF) that differ from those its warehouse renders: what an
    audit of the CSVs cannot see (a sixty-second trial edited a worker sheet's pay and its recorded hash
    together; the audit passed). Rendering is deterministic: the same figures give the same bytes. A
    document is rendered as of today, then, where it differs, as of its publication, as of today as a draft
    and as finalize renders the HR documents alone (publishing/render_clock.py: a worker sheet keeps the
    window of its day when finalize renders the HR documents again); it differs if it matches none."""
    reports = published_with(recorded)
    if reports == "none":
        return []
    target = settings.out / month
    first = _rendered(settings, month, run_id, inputs, reports)
    shown = _differing(target, first, sorted({n for n in [*first, *recorded] if _rendered_again(n, reports)}))
    with connect(settings.db) as con:
        published_at = con.execute("select started_at from runs where run_id = ?", [run_id]).fetchone()[0]
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    # as published; as of today before finalize; as finalize and `render --reports hr` render the HR documents
    # alone (their fonts' subset without the worker sheets' characters: trial 72's corrected and finalized
    # December failed on scorecard.pdf and the notice's PDF)
    passes = ((published_at, True, reports), (now, True, reports), (now, False, "hr"))
    for at, draft, which in passes:
        if shown and (which != "hr" or reports == "all"):
            with rendered_as_of(at, draft):
                shown = _differing(target, _rendered(settings, month, run_id, inputs, which), shown)
    # a PDF whose fonts were cut elsewhere (a restored machine, an emptied cache: trial 74), with their dates
    for dates in _font_dates(target, shown):
        for at, draft, which in ((now, False, reports), *passes):
            if shown and (which != "hr" or reports == "all"):
                with rendered_as_of(at, draft), fonts_dated(dates):
                    shown = _differing(target, _rendered(settings, month, run_id, inputs, which), shown)
    # a district scorecard of output format 29 or before links to files inside the package that rendered it: rendered
    # again with that folder (trial 247's, audited from another install)
    for base in _link_bases(target, shown):
        for at, draft, which in passes:
            if shown and (which != "hr" or reports == "all"):
                with rendered_as_of(at, draft), links_based(base):
                    shown = _differing(target, _rendered(settings, month, run_id, inputs, which), shown)
    return [f"{target / name}: differs from the document rendered again from the warehouse's figures (the document, or "
            f"the warehouse's figures behind it, edited since it was published?)" for name in shown]


def _link_bases(target: Path, shown: list[str]) -> list[str]:
    """The templates folders the differing PDFs' links to community pages resolved in ('file:///.../templates/')."""
    bases = [b for n in shown if n.endswith(".pdf") and (target / n).is_file()
             for b in file_link_bases((target / n).read_bytes())]
    return list(dict.fromkeys(bases))


def _font_dates(target: Path, shown: list[str]) -> list[dict[str, int]]:
    """The distinct dates of the font subsets the differing PDFs embed (reports/pdf_fonts.py)."""
    dates = [embedded_font_dates((target / n).read_bytes()) for n in shown if n.endswith(".pdf") and (target / n).is_file()]
    return [d for i, d in enumerate(dates) if d and d not in dates[:i]]


def _differing(target: Path, rendered: dict[str, bytes], names: list[str]) -> list[str]:
    return [n for n in names if not (target / n).is_file() or (target / n).read_bytes() != rendered.get(n)]


def _rendered(settings: Settings, month: str, run_id: str, inputs: list, reports: str) -> dict[str, bytes]:
    """The month's documents as the warehouse renders them, by their path in the month's folder."""
    scratch = publish_folder(settings.out, f"audit-{uuid.uuid4().hex[:8]}")
    try:
        scratch.mkdir(parents=True, mode=0o700)
        with connect(settings.db) as con:
            render_reports(con, run_id, scratch, archived_policy(settings.archive, settings.archive_key_file, inputs,
                                                                 month), _language(settings.out / month), reports,
                           empty_month=not any(map(is_survey, inputs)))
        return {p.relative_to(scratch).as_posix(): p.read_bytes() for p in scratch.rglob("*") if p.is_file()}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def render_month(settings: Settings, month: str, reports: str | None = None, lang: str | None = None) -> list[dict]:
    db = require_warehouse(settings.db)
    with exclusive(db, settings.out, f"gridpay render --month {month}", settings.lock_timeout_s):
        return rerender_locked(settings, month, reports, lang)


class Finalized(NamedTuple):
    run_id: str
    rendered: bool             # a month published with --reports none has no documents to mark
    already: tuple | None      # (run id, by, at as the scorecard prints it) where the run was final already
    forced_shown: bool = False     # finalized with --force under output format 12: the documents say so


def finalize_month(settings: Settings, month: str, by: str, forced_reason: str | None = None) -> Finalized:
    """Record the month final and render its HR documents again to say so. Refused (GateFailed)
    while the 公示 cycle is not over, unless `forced_reason` says why (recorded). A month whose
    published run is final already keeps who signed it and when (a sixty-ninth trial's second
    finalize replaced them and said "finalized" again)."""
    db = require_warehouse(settings.db)
    with exclusive(db, settings.out, f"gridpay finalize --month {month}", settings.lock_timeout_s):
        run_id, _, inputs, recorded = find_run(db, month, None, doing="finalize")
        policy = archived_policy(settings.archive, settings.archive_key_file, inputs, month)
        blockers = finalize_blockers(db, settings.inbox, month, run_id, policy)
        blockers += policy_set_apart(db, run_id, settings.policy)
        with connect(db) as con:        # scored on an earlier month's run that is no longer published
            stale = [later.line() for later in stale_months(con) if later.month == month]
            done = con.execute("select run_id, finalized_by, finalized_at from finalized where month = ?",
                               [month]).fetchone()
            fmt = con.execute("select coalesce(output_format, 1) from runs where run_id = ?", [run_id]).fetchone()[0]
        wrong = known_wrong(blockers) + stale
        blockers += stale
        if wrong and forced_reason:
            raise ConfigError(f"{month}: finalize refused: {'; '.join(wrong)}. --force finalizes a month whose "
                              f"window is open or whose appeals are pending, never pay known to be wrong (nor an appeal's "
                              f"status on its scorecard)")
        # trial 229's re-check: a changed target alone read "after the window and the appeals" (both past) and
        # seemed to invite --force, which would lock in the old target's pay
        waiting = any(b.startswith("the appeal window") or b.endswith(" is pending") for b in blockers)
        if blockers and not forced_reason:     # --force is offered only where it may finalize (a trial's was refused)
            then = ("Run the month again as said (--force never finalizes pay known to be wrong), then finalize" if wrong
                    else "Finalize after the window and the appeals, or with --force --reason \"...\" (recorded)"
                    if waiting else "Do as the line says, then finalize; --force --reason \"...\" (recorded) finalizes "
                    "the month as published")
            raise GateFailed(f"{month} cannot be finalized now: {'; '.join(blockers)}. {then}")
        if done is not None and done[0] == run_id:      # after the checks: an appeal decided since still stops it
            # in the community's time, as the scorecard prints it (trial 145 read 16:15 UTC before the window opened)
            return Finalized(run_id, False, (*done[:2], final_time(done[2], policy.timezone, 99)))
        previous = finalize(db, month, by, datetime.now(timezone.utc).replace(tzinfo=None),
                            forced_reason if blockers else None, waiting)
        if uncalled := uncalled_sample(db, month=month, run_id=run_id, policy=policy):
            log.warning("%s", uncalled)
        if published_with(recorded) == "none":
            return Finalized(run_id, False, None)
        # the HR documents and the notice carry the status; worker sheets do not, and are kept, but from output
        # format 12 a month finalized with --force says so on them too (trial 81's still invited appeals)
        forced_shown = bool(blockers) and fmt >= 12
        try:
            rerender_locked(settings, month, published_with(recorded) if forced_shown else "hr")
        except BaseException:
            unfinalize(db, month, previous)        # the documents still say 草稿: so does the warehouse
            raise
        return Finalized(run_id, True, None, forced_shown)
