"""The DuckDB warehouse: schema, loading a run's staged inputs, running the SQL models in order,
and storing the run's results next to every earlier run's."""
from __future__ import annotations

import calendar
from dataclasses import astuple, fields
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow as pa

from gridpay import transforms
from gridpay.core.errors import ConfigError
from gridpay.core.settings import duckdb_memory_limit
from gridpay.ingest.survey_stage import STAGE_DB
from gridpay.transforms.grid_scores import GridScore, GridStats, grid_scores
from gridpay.transforms.pay import PayLine, WorkerMonth, payroll
from gridpay.transforms.policy import Policy

SQL_DIR = Path(transforms.__file__).resolve().parent / "sql"
SCHEMA = Path(__file__).with_name("schema.sql")

# Dependency order of the SQL models; each builds one temp table named after its file. Between
# the two groups, transforms/grid_scores.py turns int_grid_stats into fct_grid_scores.
MODELS_BEFORE_GRID_SCORES = (
    "stg_grids", "stg_workers", "stg_assignments", "stg_adjustments", "stg_surveys", "stg_answers",
    "int_response_answers", "int_survey_exclusions", "int_response_scores", "int_response_flags", "int_grid_stats",
    "int_month_days", "int_worker_grid_day", "int_worker_grid_days", "fct_quarantine", "int_item_scores",
    "fct_item_drivers",
)
MODELS_AFTER_GRID_SCORES = ("fct_worker_scores",)
GRID_SCORE_COLUMNS = tuple(f.name for f in fields(GridScore))


def _text(value) -> str | None:
    if value is None:
        return None
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list, columns: tuple[str, ...] = ()) -> None:
    """Insert Python rows in one statement. Values travel as text and DuckDB casts them to the
    column types, so a Decimal stays exact; executemany took ~3 s for 30,000 payroll lines."""
    if not rows:
        return
    width = len(rows[0])
    frame = pa.table({f"c{i}": pa.array([_text(r[i]) for r in rows], pa.string()) for i in range(width)})
    target = f"{table} ({', '.join(columns)})" if columns else table
    con.register("rows_to_insert", frame)
    try:
        con.execute(f"insert into {target} select * from rows_to_insert")
    finally:
        con.unregister("rows_to_insert")


def connect(db: Path) -> duckdb.DuckDBPyConnection:
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(str(db))
    except duckdb.Error as exc:
        raise ConfigError(f"{db}: cannot open the warehouse ({str(exc).splitlines()[0]}); "
                          f"see `gridpay doctor` and restore it from backup") from exc
    con.execute(f"set memory_limit = '{duckdb_memory_limit()}'")
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    return con


def load_raw(con: duckdb.DuckDBPyConnection, run_id: str, workdir: Path, policy: Policy) -> None:
    def parquet(name: str) -> str:
        return str(workdir / f"{name}.parquet")

    con.execute("insert into raw_grids select ?, source_file, row_number, grid_id, grid_name, community, "
                "households, area from read_parquet(?)", [run_id, parquet("grids")])
    con.execute("insert into raw_workers select ?, source_file, row_number, worker_id, name, phone_hash, "
                "perf_pay_target from read_parquet(?)", [run_id, parquet("workers")])
    con.execute("insert into raw_assignments select ?, source_file, row_number, worker_id, grid_id, "
                "start_date, end_date, weight from read_parquet(?)", [run_id, parquet("assignments")])
    con.execute("insert into raw_adjustments select ?, source_file, row_number, worker_id, month, amount, "
                "reason, approved_by from read_parquet(?)", [run_id, parquet("adjustments")])
    # the stage file holds the survey rows (hashed, masked) and validation's verdict on each
    con.execute("attach ? as stage (read_only)", [str(workdir / STAGE_DB)])
    try:
        con.execute("insert into raw_surveys select ?, s.row_id, s.source_file, s.row_number, s.response_id, "
                    "s.grid_id, s.household_id, s.respondent_phone_hash, s.submitted_at, s.submitted_at_ts, "
                    "s.channel, s.duration_s, s.comment, v.invalid_reason from stage.surveys s "
                    "left join stage.survey_invalid v using (row_id)", [run_id])
        # Item names come from the policy (checked to be plain identifiers), never from input files.
        items = ", ".join(f'"{item}"' for item in policy.items)
        con.execute(f"insert into raw_answers select ?, row_id, item, answer from "
                    f"(unpivot (select row_id, {items} from stage.surveys) on {items} "
                    f"into name item value answer)", [run_id])
    finally:
        con.execute("detach stage")
    insert_rows(con, "policy_items", [[run_id, item, weight] for item, weight in policy.item_weights.items()])


def _run_params(con: duckdb.DuckDBPyConnection, run_id: str, month: str, policy: Policy) -> None:
    """Every value the SQL models take from outside, as one row: no SQL is built from values."""
    year, mon = (int(x) for x in month.split("-"))
    days = calendar.monthrange(year, mon)[1]
    rules = policy.integrity
    params = {
        "run_id": run_id, "month": month, "month_start": f"{month}-01", "month_end": f"{month}-{days:02d}",
        "days_in_month": days, "scale_min": policy.scale_min, "scale_max": policy.scale_max,
        "overall_item": policy.overall_item, "dedupe_household": rules.dedupe_household,
        "exclude_self_rating": rules.exclude_self_rating, "speeder": rules.speeder,
        "speeder_fraction": rules.speeder_fraction, "straight_line_min_items": rules.straight_line_min_items,
        "burst_window_minutes": rules.burst_window_minutes, "burst_min_responses": rules.burst_min_responses,
    }
    casts = {"month_start": "date", "month_end": "date"}
    columns = ", ".join(f"cast(? as {casts[k]}) as {k}" if k in casts else f"? as {k}" for k in params)
    con.execute(f"create or replace temp table run_params as select {columns}", list(params.values()))


def run_models(con: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> None:
    for name in names:
        sql = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
        con.execute(f"create or replace temp table {name} as {sql}")


def _four_places(value):
    if isinstance(value, float):
        return None if value != value else Decimal(repr(value)).quantize(Decimal("0.0001"))
    return value


def _grid_scores(con: duckdb.DuckDBPyConnection, month: str, policy: Policy) -> None:
    """fct_grid_scores: one row per grid per month, from int_grid_stats and the policy."""
    stats = [GridStats(*row) for row in con.execute("select * from int_grid_stats order by grid_id").fetchall()]
    baseline = vbp_baseline(con, month, policy) if policy.scoring.mode == "vbp" else None
    rows = [[_four_places(v) for v in astuple(g)] for g in grid_scores(stats, policy, baseline)]
    con.execute("create or replace temp table fct_grid_scores as select * from grid_scores where false")
    con.execute("alter table fct_grid_scores drop column run_id")
    con.execute("alter table fct_grid_scores drop column month")
    insert_rows(con, "fct_grid_scores", rows, GRID_SCORE_COLUMNS)


def vbp_baseline(con: duckdb.DuckDBPyConnection, month: str, policy: Policy) -> dict[str, float]:
    """Each grid's mean adjusted score over the published months of the baseline period."""
    first = con.execute("select strftime(cast(? as date) - to_months(?), '%Y-%m')",
                        [f"{month}-01", policy.scoring.vbp_baseline_months]).fetchone()[0]
    return dict(con.execute(
        "select g.grid_id, avg(g.adjusted_score)::double from grid_scores as g "
        "join published as p on p.run_id = g.run_id "
        "where p.month >= ? and p.month < ? and g.adjusted_score is not null "
        "group by g.grid_id order by g.grid_id", [first, month]).fetchall())


def _pay_lines(con: duckdb.DuckDBPyConnection, policy: Policy) -> list[tuple[WorkerMonth, PayLine]]:
    adjustments = dict(con.execute(
        "select worker_id, sum(amount_yuan) from stg_adjustments group by worker_id").fetchall())
    months = [WorkerMonth(*row[:6], scored_share=row[6], responses=int(row[7] or 0), has_insufficient_grid=bool(row[8]))
              for row in con.execute("select * from fct_worker_scores order by worker_id").fetchall()]
    return list(zip(months, payroll(months, policy.coefficient, policy.budget, adjustments)))


def load_and_score(con: duckdb.DuckDBPyConnection, run_id: str, month: str, workdir: Path,
                   policy: Policy) -> None:
    """Inside the caller's transaction: the run's inputs and results, all keyed by run_id."""
    load_raw(con, run_id, workdir, policy)
    score(con, run_id, month, policy)


def score(con: duckdb.DuckDBPyConnection, run_id: str, month: str, policy: Policy) -> None:
    """Run the models over the run's loaded inputs and store every result table."""
    _run_params(con, run_id, month, policy)
    run_models(con, MODELS_BEFORE_GRID_SCORES)
    _grid_scores(con, month, policy)
    run_models(con, MODELS_AFTER_GRID_SCORES)
    con.execute("insert into quarantine select ?, ?, * from fct_quarantine", [run_id, month])
    con.execute(f"insert into grid_scores (run_id, month, {', '.join(GRID_SCORE_COLUMNS)}) "
                f"select ?, ?, {', '.join(GRID_SCORE_COLUMNS)} from fct_grid_scores", [run_id, month])
    con.execute("insert into response_flags select ?, ?, row_id, flag from int_response_flags", [run_id, month])
    con.execute("insert into item_scores select ?, ?, * from int_item_scores", [run_id, month])
    con.execute("insert into item_drivers select ?, ?, * from fct_item_drivers", [run_id, month])
    con.execute("insert into worker_scores select ?, ?, * from fct_worker_scores", [run_id, month])
    con.execute("insert into counted_responses select ?, ?, row_id, grid_id, response_score "
                "from int_response_scores", [run_id, month])
    con.execute("insert into worker_grid_days select ?, ?, * from int_worker_grid_days", [run_id, month])
    insert_rows(
        con, "payroll",
        [[run_id, ln.worker_id, ln.name, month, ln.score, ln.responses, ln.coefficient,
          wm.perf_pay_target, wm.assigned_days, wm.days_in_month, ln.performance_pay, ln.adjustment,
          ln.total_pay, ";".join(ln.flags)] for wm, ln in _pay_lines(con, policy)])


def store_validation(con: duckdb.DuckDBPyConnection, run_id: str, month: str, rules) -> None:
    insert_rows(con, "validation_rules",
                [[run_id, month, "surveys", r.rule, r.column, r.reason, r.failed_rows, r.success] for r in rules])


def publish_pointer(con: duckdb.DuckDBPyConnection, month: str, run_id: str) -> None:
    con.execute("insert or replace into published values (?, ?, now()::timestamp)", [month, run_id])
