"""gridpay benchmark: wall time and peak memory of each stage at 100k, 1M and 10M responses in a
month, against the floor (a bare DuckDB query over the same survey file).

    make bench                                  # 100k, 200k (a ~500-worker district) and 1M
    SIZES=100k,1M,10M make bench

The month runs through gridpay's core (pipeline/run.py, as `gridpay run --reports none` without Prefect),
each step timed by the step function the core hands every step to, so the table shows the work,
not orchestration; the Prefect fixed cost (its temporary server, a flow run, a subflow per month) is
measured once at the end. Not a test: nothing here asserts a time."""
from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import random
import resource
import shutil
import tempfile
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import duckdb

from analyst_script import grid_means  # benchmarks/ is the script's folder, first on sys.path
import polars_script
from bench_inbox import MONTH, bench_policy, compare_outputs, month_inbox
from peak_rss import PeakRss
from tables import prefect_fixed_cost, print_result

from gridpay.pipeline.audit import audit_month
from gridpay.pipeline.context import MonthRequest
from gridpay.core.month import Month
from gridpay.core.policy_file import load_policy
from gridpay.pipeline.run import run_month
from gridpay.core.settings import settings_from_env
from gridpay.publishing.report_data import grids_with_change, run_summary
from gridpay.publishing.worker_interval import workers_with_interval
from gridpay.publishing.reporting import render_reports, render_worker_pages, run_fonts, worker_page_pool
from gridpay.publishing.worker_contexts import worker_contexts
from gridpay.store.warehouse import connect

SIZES = {"100k": 100_000, "200k": 200_000, "1M": 1_000_000, "10M": 10_000_000}   # 200k: a ~500-worker district
FLOOR_SQL = """
select grid_id, avg(score) from (
  select grid_id, 25 * ((coalesce(sat_environment, 0) + coalesce(sat_safety, 0) + coalesce(sat_service, 0)
         + coalesce(sat_responsiveness, 0) + coalesce(sat_overall, 0))
         / nullif((sat_environment is not null)::int + (sat_safety is not null)::int + (sat_service is not null)::int
         + (sat_responsiveness is not null)::int + (sat_overall is not null)::int, 0) - 1) as score,
         row_number() over (partition by household_id order by submitted_at desc) as rn
  from read_csv(?, types={'sat_environment': 'INTEGER', 'sat_safety': 'INTEGER', 'sat_service': 'INTEGER',
                          'sat_responsiveness': 'INTEGER', 'sat_overall': 'INTEGER'}, ignore_errors=true))
where rn = 1 group by grid_id
"""


def run_size(label: str, responses: int, root: Path, pdf_sample: int, seed: int, reports: bool = True,
             profile: bool = False, full_run: bool = False, outputs: Path | None = None, audit: bool = True,
             inbox_cache: Path | None = None) -> dict:
    rss = PeakRss()
    profiler = cProfile.Profile() if profile else None
    stages: list[tuple[str, float, int]] = []

    @contextmanager
    def stage(name: str):
        rss.reset()
        start = time.perf_counter()
        yield
        stages.append((name, time.perf_counter() - start, rss.peak()))

    inbox = root / "inbox"
    rows, generated = month_inbox(inbox, label, responses, seed, inbox_cache)
    survey_csv = inbox / "surveys" / f"{MONTH}.csv"
    os.environ.setdefault("GRIDPAY_SECRET", "benchmark-key")
    settings = replace(settings_from_env(root), policy=bench_policy(root))
    names = {"archive": "archive inputs", "stage": "ingest (DuckDB reads the files, hashes phones, normalises)",
             "validate": "validate (GX SQL path in DuckDB)", "score": "load and score (one warehouse transaction)",
             "publish": "publish CSVs and manifest"}

    def timed_step(name, fn, *args, io=False):
        with stage(names[name]):
            return fn(*args)

    if profiler:
        profiler.enable()
    started = time.perf_counter()
    result = run_month(MonthRequest(MONTH, settings, reports="none"), timed_step)
    run_wall = time.perf_counter() - started        # the stages and the checks between them: what a user waits for
    if profiler:
        profiler.disable()
        print(f"\n## where the time goes at {label} (functions by own time; a DuckDB statement counts "
              f"as its caller's time)")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    run_id = result.run_id
    compared = compare_outputs(result.folder, outputs / label) if outputs else None
    con = connect(settings.db)
    workers = con.execute("select count(*) from payroll where run_id = ?", [run_id]).fetchone()[0]
    con.close()
    baselines = _baselines(settings, survey_csv, rss, audit)
    result = {"label": label, "rows": rows, "generated": generated, "stages": list(stages), **baselines,
              "pipeline": sum(s for _, s, _ in stages), "run_wall": run_wall, "workers": workers,
              "peak": max(p for _, _, p in stages), "compared": compared, "pdf_rate": None, "pdf_kib": None, "full_run": None}
    if full_run:     # as `gridpay run --reports all` (a second run of the month: the first one's rows stay)
        rss.reset()
        start = time.perf_counter()
        run_month(MonthRequest(MONTH, settings, reports="all"))
        result["full_run"], result["full_run_peak"] = time.perf_counter() - start, rss.peak()
    if not reports:
        return result
    return {**result, **_report_rates(settings, run_id, root / "reports", min(pdf_sample, workers), workers, seed,
                                      stage, stages)}


def _baselines(settings, survey_csv: Path, rss: "PeakRss", audit: bool = True) -> dict:
    """The same month by the bare-DuckDB floor, the analyst's pandas and Polars scripts and gridpay's audit."""
    rss.reset()
    floor = _floor(survey_csv)
    floor_peak = rss.peak()
    rss.reset()
    start = time.perf_counter()
    grid_means(str(survey_csv))
    analyst, analyst_peak = time.perf_counter() - start, rss.peak()
    rss.reset()
    start = time.perf_counter()
    polars_script.grid_means(str(survey_csv))
    polars, polars_peak = time.perf_counter() - start, rss.peak()
    audit_seconds = audit_peak = None
    if audit:
        rss.reset()
        start = time.perf_counter()
        audited = audit_month(settings, MONTH)
        audit_seconds, audit_peak = time.perf_counter() - start, rss.peak()
        assert audited.passed, audited.differences
    return {"floor": floor, "floor_peak": floor_peak, "analyst": analyst, "analyst_peak": analyst_peak,
            "polars": polars, "polars_peak": polars_peak,
            "audit": audit_seconds, "audit_peak": audit_peak}


def _report_rates(settings, run_id: str, out: Path, sample: int, workers: int, seed: int, stage, stages) -> dict:
    """The HR scorecard's time, and worker PDFs a second on the pool (a sample of the workers)."""
    con = connect(settings.db)
    policy = load_policy(settings.policy)
    with stage("HR scorecard"):
        render_reports(con, run_id, out, policy, which="hr")
    with stage(f"worker PDFs ({sample} of {workers})"):
        begun = time.perf_counter()
        grids = grids_with_change(con, run_id, MONTH)
        payroll = workers_with_interval(con, run_id, 1.96)[:sample]
        for row in grids + payroll:
            row["flags_text"] = row["flags_short"] = row["flags"]
        contexts = [with_a_year_of_trend(c, seed) for c in worker_contexts(
            con, run_id, MONTH, run_summary(con, run_id, grids, payroll, 0, policy), grids, payroll, policy.items)]
        fonts = run_fonts("", contexts)
        ready = time.perf_counter()
        with worker_page_pool(len(contexts), os.cpu_count() or 1) as pool:
            sizes, first = [], None
            for _, _, pdf in render_worker_pages(contexts, "zh", pool, fonts):
                first = first or time.perf_counter()
                sizes.append(len(pdf))
            last = time.perf_counter()
    con.close()
    # the stage's rate counts everything; the steady rate is the pages after the first, once the
    # pool is running (in a gridpay run the pool starts while the HR scorecard renders)
    return {"pdf_rate": len(sizes) / stages[-1][1], "pdf_kib": sum(sizes) / len(sizes) / 1024,
            "pdf_steady": (len(sizes) - 1) / (last - first), "pdf_start": first - ready, "pdf_prepare": ready - begun}

def with_a_year_of_trend(context: dict, seed: int) -> dict:
    """The benchmark's inbox holds one month, so each page would draw a one-point chart; a worker's
    page after a year draws twelve, which costs more. The eleven earlier months are made up
    (the month's score, moved a few points), only so that the page is drawn at its real size."""
    rng = random.Random(f"{seed}-{context['w']['worker_id']}")
    score = float(context["w"]["score"] or 75)
    months = [str(m) for m in Month.parse(MONTH).back(12)]
    earlier = [round(min(100.0, max(0.0, score + rng.uniform(-6, 6))), 2) for _ in range(11)]
    return {**context, "months": months, "trend": [*earlier, *context["trend"][-1:]]}


def _floor(survey_csv: Path) -> float:
    floor_con = duckdb.connect()
    start = time.perf_counter()
    floor_con.execute(FLOOR_SQL, [str(survey_csv)]).fetchall()
    return time.perf_counter() - start


def _gx_import_seconds() -> float:
    """GX is imported lazily (the first validation of a process pays for it, ~5 s on 2 cores): the
    stages below are timed with it loaded, as in a process that runs many months."""
    start = time.perf_counter()
    import gridpay.expectations.runner  # noqa: F401
    return time.perf_counter() - start


def main() -> None:
    print(f"importing Great Expectations (once a process, not counted in the stages): {_gx_import_seconds():.1f} s")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100k,1M")
    parser.add_argument("--pdf-sample", type=int, default=535, help="worker pages to render (a district has ~500)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="profile the pipeline stages of each size")
    parser.add_argument("--reports-up-to", default="1M",
                        help="render reports only at sizes up to this one (a 10M month has ~27,000 workers; none: no reports)")
    parser.add_argument("--full-run-up-to", default="100k",
                        help="time a whole `gridpay run --reports all` (every worker's PDF) at sizes up to this one (none: never)")
    parser.add_argument("--outputs", type=Path, default=None,
                        help="keep payroll.csv, grid_scores.csv, quarantine.csv of each size in DIR/<size>, or "
                             "compare them byte for byte with those kept there by an earlier run")
    parser.add_argument("--inbox-cache", type=Path, default=None,
                        help="keep each size's generated inbox in DIR (hard links) and reuse it next time")
    parser.add_argument("--no-audit", action="store_true", help="skip `gridpay audit` of each month (as long as the run)")
    parser.add_argument("--no-prefect", action="store_true", help="skip measuring Prefect's fixed cost (~25 s)")
    args = parser.parse_args()
    results = []
    for label in args.sizes.split(","):
        root = Path(tempfile.mkdtemp(prefix=f"gridpay-bench-{label}-"))
        try:
            results.append(run_size(label, SIZES[label], root, args.pdf_sample, args.seed,
                                    reports=SIZES[label] <= SIZES.get(args.reports_up_to, 0), profile=args.profile,
                                    full_run=SIZES[label] <= SIZES.get(args.full_run_up_to, 0), outputs=args.outputs,
                                    audit=not args.no_audit, inbox_cache=args.inbox_cache))
        finally:
            shutil.rmtree(root, ignore_errors=True)
        print_result(results[-1])
    if not args.no_prefect:
        print(prefect_fixed_cost())
    print(f"\nmachine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, Python {platform.python_version()}, "
          f"duckdb {duckdb.__version__}; max RSS of the whole run {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20:.2f} GiB")


if __name__ == "__main__":
    main()
