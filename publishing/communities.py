"""A month of more than one community (a district): each community's share of the month for its
own HR scorecard, and the figures of the district's roll-up page. A one-community month keeps the
single scorecard."""
from __future__ import annotations

from decimal import Decimal

from gridpay.publishing.notice import notice_file_name
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
    counted = sum(g["responses"] for g in grids)
    households = sum(g["households"] for g in grids)
    scored = [(Decimal(g["adjusted_score"]), g["responses"]) for g in grids if g["adjusted_score"]]
    weight = sum(n for _, n in scored)
    pay = sum((Decimal(w["performance_pay"]) for w in workers), Decimal(0))
    budget = sum((Decimal(w["perf_pay_target"]) * w["assigned_days"] / w["days_in_month"] for w in workers),
                 Decimal(0))
    return {
        "community": community, "file": notice_file_name(community), "grid_count": len(grids),
        "worker_count": len(workers), "households": households,
        "rows_read": read, "rows_counted": counted, "rows_quarantined": max(read - counted, 0),
        "response_rate": f"{counted / households:.1%}" if households else "",
        "mean_score": fixed(sum(s * n for s, n in scored) / weight, 2) if weight else "",
        "performance_pay": fixed(pay, 2),
        "adjustments": fixed(sum((Decimal(w["adjustment"]) for w in workers), Decimal(0)), 2),
        "total_pay": fixed(sum((Decimal(w["total_pay"]) for w in workers), Decimal(0)), 2),
        "budget": fixed(budget, 2), "pay_vs_budget": f"{pay / budget:.1%}" if budget else "",
    }
