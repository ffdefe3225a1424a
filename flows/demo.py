"""The demo job: generate the demo inbox, then run every month in one parent flow run (one
Prefect start-up for the year, not twelve)."""
from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger

from gridpay.flows.demo_data import DemoScale, write_demo_inbox
from gridpay.flows.month import run_month


@flow(name="gridpay-demo")
def run_demo(inbox: str, out: str, db: str, policy: str, key_file: str, archive: str, seed: int = 2012,
             households: int = 4900, months: int = 12, end_month: str = "2026-10",
             lang: str = "zh") -> list[str]:
    scale = DemoScale(households=households, months=months, end_month=end_month, seed=seed)
    written = write_demo_inbox(Path(inbox), scale)
    get_run_logger().info("demo inbox with %d months written to %s", len(written), inbox)
    return [run_month(m, inbox, out, db, policy, key_file, archive, lang) for m in written]
