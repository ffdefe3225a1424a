"""A month of more than one community (a district): each community's share of the month for its
own HR scorecard, and the figures of the district's roll-up page. A one-community month keeps the
single scorecard."""
from __future__ import annotations

from decimal import Decimal

from gridpay.publishing.notice import notice_file_name
from gridpay.publishing.report_data import answer_and_pay_totals
from gridpay.publishing.outputs import fixed


def community_parts(grids: list[dict], workers: list[dict], assignments: dict[str, list[tuple]],
                    review: list[dict], callbacks: list[dict], rows_read: dict[str, int]) -> dict[str, dict]:
    """{file name: the community's grids, workers, review and callback rows, areas and summary};
    empty for a one-community month. A worker assigned in two communities appears in both."""
    communities = sorted({g["community"] for g in grids})
    if len(communities) < 2:
        return {}
    parts = {}
    for community in communities:
        own = [g for g in grids if g["community"] == community]
        ids, names = {g["grid_id"] for g in own}, {g["grid_name"] for g in own}
        staff = [w for w in workers if any(gid in ids for gid, *_ in assignments.get(w["worker_id"], []))]
        parts[notice_file_name(community)] = {
            "grids": own, "workers": staff, "areas": {g["area"] for g in own},
            "review": [r for r in review if r["grid_id"] in ids],
            "callbacks": [c for c in callbacks if c["grid_name"] in names],
            "run": community_summary(community, own, staff, sum(rows_read.get(i, 0) for i in ids)),
        }
    return parts


def community_summary(community: str, grids: list[dict], workers: list[dict], read: int) -> dict:
    """The scorecard's summary figures for one community, and its row on the roll-up page."""
    totals = answer_and_pay_totals(grids, workers)
    scored = [(Decimal(g["adjusted_score"]), g["responses"]) for g in grids if g["adjusted_score"]]
    weight = sum(n for _, n in scored)
    return {
        **totals, "community": community, "file": notice_file_name(community), "grid_count": len(grids),
        "worker_count": len(workers), "rows_read": read, "rows_quarantined": max(read - totals["rows_counted"], 0),
        "mean_score": fixed(sum(s * n for s, n in scored) / weight, 2) if weight else "",
    }
