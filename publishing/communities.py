"""A month of more than one community (a district): each community's share of the month for its
own HR scorecard, and the figures of the district's roll-up page. A one-community month keeps the
single scorecard."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from decimal import Decimal

from gridpay.publishing.trend_areas import drawn_area
from gridpay.publishing.file_names import community_file_names
from gridpay.publishing.report_data import answer_and_pay_totals
from gridpay.publishing.outputs import fixed
from gridpay.transforms.payer_communities import payer_communities


def community_checks(con, run_id: str, quarantine: list[dict], run: dict) -> tuple:
    """What each community's scorecard lists of its own only: (the month's quarantine rows by reason, each
    quarantined row's (grid, reason code), the homes the run may count wrongly). A thirty-fourth trial's
    红旗社区 scorecard counted 滨江社区's denied calls and listed its doubtful door numbers."""
    by_grid = con.execute("select s.grid_id, q.reason_code, count(*) from quarantine q join raw_surveys s "
                          "using (run_id, source_file, row_number) where q.run_id = ? group by all", [run_id]).fetchall()
    return quarantine, by_grid, run.get("household_doubts") or [], run.get("notices") or [], run.get("notice_kinds") or []


def community_parts(grids: list[dict], workers: list[dict], assignments: dict[str, list[tuple]],
                    review: list[dict], callbacks: list[dict], rows_read: dict[str, int],
                    checks: Callable[[], tuple] = lambda: ((), (), ()), fmt: int = 1) -> dict[str, dict]:
    """{file name: the community's grids, workers, review and callback rows, areas and summary};
    empty for a one-community month. A worker assigned in two communities appears in both. `checks`:
    community_checks() of the run, each community's share of which its summary carries (asked only for a
    month of several communities: a city's quarantine is large). `fmt`: the run's output format; from 5, such a
    worker's pay counts in one community's totals, where most of the worker's weighted days are, and the
    other's scorecard marks the line `paid_in` that one (a thirty-ninth trial's two signed scorecards each
    carried W13's whole pay: paid from both, 1,394.78 yuan twice); and a community's callbacks are its grids'
    by id (by name, a forty-second trial's 天井湖 scorecard listed 五松's 第一网格 residents to call)."""
    file_names = community_file_names(g["community"] for g in grids)
    if len(file_names) < 2:
        return {}
    one_payer = fmt >= 5
    shares, payer = checks(), _payers(grids, assignments) if one_payer else {}
    parts = {}
    # keyed by each community's own file name: two names that clean alike (东区/一, 东区_一) are
    # two communities, two scorecards and two lines of the roll-up
    for community, file_name in sorted(file_names.items()):
        own = [g for g in grids if g["community"] == community]
        ids, names = {g["grid_id"] for g in own}, {g["grid_name"] for g in own}
        staff = [w if payer.get(w["worker_id"], community) == community else {**w, "paid_in": payer[w["worker_id"]]}
                 for w in workers if any(gid in ids for gid, *_ in assignments.get(w["worker_id"], []))]
        parts[file_name] = {
            "grids": own, "workers": staff, "areas": {drawn_area(g["area"], community, fmt) for g in own},
            "review": [r for r in review if r["grid_id"] in ids],
            "callbacks": [c for c in callbacks if (c["grid_id"] in ids if one_payer else c["grid_name"] in names)],
            "run": {**community_summary(community, own, [w for w in staff if "paid_in" not in w],
                                        sum(rows_read.get(i, 0) for i in ids), fmt),
                    "file": file_name, **_own_checks(ids, *shares[:3]),
                    **(_own_notices(ids, {g["grid_id"] for g in grids}, *shares[3:]) if fmt >= OWN_NOTICES else {})},
        }
    return parts


OWN_NOTICES = 26      # the output format from which a community's scorecard lists the run's lines but other ones'
_GRID_ID = re.compile(r"\(([^()\s,:;]+)[,)]")


def _own_notices(ids: set[str], every: set[str], notices=(), kinds=()) -> dict:
    """The run's lines but those naming grids of other communities only ('井湖村二网格 (G2): ...'): trial 188's complaint
    line of 天桥新村一网格 was listed on 井湖社区's scorecard, as every line of the run had been (trial 176)."""
    kinds = list(kinds) or [None] * len(notices)
    kept = [(n, k) for n, k in zip(notices, kinds)
            if not (named := {g for g in _GRID_ID.findall(n) if g in every}) or named & ids]
    return {"notices": [n for n, _ in kept], "notice_kinds": [k for _, k in kept]} if notices else {}


def _payers(grids: list[dict], assignments: dict[str, list[tuple]]) -> dict[str, str]:
    """worker_id -> the community whose totals carry the pay of a worker assigned in two or more
    (transforms/payer_communities.py)."""
    community = {g["grid_id"]: g["community"] for g in grids}
    rows = [(worker, community.get(gid), weight_days) for worker, days in assignments.items()
            for gid, _, weight_days in days]
    spread = {worker for worker, days in assignments.items() if len({community.get(g) for g, *_ in days}) > 1}
    return {w: c for w, c in payer_communities(rows).items() if w in spread}


def _own_checks(ids: set[str], quarantine, by_grid, doubts) -> dict:
    """The community's quarantine rows by reason (those of its grids) and its homes in doubt."""
    codes: Counter = Counter()
    for gid, code, rows in by_grid:
        if gid in ids:
            codes[code] += rows
    return {"quarantine": [{**q, "count": codes[q["code"]]} for q in quarantine if codes.get(q["code"])],
            "household_doubts": [d for d in doubts if d["grid_id"] in ids]}


def community_summary(community: str, grids: list[dict], workers: list[dict], read: int, fmt: int = 1) -> dict:
    """The scorecard's summary figures for one community, and its row on the roll-up page."""
    totals = answer_and_pay_totals(grids, workers, fmt)
    scored = [(Decimal(g["adjusted_score"]), g["responses"]) for g in grids if g["adjusted_score"]]
    weight = sum(n for _, n in scored)
    return {
        **totals, "community": community, "grid_count": len(grids),
        "worker_count": len(workers), "rows_read": read, "rows_quarantined": max(read - totals["rows_counted"], 0),
        "mean_score": fixed(sum(s * n for s, n in scored) / weight, 2) if weight else "",
    }
