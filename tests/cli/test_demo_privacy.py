"""On the demo month, every worker's scorecard holds that worker's data and nobody else's, and no
resident's comment or phone number; no page of its scorecards ends with a section heading."""
import csv
import subprocess

import pytest

from conftest import run_once
from gridpay.reports.strings import labels


# one worker renders the demo month once for both tests (a module fixture runs once per xdist worker)
pytestmark = pytest.mark.xdist_group("demo_privacy")


@pytest.fixture(scope="module")
def demo_month(tmp_path_factory):
    """The demo's month with every report, rendered once for this module's tests."""
    root = tmp_path_factory.mktemp("demo")
    run_once(root, "demo", "--dir", str(root / "demo"), "--months", "1", "--reports", "all",
             inbox=root / "demo" / "inbox")
    return root / "out" / "2026-10"


def test_each_demo_worker_sees_only_their_own_scorecard(demo_month):
    month = demo_month
    with (month / "payroll.csv").open(encoding="utf-8-sig") as handle:
        names = {r["worker_id"]: r["name"] for r in csv.DictReader(handle)}
    comments = [line.split(",")[-1] for line in (month / "callbacks.csv").read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert len(names) >= 20
    for worker_id, name in names.items():
        text = subprocess.run(["pdftotext", str(month / "workers" / f"{worker_id}.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        html = (month / "workers" / f"{worker_id}.html").read_text(encoding="utf-8")
        assert name in text and name in html
        others = [o for wid, o in names.items() if wid != worker_id and o not in name]
        assert not [o for o in others if o in text or o in html], worker_id
        assert not [c for c in comments if c and (c in text or c in html)], worker_id
        assert "139****" not in html and "13905621234" not in html


HEADINGS = ("summary", "grid_ranking", "grids", "workers", "trends", "items_heading", "rules", "quarantine",
            "review", "callbacks", "signoff")


def test_no_page_ends_with_a_section_heading(demo_month):
    """A heading keeps with what it heads (the stylesheet's break-after: avoid): read page by page."""
    words = labels("zh")
    headings = {words[h] for h in HEADINGS} | {words["summary"]}
    pdfs = [demo_month / "scorecard.pdf", *sorted((demo_month / "workers").glob("*.pdf"))[:3]]
    pages_read, seen = 0, set()
    for pdf in pdfs:
        pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout.split("\f")
        for number, page in enumerate(pages[:-1], start=1):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            pages_read += 1
            seen |= headings.intersection(lines)
            assert lines and lines[-1] not in headings, f"{pdf.name} page {number} ends with the heading {lines[-1]}"
    assert pages_read >= 4 and len(seen) >= 6     # several pages, and headings read as lines of their own
