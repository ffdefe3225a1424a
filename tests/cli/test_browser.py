"""The HR scorecard opens in headless Chromium: it renders, and it loads nothing from the network."""
import os
import re
import shutil
import subprocess

import pytest


REPORTS = "all"      # these tests read the scorecards (run_cli renders them)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def chromium():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: scripts/install-system-deps.sh installs it")
        pytest.skip("chromium is not installed")
    return CHROMIUM


def test_scorecard_renders_in_headless_chromium(chromium, month, tmp_path):
    page = (month / "scorecard.html").as_uri()
    shot = tmp_path / "scorecard.png"
    common = [chromium, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run([*common, "--window-size=1200,2400", f"--screenshot={shot}", page],
                   capture_output=True, timeout=120, check=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    dom = subprocess.run([*common, "--dump-dom", page], capture_output=True, text=True, timeout=120, check=True).stdout
    assert "天桥新村一网格" in dom and "<img" in dom


def test_scorecard_html_loads_nothing_from_the_network(month):
    for page in (month / "scorecard.html", month / "workers" / "W1.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), page
        assert "@import" not in html
