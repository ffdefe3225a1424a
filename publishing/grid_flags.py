"""Each grid's flags in words for the reports: the HR scorecard's, and from output format 29 its worker's sheet's
without HR's own checks (trial 226's worker read 请核对网格表与问卷文件 under her grid)."""
from __future__ import annotations

from gridpay.reports.render import flags_short, flags_text
from gridpay.transforms.policy import Policy


def with_grid_flags(grids: list[dict], month: str, policy: Policy, lang: str, fmt: int) -> None:
    """Each grid's flags in words, their blanks filled from the grid (its window, trend, counts)."""
    for row in grids:
        blanks = {"output_format": fmt, "months": "、".join((row["window_months"] or month).split(",")),
                  "n": row["window_responses"] or row["responses"], "trend": row["rate_trend"],
                  "rate": f"{policy.scoring.min_response_rate or 0:.0%}", "k": policy.scoring.low_rate_months,
                  "min": policy.scoring.min_responses, "responses": row["responses"],
                  "previous_month": row["previous_month"], "previous_responses": row["previous_responses"]}
        row["flags_text"] = flags_text(row["flags"], lang, blanks)
        if fmt >= 29:       # a worker's sheet without HR's own checks (trial 226: 请核对网格表与问卷文件)
            row["flags_text_worker"] = flags_text(row["flags"], lang, blanks, worker=True)
        row["flags_short"] = flags_short(row["flags"], lang)
