"""`gridpay run --reference published --take FILE`: which of today's reference files a re-run of a
published month takes, the rest as it was published (a late adjustment; pipeline/reference_drift.py)."""
from __future__ import annotations

import argparse

from gridpay.core.errors import ConfigError

TAKEN = ("adjustments", "grids", "workers", "assignments", "policy")


def taken_name(text: str) -> str:
    """adjustments.csv or adjustments: as HR sees the file in the inbox, or as the help names it."""
    return text.strip().lower().removesuffix(".csv").removesuffix(".toml")


def taken_files(args: argparse.Namespace) -> tuple[str, ...]:
    """--take's files by the names a run records them under; only beside --reference published."""
    take = getattr(args, "take", None) or []
    if take and getattr(args, "reference", None) != "published":
        raise ConfigError(f"--take {take[0]} picks one of today's files for a re-run that otherwise uses the "
                          f"published ones: add --reference published")
    return tuple(dict.fromkeys("policy.toml" if name == "policy" else f"{name}.csv" for name in take))
