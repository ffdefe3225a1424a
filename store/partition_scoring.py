"""The month's models over one partition (a district's survey file), where a Dask worker runs them, and the
driver's merge of what the partitions return. Nothing here imports Dask: the shell (flows/partitions.py) hands
`partitioned_scores` its stager, whose `map` runs a function over a list of tasks on the cluster.

A worker builds a small warehouse of its own (in memory, spilling to its private scratch): the reference tables,
its partition's survey rows with validation's verdict, the run's parameters, and runs the very SQL models the driver
would (transforms/sql/) up to the per-row and per-grid ones. It writes them into `<workdir>/part-<n>/models.duckdb`
(exact types: sums stay HUGEINT and DECIMAL). The driver then reads, for scoring, tables of grids, and keeps the
per-row ones (counted responses, flags, quarantine) in the warehouse through views.

This holds where every per-row rule is local to a partition (households within a grid, no grid answered in two); the
speeder rule's median is the exact median of the workers' histograms of durations. Else the driver scores."""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import duckdb
import pandas as pd

from gridpay.core.layout import STAGE_DB, private_scratch
from gridpay.core.settings import duckdb_memory_limit
from gridpay.ingest.duckdb_reader import sql_text
from gridpay.ingest.grid_aliases import grid_aliases
from gridpay.ingest.partition import Partitioning
from gridpay.ingest.review_files import answers_moved
from gridpay.ingest.survey_stage import stage_connection
from gridpay.store.models import Model, run_models, sql_models
from gridpay.store.scoring import run_params
from gridpay.store.warehouse import load_raw, migrate
from gridpay.transforms.policy import Policy
from gridpay.transforms.privacy import MASKED_PREFIX, TWO_PREFIX

log = logging.getLogger("gridpay")

REFERENCE = ("grids", "grid_compounds", "workers", "worker_phones", "assignments", "adjustments", "appeals", "verification")
# per-row models: the union of the partitions' rows (their row_ids are the month's, disjoint)
ROW_MODELS = ("int_survey_exclusions", "int_review_exclusions", "int_exclusions", "int_response_scores",
              "int_response_flags", "fct_quarantine")
# per-grid models: each grid is in one partition, so the union is the month's table
GRID_MODELS = ("int_grid_item_sums", "int_grid_reviews", "fct_grid_exclusions")
# int_grid_stats has a row for every grid of grids.csv: each partition keeps those it answered
# (partition 0 all of them), the driver keeps each grid's answered row
ALL_GRIDS = "int_grid_stats"
EMPTY = "int_response_answers"          # read only by int_response_scores: empty on the driver
EXCLUDE_MEDIAN = ("select median(duration_s) as seconds\n    from int_surveys\n    where not is_invalid and "
                  "duration_s is not null and row_id not in (select row_id from self_rated)\n)")
FLAG_MEDIAN = "select median(duration_s) as seconds from int_response_scores where duration_s is not null"


@dataclass(frozen=True)
class PartScoring:
    """One partition's scoring task: its staged rows, where its row_ids start, the month's median durations."""
    index: int
    surveys: str                  # <workdir>/part-<n>/surveys.parquet (row_id local to the file)
    first_row: int
    workdir: str
    run_id: str
    month: str
    policy: Policy
    exclude_median: float | None = None
    flag_median: float | None = None


def fallback_reason(policy: Policy, shared_grid: str | None, grid_aliases: bool = False,
                    phones_settled: bool = False, moved: bool = False) -> str | None:
    """Why this month cannot be scored partition by partition (the driver scores it), or None. `grid_aliases`:
    grids.csv gives grids other names, which the driver maps on the merged month's rows after the partitions were
    staged (a worker would count an alias's rows nowhere); `phones_settled`: so too for some phones."""
    if grid_aliases:
        return "grids.csv gives grids other names (aliases), mapped on the whole month's rows"
    if phones_settled:      # a worker's own answer through such a phone is recognised on the merged rows only
        return "answers give phones a platform masked or two numbers in a cell, read on the whole month's rows"
    if moved:               # ... and an answer an appeal counts in its resident's grid, maybe another partition's
        return "an upheld 非本网格 appeal counts an answer in its resident's grid (resident_grid), maybe another file's"
    if policy.scoring.household_scope != "grid":
        return 'scoring.household_scope = "month": a household may answer in two districts'
    if shared_grid is not None:
        return f"grid {shared_grid} is answered in more than one survey file: its bursts and households span partitions"
    models = sql_models()
    if EXCLUDE_MEDIAN not in models["int_survey_exclusions"].sql or FLAG_MEDIAN not in models["int_response_flags"].sql:
        return "the speeder rule's median is not the one this path computes (transforms/sql/ changed)"
    return None


def _closure(models: dict[str, Model], targets: tuple[str, ...]) -> dict[str, Model]:
    wanted, todo = set(), list(targets)
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo.extend(models[name].inputs)
    return {n: m for n, m in models.items() if n in wanted}


def _with_median(model: Model, seconds: float | None) -> Model:
    """The model with the month's median in place of its partition's own (`max` of one constant:
    null over no rows, as the median is)."""
    value = "null" if seconds is None else repr(float(seconds))
    return replace(model, sql=model.sql.replace("median(duration_s)", f"max(cast({value} as double))"))


def _part_warehouse(task: PartScoring, scratch: Path) -> duckdb.DuckDBPyConnection:
    """A warehouse of this partition alone: the run's reference tables and its survey rows, with
    the month's row_ids and validation's verdict, loaded as the driver loads the month."""
    shared = Path(task.workdir)
    for name in REFERENCE:
        if (shared / f"{name}.parquet").exists():        # worker_phones: only under a policy that keeps them
            os.symlink(shared / f"{name}.parquet", scratch / f"{name}.parquet")
    last = task.first_row + 2**31 - 1
    with duckdb.connect(str(scratch / STAGE_DB)) as stage:     # views: the rows are read once, by the load
        stage.execute(f"create view surveys as select (row_id + {int(task.first_row)})::integer as row_id, "
                      f"* exclude (row_id) from read_parquet({sql_text(task.surveys)})")
        stage.execute(f"create view survey_invalid as select * from read_parquet("
                      f"{sql_text(str(shared / 'survey_invalid.parquet'))}) "
                      f"where row_id between {int(task.first_row)} and {last}")
    con = duckdb.connect()
    con.execute(f"set memory_limit = '{duckdb_memory_limit()}'")
    con.execute("set enable_progress_bar = false")          # a worker's stderr is no one's terminal
    con.execute(f"set temp_directory = {sql_text(str(scratch / 'spill'))}")
    migrate(con)
    load_raw(con, task.run_id, scratch, task.policy)
    run_params(con, task.run_id, task.month, task.policy)
    return con


def part_durations(task: PartScoring, rule: str) -> list[tuple[int, int]]:
    """This partition's (seconds, rows) that the month's median for `rule` is taken over:
    "exclude", valid rows not self-ratings; "flag", counted responses."""
    with private_scratch("gridpay-scoring-") as scratch, _part_warehouse(task, scratch) as con:
        models = sql_models()
        if rule == "exclude":
            run_models(con, _closure(models, ("int_surveys", "stg_worker_phones", "stg_assignments")), {})
            sql = models["int_survey_exclusions"].sql
            head = sql[:sql.index(EXCLUDE_MEDIAN) + len(EXCLUDE_MEDIAN)]
            query = (head.replace("select median(duration_s) as seconds", "select duration_s as seconds")
                     + "\nselect seconds, count(*) from median_duration group by seconds")
        else:
            run_models(con, _month_models(task, ("int_response_scores",)), {})
            query = "select duration_s, count(*) from int_response_scores where duration_s is not null group by 1"
        return [(int(s), int(n)) for s, n in con.execute(query).fetchall()]


def _month_models(task: PartScoring, targets: tuple[str, ...]) -> dict[str, Model]:
    models = dict(sql_models())
    models["int_survey_exclusions"] = _with_median(models["int_survey_exclusions"], task.exclude_median)
    models["int_response_flags"] = _with_median(models["int_response_flags"], task.flag_median)
    return _closure(models, targets)


def score_part(task: PartScoring) -> str:
    """Run the per-row and per-grid models over this partition; their tables go into
    <workdir>/part-<n>/models.duckdb. Returns its path."""
    target = Path(task.surveys).with_name("models.duckdb")
    target.unlink(missing_ok=True)
    with private_scratch("gridpay-scoring-") as scratch, _part_warehouse(task, scratch) as con:
        run_models(con, _month_models(task, ROW_MODELS + GRID_MODELS + (ALL_GRIDS,)), {})
        con.execute("attach ? as part", [str(target)])
        for name in ROW_MODELS + GRID_MODELS:
            con.execute(f"create table part.{name} as select * from {name}")
        answered = "" if task.index == 0 else " where responses > 0"
        con.execute(f"create table part.{ALL_GRIDS} as select * from {ALL_GRIDS}{answered}")
        con.execute(f"create table part.{EMPTY} as select * from {EMPTY} limit 0")
        con.execute("detach part")
    return str(target)


def exact_median(histograms: list[list[tuple[int, int]]]) -> float | None:
    """DuckDB's median of the rows the histograms count: the middle value, or the mean of the
    two middle ones (as a double), None for no rows."""
    counts: dict[int, int] = {}
    for histogram in histograms:
        for seconds, n in histogram:
            counts[seconds] = counts.get(seconds, 0) + n
    total = sum(counts.values())
    if not total:
        return None
    wanted, middle, seen = {(total - 1) // 2, total // 2}, {}, 0
    for seconds in sorted(counts):
        for position in [p for p in wanted if seen <= p < seen + counts[seconds]]:
            middle[position] = seconds
        seen += counts[seconds]
    return (low := float(middle[(total - 1) // 2])) + (float(middle[total // 2]) - low) * 0.5


@dataclass(frozen=True)
class PartitionedScores:
    """The partitions' model tables, as the driver's scoring reads them (store/scoring.py, score):
    the per-row models as views over the parts (kept in the warehouse through them, never copied
    into the driver's memory), the per-grid ones as tables, their keys tested as they are built."""
    parts: tuple[str, ...]                     # each partition's models.duckdb

    def models(self, models: dict[str, Model]) -> dict[str, Model]:
        built_here = set(ROW_MODELS + GRID_MODELS + (ALL_GRIDS, EMPTY))
        return {name: replace(m, sql=None, view=m.view or name in ROW_MODELS) if name in built_here else m
                for name, m in models.items()}

    def builders(self) -> dict[str, Callable[[duckdb.DuckDBPyConnection], None]]:
        made = {name: self._union(name, "view") for name in ROW_MODELS}
        made |= {name: self._union(name, "table") for name in GRID_MODELS}
        made[ALL_GRIDS] = self._union(ALL_GRIDS, "table", "qualify row_number() over (partition by grid_id "
                                                          "order by responses desc) = 1 order by grid_id")
        made[EMPTY] = self._union(EMPTY, "table")
        return made

    def _union(self, name: str, kind: str, tail: str = "") -> Callable[[duckdb.DuckDBPyConnection], None]:
        def build(con: duckdb.DuckDBPyConnection) -> None:
            attached = {n for (n,) in con.execute("select database_name from duckdb_databases()").fetchall()}
            for i, path in enumerate(self.parts):
                if f"gridpay_part_{i}" not in attached:
                    con.execute(f"attach {sql_text(path)} as gridpay_part_{i} (read_only)")
            union = " union all ".join(f"select * from gridpay_part_{i}.{name}" for i in range(len(self.parts)))
            con.execute(f"create or replace temp {kind} {name} as select * from ({union}) {tail}")
        return build


def _phones_settled(parts: tuple[str, ...]) -> bool:
    """A part's phone the driver reads on the merged month (ingest/masked_phones.py, two_phones.py): prefixed."""
    files = ", ".join(sql_text(p) for p in parts)
    with duckdb.connect() as con:
        return con.execute(f"select exists (select 1 from read_parquet([{files}]) where respondent_phone_hash "
                           f"like '{MASKED_PREFIX}%' or respondent_phone_hash like '{TWO_PREFIX}%')").fetchone()[0]


def partitioned_scores(workdir: Path, partitioning: Partitioning, run_id: str, month: str, policy: Policy,
                       stager) -> PartitionedScores | None:
    """Run the month's per-row and per-grid models on the workers (`stager.map(fn, tasks, **kw)`,
    results in task order); None, with one line saying why, where the driver scores it itself."""
    if not partitioning.surveys:
        return None
    reason = fallback_reason(policy, partitioning.shared_grid, bool(grid_aliases(pd.read_parquet(workdir / "grids.parquet"))),
                             _phones_settled(partitioning.surveys), answers_moved(workdir, month))
    if reason is not None:
        log.info("scoring the month's answers in this process, not on the workers: %s", reason)
        return None
    with stage_connection(workdir) as con:     # the rows validation rejected, for each worker to mark
        con.execute(f"copy survey_invalid to {sql_text(str(workdir / 'survey_invalid.parquet'))} (format parquet)")
    tasks = [PartScoring(i, path, first, str(workdir), run_id, month, policy)
             for i, (path, first) in enumerate(zip(partitioning.surveys, partitioning.first_rows))]
    speeder = policy.integrity.speeder
    if speeder in ("exclude", "flag"):      # the month's median duration, from every partition's histogram
        median = exact_median(stager.map(part_durations, tasks, rule=speeder))
        field = "exclude_median" if speeder == "exclude" else "flag_median"
        tasks = [replace(t, **{field: median}) for t in tasks]
    scores = PartitionedScores(tuple(stager.map(score_part, tasks)))
    log.info("ran the month's per-row and per-grid models on the Dask workers, %d partitions", len(tasks))
    return scores
