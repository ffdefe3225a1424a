"""A month of more than one community (a district): each community's share of the month for its
own HR scorecard, and the figures of the district's roll-up page. A one-community month keeps the
single scorecard."""
from __future__ import annotations

from decimal import Decimal

from gridpay.publishing.file_names import community_file_names
from gridpay.publishing.report_data import answer_and_pay_totals
from gridpay.publishing.outputs import fixed


def community_parts(grids: list[dict], workers: list[dict], assignments: dict[str, list[tuple]],
                    review: list[dict], callbacks: list[dict], rows_read: dict[str, int]) -> dict[str, dict]:
    """{file name: the community's grids, workers, review and callback rows, areas and summary};
    empty for a one-community month. A worker assigned in two communities appears in both."""
    file_names = community_file_names(g["community"] for g in grids)
    if len(file_names) < 2:
        return {}
    parts = {}
    # keyed by each community's own file name: two names that clean alike (东区/一, 东区_一) are
    # two communities, two scorecards and two lines of the roll-up
    for community, file_name in sorted(file_names.items()):
        own = [g for g in grids if g["community"] == community]
        ids, names = {g["grid_id"] for g in own}, {g["grid_name"] for g in own}
        staff = [w for w in workers if any(gid in ids for gid, *_ in assignments.get(w["worker_id"], []))]
        parts[file_name] = {
            "grids": own, "workers": staff, "areas": {g["area"] for g in own},
            "review": [r for r in review if r["grid_id"] in ids],
            "callbacks": [c for c in callbacks if c["grid_name"] in names],
            "run": {**community_summary(community, own, staff, sum(rows_read.get(i, 0) for i in ids)),
                    "file": file_name},
        }
    return parts


def community_summary(community: str, grids: list[dict], workers: list[dict], read: int) -> dict:
    """The scorecard's summary figures for one community, and its row on the roll-up page."""
    totals = answer_and_pay_totals(grids, workers)
    scored = [(Decimal(g["adjusted_score"]), g["responses"]) for g in grids if g["adjusted_score"]]
    weight = sum(n for _, n in scored)
    return {
        **totals, "community": community, "grid_count": len(grids),
        "worker_count": len(workers), "rows_read": read, "rows_quarantined": max(read - totals["rows_counted"], 0),
        "mean_score": fixed(sum(s * n for s, n in scored) / weight, 2) if weight else "",
    }
