"""The run's validation record: what every GX checkpoint of a run checked, rendered by GX as Data
Docs and published with the month as `validation/` so that an auditor can open what was checked.

Plain files, no Great Expectations import (the publish step copies them). During the run the
record lives in the run's private work folder (expectations/runner.py writes it):

    <work>/validation/suites/    the suites, as GX's JSON (each expectation with its id)
    <work>/validation/results/   each checkpoint's results, as GX's JSON (counts only)
    <work>/validation/docs/      the Data Docs site GX builds from those two

Only the site is published, and of its static assets only those a page links to (GX copies
4 MB of images and fonts that its pages do not use). The pages hold counts and rules, never a
cell's value (runner.RESULT_FORMAT): no phone, no comment, no typed answer."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

RECORD = "validation"          # in the work folder, and the published month's folder name
SUITES, RESULTS, TABLE_DOCS = "suites", "results", "docs"
SITE = "validation"            # the Data Docs site's name in the GX context

_LINKED = re.compile(r"""(?:href|src)=["'](?:\./|(?:\.\./)+)?(static/[^"'?#]+)""")


def publish_docs(record: Path, staging: Path) -> list[Path]:
    """Copy the record's Data Docs pages, and the static files they link to, into the month's
    staging folder as validation/. Returns the files written (none when nothing was validated)."""
    site = record / TABLE_DOCS
    if not site.is_dir():
        return []
    pages = sorted(site.rglob("*.html"))
    linked = {match for page in pages for match in _LINKED.findall(page.read_text(encoding="utf-8"))}
    written = []
    for path in pages + sorted(site / name for name in linked if (site / name).is_file()):
        target = staging / RECORD / path.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)        # a new file: the process umask makes it private like every output
        written.append(target)
    return written
