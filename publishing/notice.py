"""The residents' notice (公示), one per community each month: what came of their judgement. Each
grid's satisfaction score, counted answers and response rate, how many dissatisfied answers went
on the callback list, the month and the policy version; while the appeal window is open its dates
and whom to contact, and once the month is final how many answers of each grid HR's review took out
(经复核不计入). It goes on the notice board, so it holds
no pay, no comment and nothing of a household (tests/cli/test_notice.py scans it)."""
from __future__ import annotations

from pathlib import Path

from gridpay.publishing.file_names import community_file_names
from gridpay.reports.render import flags_short, report_html

# the review flags are for the district's attention (the HR scorecard); residents see the counts
HR_ONLY = ("appeals_high", "verification_failed")
NO_WINDOW = {"start": "", "end": "", "open": False, "final": False, "contact": "", "not_counted": {}}


def notice_pages(grids: list[dict], callbacks: list[dict], run: dict, lang: str) -> dict[str, str]:
    """{file name: HTML} for each community of the month's grids."""
    community_of = {g["grid_name"]: g["community"] for g in grids}
    file_names = community_file_names(g["community"] for g in grids)
    window = run.get("window") or NO_WINDOW       # the 公示 window (publishing/review_data.py)
    pages = {}
    for community in sorted(file_names):
        rows = [{"grid_name": g["grid_name"], "score": g["adjusted_score"], "responses": g["responses"],
                 "response_rate_pct": g["response_rate_pct"],
                 "note": flags_short(";".join(f for f in g["flags"].split(";") if f not in HR_ONLY), lang),
                 "not_counted": window.get("not_counted", {}).get(g["grid_id"], 0)}
                for g in grids if g["community"] == community]
        called = sum(1 for c in callbacks if community_of.get(c["grid_name"]) == community)
        pages[file_names[community]] = report_html(
            "notice.html.j2", lang, community=community, grids=rows, callbacks=called,
            month=run["month"], policy_version=run["policy_version"], empty_month=run["empty_month"],
            window=window, output_format=run.get("output_format") or 1)
    return pages


def notice_paths(folder: Path, name: str) -> tuple[Path, Path]:
    return folder / "notice" / f"{name}.html", folder / "notice" / f"{name}.pdf"
