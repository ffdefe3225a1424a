"""The benchmark's printed tables, and Prefect's fixed cost measured apart from the work."""
from __future__ import annotations

import time


def prefect_fixed_cost(months: int = 12) -> str:
    """What Prefect adds around the work: starting its temporary local server with the first flow
    run, and each month run as a subflow of one flow run (as `gridpay demo` runs its 12 months)."""
    from prefect import flow

    @flow(name="bench-month")
    def month_flow(month: str) -> str:
        return month

    @flow(name="bench-months")
    def months_flow(n: int) -> list[str]:
        return [month_flow(f"2026-{m:02d}") for m in range(1, n + 1)]

    start = time.perf_counter()
    months_flow(0)
    first = time.perf_counter() - start
    start = time.perf_counter()
    months_flow(months)
    total = time.perf_counter() - start
    return (f"\nPrefect fixed cost: first flow run (starts the temporary server) {first:.1f} s; "
            f"one flow run with {months} month subflows {total:.1f} s ({total / months:.2f} s a month)")


def print_result(r: dict) -> None:
    print(f"\n## {r['label']}: {r['rows']:,} survey rows, {r['workers']:,} workers (inbox generated in {r['generated']:.1f} s)")
    print("| stage | wall s | peak RSS GiB |")
    print("|---|---:|---:|")
    for name, seconds, peak in r["stages"]:
        print(f"| {name} | {seconds:.2f} | {peak / 2**30:.2f} |")
    print(f"| pipeline, its stages' sum | {r['pipeline']:.2f} | {r['peak'] / 2**30:.2f} |")
    # the checks between the stages (the gate's stops, the doubts said) are the user's wait too: 10 s of a 1M month
    print(f"| **gridpay run, ingest to payroll.csv (wall: the stages and the checks between them)** | "
          f"**{r['run_wall']:.2f}** | {r['peak'] / 2**30:.2f} |")
    print(f"| floor: bare DuckDB latest-answer-per-household mean by grid (no memory cap) | {r['floor']:.2f} | "
          f"{r['floor_peak'] / 2**30:.2f} |")
    print(f"| the analyst's pandas script (benchmarks/analyst_script.py) | {r['analyst']:.2f} | "
          f"{r['analyst_peak'] / 2**30:.2f} |")
    print(f"| the same script in Polars (benchmarks/polars_script.py) | {r['polars']:.2f} | "
          f"{r['polars_peak'] / 2**30:.2f} |")
    if r["audit"] is not None:
        print(f"| gridpay audit of the month (re-run from the archive, rows compared, nothing rendered) | "
              f"{r['audit']:.2f} | {r['audit_peak'] / 2**30:.2f} |")
    if r["full_run"]:
        print(f"| full `gridpay run --reports all` ({r['workers']:,} worker PDFs) | {r['full_run']:.2f} | "
              f"{r['full_run_peak'] / 2**30:.2f} |")
    pdfs = (f"worker PDFs {r['pdf_rate']:.1f}/s for the stage (their data and font subset {r['pdf_prepare']:.1f} s, "
            f"pool start to the first page {r['pdf_start']:.1f} s, then {r['pdf_steady']:.1f}/s), "
            f"{r['pdf_kib']:.0f} KiB each" if r["pdf_rate"] else "reports not run")
    wall = r["run_wall"]
    print(f"run / floor = {wall / r['floor']:.1f}x; run / pandas script = {wall / r['analyst']:.2f}x; run / Polars "
          f"script = {wall / r['polars']:.2f}x; audit / run = {r['audit'] / wall if r['audit'] else float('nan'):.2f}; "
          f"{pdfs}")
    if r.get("compared"):
        print(r["compared"])
