"""The benchmark's month: a generated community of the size asked for (the demo's generator),
the policy it runs under, and its CSVs compared with those a run of the code before a change kept."""
from __future__ import annotations

import multiprocessing
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from gridpay.core.settings import DEFAULT_POLICY
from gridpay.flows.demo_data import DemoScale, demo_tables

MONTH = "2026-10"


def write_inbox(inbox: Path, responses: int, seed: int) -> int:
    grids = max(4, responses // 500)
    households = int(responses / 0.21)
    tables = demo_tables(DemoScale(households=households, months=1, end_month=MONTH, seed=seed, grids=grids))
    (inbox / "surveys").mkdir(parents=True, exist_ok=True)
    for name in ("grids", "workers", "assignments"):
        tables[name].to_csv(inbox / f"{name}.csv", index=False)
    surveys = tables[f"surveys_{MONTH}"]
    pacsv.write_csv(pa.Table.from_pandas(surveys.astype(str), preserve_index=False), inbox / "surveys" / f"{MONTH}.csv")
    return len(surveys)


def bench_policy(root: Path) -> Path:
    """The default policy, but the generator's deliberately broken rows (1 in 800 naming grid ZZ99:
    125 at 100k) stay invalid rows, as they were before the [gate] unknown_grid_rows stop, rather
    than stopping the month: the benchmark times a month that publishes."""
    text = DEFAULT_POLICY.read_text(encoding="utf-8")
    assert "\nunknown_grid_rows = 5\n" in text and "\nsimilar_grid_rows = 1\n" in text
    assert '\nsheet_scales = "checked"\n' in text
    path = root / "policy.toml"
    # at 1M the grids reach CZ99, which ZZ99 reads like (a "did you mean": gate.similar_grid_rows); the broken rows'
    # answers of 6 to 10 read as a sheet typed on a 10-point scale (survey.sheet_scales, policy 2027.15)
    path.write_text(text.replace("\nunknown_grid_rows = 5\n", "\nunknown_grid_rows = 1000000000\n").replace(
        "\nsimilar_grid_rows = 1\n", "\nsimilar_grid_rows = 1000000000\n").replace(
        '\nsheet_scales = "checked"\n', '\nsheet_scales = "as_typed"\n'), encoding="utf-8")
    return path


def month_inbox(inbox: Path, label: str, responses: int, seed: int, cache: Path | None) -> tuple[int, float]:
    """The benchmark month's inbox in `inbox`: (survey rows, seconds it took). Generated in a child
    process, so that the generator's memory is not counted as the pipeline's; with `cache`, the same
    month generated before is linked in (10M: ~6 min to generate)."""
    t = time.perf_counter()
    cached = cache / f"{label}-seed{seed}" if cache else None
    if cached and (cached / "rows").is_file():
        shutil.copytree(cached, inbox, copy_function=os.link, ignore=shutil.ignore_patterns("rows"))
        return int((cached / "rows").read_text()), time.perf_counter() - t
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        rows = pool.submit(write_inbox, inbox, responses, seed).result()
    if cached:
        shutil.rmtree(cached, ignore_errors=True)
        shutil.copytree(inbox, cached, copy_function=os.link)
        (cached / "rows").write_text(str(rows))
    return rows, time.perf_counter() - t


COMPARED = ("payroll.csv", "grid_scores.csv", "quarantine.csv")


def compare_outputs(published: Path, kept: Path) -> str:
    """The month's CSVs against those an earlier benchmark kept in `kept` (the code before a
    change); the first time, they are kept there. The generator and the phone key are seeded, so
    the same code publishes the same bytes."""
    if not all((kept / name).is_file() for name in COMPARED):
        kept.mkdir(parents=True, exist_ok=True)
        for name in COMPARED:
            shutil.copyfile(published / name, kept / name)
        return f"outputs kept in {kept} (to compare the next run against)"
    differ = [name for name in COMPARED if (published / name).read_bytes() != (kept / name).read_bytes()]
    return (f"outputs DIFFER from {kept}: {', '.join(differ)}" if differ
            else f"outputs byte-identical to {kept} ({', '.join(COMPARED)})")
