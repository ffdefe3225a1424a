import pytest
"""`gridpay render` draws a published month's reports from the warehouse (same bytes as the run
would have written); `gridpay finalize` renders the HR scorecard again saying 已定稿, by whom and
when; neither renders over files that differ from what the warehouse recorded."""
import subprocess

from conftest import XSS

pytestmark = pytest.mark.usefixtures("closed_window")     # they finalize what they publish


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_render_writes_the_bytes_the_run_wrote_and_the_audit_checks_them(published_copy, run_cli, tmp_path):
    inbox, _ = published_copy("all")
    month = tmp_path / "out" / "2026-09"
    rendered_in_the_run = _files(month)
    assert run_cli("render", "--month", "2026-09", inbox=inbox)[0] == 0
    assert _files(month) == rendered_in_the_run            # every file, the manifest included
    assert "rendered the reports of 2026-09 from the warehouse" in run_cli.out
    code, _ = run_cli("audit", "--month", "2026-09", inbox=inbox)
    assert code == 0 and "AUDIT PASSED" in run_cli.out


def test_a_month_published_without_reports_is_finalized_and_gets_them_later(published_copy, run_cli, tmp_path):
    inbox, _ = published_copy("none")
    month = tmp_path / "out" / "2026-09"
    csvs = _files(month)
    assert not (month / "scorecard.pdf").exists()
    assert run_cli("finalize", "--month", "2026-09", "--by", "HR", inbox=inbox)[0] == 0
    assert "published without reports" in run_cli.out
    assert run_cli("render", "--month", "2026-09", "--reports", "hr", inbox=inbox)[0] == 0
    assert "已定稿（HR" in _text(month / "scorecard.pdf") and not (month / "workers").exists()
    assert run_cli("render", "--month", "2026-09", "--reports", "all", inbox=inbox)[0] == 0
    assert len(list((month / "workers").glob("*.pdf"))) == 4
    after = _files(month)
    assert {k: after[k] for k in csvs if k != "manifest.json"} == {k: v for k, v in csvs.items() if k != "manifest.json"}
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0


def test_finalize_marks_the_scorecard_final_and_a_correction_is_a_draft_again(published_copy, run_cli, tmp_path):
    inbox, _ = published_copy("all")
    month = tmp_path / "out" / "2026-09"
    assert "草稿" in _text(month / "scorecard.pdf")
    # a worker redoes her pay by hand: the coefficient's rounding is said (format 22; trial 159 had to guess it)
    assert "四舍五入到分（系数先四舍五入到 4 位小数）" in _text(month / "workers" / "W1.pdf")
    workers_before = {k: v for k, v in _files(month).items() if k.startswith("workers/")}
    by = f"人事科 陈主任{XSS}"
    assert run_cli("finalize", "--month", "2026-09", "--by", by, inbox=inbox)[0] == 0
    assert "now says 已定稿" in run_cli.out
    text = _text(month / "scorecard.pdf")
    # output format 11: the time in the policy's zone with its offset (trial 80 read 09:00 UTC in a Beijing office)
    assert "已定稿（人事科 陈主任" in text and " UTC+8 以 gridpay finalize 记录）" in text and "草稿" not in text
    html = (month / "scorecard.html").read_text(encoding="utf-8")
    assert XSS not in html and "&lt;script&gt;" in html
    # the residents' notice says the month is final and what review took out (trial 159: after finalize, nothing)
    notice = next((month / "notice").glob("*.html")).read_text(encoding="utf-8")
    assert "本月结果已定稿，经复核没有答卷不计入。" in notice
    # worker sheets carry no status: kept as they were
    assert {k: v for k, v in _files(month).items() if k.startswith("workers/")} == workers_before
    assert run_cli("audit", "--month", "2026-09", inbox=inbox)[0] == 0

    assert run_cli("run", "--month", "2026-09", "--reason", "补录纸质问卷", "--reports", "hr", inbox=inbox)[0] == 0
    assert "草稿" in _text(month / "scorecard.pdf")


def test_nothing_is_rendered_over_a_file_that_was_edited(published_copy, run_cli, tmp_path):
    inbox, _ = published_copy("hr")
    month = tmp_path / "out" / "2026-09"
    with (month / "payroll.csv").open("a", encoding="utf-8") as handle:
        handle.write("W9,某人,999.00\n")
    before = _files(month)
    for command in (("render", "--month", "2026-09"), ("finalize", "--month", "2026-09", "--by", "HR")):
        code, err = run_cli(*command, inbox=inbox)
        assert code == 2 and f"{month / 'payroll.csv'}: SHA-256" in err and "gridpay audit --month 2026-09" in err
        assert _files(month) == before
    code, _ = run_cli("run", "--month", "2026-09", inbox=inbox)    # not finalized: the refusal undid it
    assert code == 0
    assert not list((tmp_path / "out").glob(".publishing-*"))
