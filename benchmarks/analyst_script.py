"""The script an analyst would write instead of gridpay, for the benchmark to compare against:
read the month's survey CSV with pandas, keep each household's latest answer (a household being its
door number within its grid, as gridpay's default policy has it), score each answer
0-100 (the mean of its answered items on the 1-5 scale), and average by grid.

It does none of what gridpay does besides (no archive, no phone hashing, no validation or
quarantine, no shrinkage, no pay, nothing kept), so it is the bar to beat, not the same work.

    python benchmarks/analyst_script.py inbox/surveys/2026-10.csv
"""
from __future__ import annotations

import sys

import pandas as pd

ITEMS = ["sat_environment", "sat_safety", "sat_service", "sat_responsiveness", "sat_overall"]


def grid_means(survey_csv: str) -> pd.Series:
    frame = pd.read_csv(survey_csv, usecols=["grid_id", "household_id", "submitted_at", *ITEMS],
                        dtype={"grid_id": "string", "household_id": "string", "submitted_at": "string"})
    latest = frame.sort_values("submitted_at").drop_duplicates(["grid_id", "household_id"], keep="last")
    answers = latest[ITEMS].apply(pd.to_numeric, errors="coerce")
    score = 25 * (answers.mean(axis=1) - 1)
    return score.groupby(latest["grid_id"]).mean()


if __name__ == "__main__":
    print(grid_means(sys.argv[1]).round(2).to_string())
