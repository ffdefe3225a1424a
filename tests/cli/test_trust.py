"""The audit trusts only what the warehouse recorded; a run applies exactly the policy bytes it
archived. (A killed run's work folder: test_crash_and_concurrency.py.)"""
import csv
import io
import json
from decimal import Decimal

import duckdb
import pytest

from conftest import policy_text
from gridpay.ingest.archive import file_sha256
from gridpay.reports.fonts import fonts_dated
from gridpay.reports.pdf_fonts import embedded_font_dates

REPORTS = "all"      # these tests read the scorecards (run_cli renders them)


@pytest.fixture
def published(published_copy, tmp_path):
    published_copy("all")
    return tmp_path / "out" / "2026-09"


def test_edited_report_with_its_manifest_hash_updated_fails_the_audit(published, run_cli, make_inbox):
    page = published / "workers" / "W1.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>paid in full</p></body>"))
    manifest = json.loads((published / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["outputs"]:
        if entry["file"] == "workers/W1.html":
            entry["sha256"] = file_sha256(page)        # the auditee covers the edit in the manifest
    (published / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    code, _ = run_cli("audit", "--month", "2026-09", inbox=make_inbox())
    out = run_cli.out
    assert code == 1 and "AUDIT FAILED" in out
    assert f"{page}: SHA-256" in out and "when it published the month" in out
    assert f"{published / 'manifest.json'}: SHA-256" in out                  # the manifest itself was edited


def _cover_with_every_hash(published, name: str, db) -> None:
    """What a clerk who can write the warehouse does after editing a published file: its hash updated in the
    manifest and in the warehouse's record, and the manifest's own."""
    manifest = json.loads((published / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["outputs"]:
        if entry["file"] == name:
            entry["sha256"] = file_sha256(published / name)
    (published / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with duckdb.connect(str(db)) as con:
        run_id, outputs = con.execute("select run_id, outputs_json from runs where status = 'published'").fetchone()
        hashes = {name: file_sha256(published / name), "manifest.json": file_sha256(published / "manifest.json")}
        con.execute("update runs set outputs_json = ? where run_id = ?",
                    [json.dumps([{**o, "sha256": hashes.get(o["file"], o["sha256"])} for o in json.loads(outputs)]),
                     run_id])


def test_a_sheet_edited_with_every_recorded_hash_is_found_by_an_audit_of_the_documents(published, run_cli,
                                                                                        make_inbox, tmp_path):
    """A sixty-second trial edited W1's sheet, its manifest entry and the warehouse's recorded hashes: the audit
    passed. `--documents` renders the month's documents again and compares them byte for byte."""
    page = published / "workers" / "W1.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>paid in full</p></body>"))
    _cover_with_every_hash(published, "workers/W1.html", tmp_path / "warehouse.duckdb")
    assert run_cli("audit", "--month", "2026-09", inbox=make_inbox())[0] == 0            # the CSVs are right
    code, _ = run_cli("audit", "--month", "2026-09", "--documents", inbox=make_inbox())
    assert code == 1 and f"DIFFERENT: {page}: differs from the document rendered again" in run_cli.out, run_cli.out
    assert run_cli.out.count("DIFFERENT") == 1


def test_a_month_finalized_after_its_sheets_were_published_audits_clean_with_its_documents(published, run_cli,
                                                                                           make_inbox):
    """A seventy-first trial's September, finalized with --force, failed `audit --documents` on every worker
    sheet and its notice: they keep the window of their day, and were rendered again as of the audit's."""
    assert run_cli("finalize", "--month", "2026-09", "--by", "陈主任", "--force", "--reason", "月底结账",
                   inbox=make_inbox())[0] == 0
    assert "公示期" in (published / "workers" / "W1.html").read_text(encoding="utf-8")      # kept from its day
    assert "已定稿" in (published / "scorecard.html").read_text(encoding="utf-8")          # rendered at finalize
    code, _ = run_cli("audit", "--month", "2026-09", "--documents", inbox=make_inbox())
    assert code == 0 and "AUDIT PASSED" in run_cli.out, run_cli.out


def test_pdfs_whose_fonts_were_cut_on_another_machine_audit_clean_and_an_edit_is_still_found(published, run_cli,
                                                                                            make_inbox, tmp_path):
    """A seventy-fourth trial restored a month on a new laptop: `audit --documents` called all its PDFs edited
    (their font subsets, cut on the old laptop, carried that day's date). The audit renders a differing PDF
    again with the dates its embedded subsets carry."""
    with fonts_dated({"normal": 3000000000, "bold": 3000000001}):        # as an older build cut them elsewhere
        assert run_cli("render", "--month", "2026-09", inbox=make_inbox())[0] == 0
    sheet = published / "workers" / "W1.pdf"
    assert embedded_font_dates(sheet.read_bytes())["normal"] == 3000000000
    code, _ = run_cli("audit", "--month", "2026-09", "--documents", inbox=make_inbox())
    assert code == 0 and "AUDIT PASSED" in run_cli.out, run_cli.out
    sheet.write_bytes(sheet.read_bytes().replace(b"%%EOF", b"% paid in full\n%%EOF"))
    _cover_with_every_hash(published, "workers/W1.pdf", tmp_path / "warehouse.duckdb")
    code, _ = run_cli("audit", "--month", "2026-09", "--documents", inbox=make_inbox())
    assert code == 1 and f"DIFFERENT: {sheet}: differs" in run_cli.out and run_cli.out.count("DIFFERENT") == 1


def test_a_pay_edited_in_payroll_detail_with_every_recorded_hash_fails_the_audit(published, run_cli, make_inbox,
                                                                                 tmp_path):
    """A seventy-third trial raised a worker's total in payroll_detail.csv by 200.00 and updated its hashes in the
    manifest and the warehouse: the audit passed (only payroll.csv, grid_scores.csv and quarantine.csv were re-run)."""
    detail = published / "payroll_detail.csv"
    rows = list(csv.DictReader(io.StringIO(detail.read_text(encoding="utf-8-sig"))))
    rows[0]["total_pay"] = f"{Decimal(rows[0]['total_pay']) + 200:.2f}"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    detail.write_text(out.getvalue(), encoding="utf-8-sig")
    _cover_with_every_hash(published, "payroll_detail.csv", tmp_path / "warehouse.duckdb")
    code, _ = run_cli("audit", "--month", "2026-09", inbox=make_inbox())
    assert code == 1 and f"{detail}: differs from the file the re-run writes from the archived inputs" in run_cli.out
    assert run_cli.out.count("DIFFERENT") == 1, run_cli.out


def test_extra_file_in_a_published_month_fails_the_audit(published, run_cli, make_inbox):
    (published / "workers" / "W9.pdf").write_bytes(b"%PDF-1.7 forged")
    code, _ = run_cli("audit", "--month", "2026-09", inbox=make_inbox())
    assert code == 1 and f"{published / 'workers' / 'W9.pdf'}: not among the files the run published" in run_cli.out


def test_live_policy_edited_during_a_run_does_not_change_it(run_cli, make_inbox, make_policy, tmp_path, monkeypatch):
    import gridpay.pipeline.steps as steps
    policy = make_policy(min_responses=3)
    applied = policy.read_bytes()
    real = steps.fault_point

    def edit_live_policy(name):
        real(name)
        if name == "policy_archived":      # the run has archived the policy: now HR edits it
            policy.write_text(policy_text(min_responses=3, floor=0.10, score_at_floor=90), encoding="utf-8")
    monkeypatch.setattr(steps, "fault_point", edit_live_policy)
    code, err = run_cli("run", "--month", "2026-09", inbox=make_inbox(), policy=policy)
    assert code == 0, err
    assert policy.read_bytes() != applied
    out = tmp_path / "out" / "2026-09"
    import hashlib
    sha = hashlib.sha256(applied).hexdigest()
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["policy"]["sha256"] == sha
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select policy_sha256 from runs").fetchone()[0] == sha
        # the hand-checked figures of the policy as archived (test_hand_check.py), not the edited one
        assert str(con.execute("select total_pay_yuan from payroll where worker_id = 'W1'").fetchone()[0]) == \
            "1161.10"
