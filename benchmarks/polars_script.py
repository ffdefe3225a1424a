"""The analyst's script of benchmarks/analyst_script.py written with Polars instead of pandas, for
the benchmark to compare against: the same steps (read the month's survey CSV, keep each
household's latest answer within its grid, score each answer 0-100 as the mean of its answered
items on the 1-5 scale, average by grid), with Polars' lazy, multi-threaded engine.

Like the pandas script it does none of what gridpay does besides (no archive, no phone hashing, no
validation or quarantine, no shrinkage, no pay, nothing kept): a bar to beat, not the same work.

    python benchmarks/polars_script.py inbox/surveys/2026-10.csv
"""
from __future__ import annotations

import sys

import polars as pl

from analyst_script import ITEMS


def grid_means(survey_csv: str) -> pl.DataFrame:
    keys = ["grid_id", "household_id", "submitted_at"]
    frame = pl.scan_csv(survey_csv, infer_schema=False).select(keys + ITEMS)  # every column as text
    answers = [pl.col(i).cast(pl.Float64, strict=False) for i in ITEMS]   # as pd.to_numeric(errors="coerce")
    # a stable sort, as pandas' sort_values gave here: of a household's answers sent in the same
    # second (1,246 at 1M) the one later in the file counts, and the means equal the pandas script's
    return (frame.sort("submitted_at", maintain_order=True)
            .unique(["grid_id", "household_id"], keep="last", maintain_order=True)
            .select("grid_id", (25 * (pl.mean_horizontal(answers) - 1)).alias("score"))
            .group_by("grid_id").agg(pl.col("score").mean())
            .collect())


if __name__ == "__main__":
    print(grid_means(sys.argv[1]).sort("grid_id").with_columns(pl.col("score").round(2)))
