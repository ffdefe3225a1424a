"""The DuckDB warehouse: schema, loading a run's staged inputs, running the SQL models in order,
and storing the run's results next to every earlier run's."""
from __future__ import annotations

import calendar
from decimal import Decimal
from pathlib import Path

import duckdb

from transforms.pay import PayLine, WorkerMonth, pay_line
from transforms.policy import Policy

SQL_DIR = Path(__file__).resolve().parents[1] / "transforms" / "sql"
SCHEMA = Path(__file__).with_name("schema.sql")

# Dependency order of the models; each builds one temp table named after its file.
MODELS = (
    "stg_grids", "stg_workers", "stg_assignments", "stg_adjustments", "stg_surveys", "stg_answers",
    "int_survey_exclusions", "int_response_scores", "int_month_days", "int_worker_grid_day",
    "int_worker_grid_days", "fct_quarantine", "fct_grid_scores", "fct_worker_scores",
)


def connect(db: Path) -> duckdb.DuckDBPyConnection:
    db.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db))
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    return con


def _load_raw(con: duckdb.DuckDBPyConnection, run_id: str, workdir: Path, policy: Policy) -> None:
    def parquet(name: str) -> str:
        return str(workdir / f"{name}.parquet")

    con.execute("insert into raw_grids select ?, source_file, row_number, grid_id, grid_name, community, "
                "households from read_parquet(?)", [run_id, parquet("grids")])
    con.execute("insert into raw_workers select ?, source_file, row_number, worker_id, name, phone_hash, "
                "perf_pay_target from read_parquet(?)", [run_id, parquet("workers")])
    con.execute("insert into raw_assignments select ?, source_file, row_number, worker_id, grid_id, "
                "start_date, end_date, weight from read_parquet(?)", [run_id, parquet("assignments")])
    con.execute("insert into raw_adjustments select ?, source_file, row_number, worker_id, month, amount, "
                "reason, approved_by from read_parquet(?)", [run_id, parquet("adjustments")])
    surveys = parquet("surveys_validated")
    con.execute("insert into raw_surveys select ?, row_id, source_file, row_number, response_id, grid_id, "
                "household_id, respondent_phone_hash, submitted_at, submitted_at_ts, channel, duration_s, "
                "comment, invalid_reason from read_parquet(?)", [run_id, surveys])
    # Item names come from the policy (checked to be plain identifiers), never from input files.
    items = ", ".join(f'"{item}"' for item in policy.items)
    con.execute(f"insert into raw_answers select ?, row_id, item, answer from "
                f"(unpivot (select row_id, {items} from read_parquet(?)) on {items} "
                f"into name item value answer)", [run_id, surveys])
    con.executemany("insert into policy_items values (?, ?, ?)",
                    [[run_id, item, weight] for item, weight in policy.item_weights.items()])


def _run_params(con: duckdb.DuckDBPyConnection, run_id: str, month: str, policy: Policy) -> None:
    year, mon = (int(x) for x in month.split("-"))
    days = calendar.monthrange(year, mon)[1]
    con.execute(
        "create or replace temp table run_params as select ? as run_id, ? as month, "
        "cast(? as date) as month_start, cast(? as date) as month_end, ? as days_in_month, "
        "? as min_responses, ? as scale_min, ? as scale_max, ? as dedupe_household",
        [run_id, month, f"{month}-01", f"{month}-{days:02d}", days, policy.min_responses,
         policy.scale_min, policy.scale_max, policy.dedupe_household])


def run_models(con: duckdb.DuckDBPyConnection) -> None:
    for name in MODELS:
        sql = (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")
        con.execute(f"create or replace temp table {name} as {sql}")


def _pay_lines(con: duckdb.DuckDBPyConnection, policy: Policy) -> list[tuple[WorkerMonth, PayLine]]:
    adjustments = dict(con.execute(
        "select worker_id, sum(amount_yuan) from stg_adjustments group by worker_id").fetchall())
    lines = []
    for row in con.execute("select * from fct_worker_scores order by worker_id").fetchall():
        month = WorkerMonth(*row[:6], scored_share=row[6], responses=int(row[7] or 0),
                            has_insufficient_grid=bool(row[8]))
        adjustment = adjustments.get(month.worker_id, Decimal(0))
        lines.append((month, pay_line(month, policy.coefficient, adjustment)))
    return lines


def load_and_score(con: duckdb.DuckDBPyConnection, run_id: str, month: str, workdir: Path,
                   policy: Policy) -> None:
    """Inside the caller's transaction: the run's inputs and results, all keyed by run_id."""
    _load_raw(con, run_id, workdir, policy)
    _run_params(con, run_id, month, policy)
    run_models(con)
    con.execute("insert into quarantine select ?, ?, * from fct_quarantine", [run_id, month])
    con.execute("insert into grid_scores select ?, * from fct_grid_scores", [run_id])
    con.execute("insert into counted_responses select ?, ?, row_id, grid_id, response_score "
                "from int_response_scores", [run_id, month])
    con.execute("insert into worker_grid_days select ?, ?, * from int_worker_grid_days", [run_id, month])
    con.executemany(
        "insert into payroll values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [[run_id, ln.worker_id, ln.name, month, ln.score, ln.responses, ln.coefficient,
          wm.perf_pay_target, wm.assigned_days, wm.days_in_month, ln.performance_pay, ln.adjustment,
          ln.total_pay, ";".join(ln.flags)] for wm, ln in _pay_lines(con, policy)])


def store_validation(con: duckdb.DuckDBPyConnection, run_id: str, month: str, rules) -> None:
    con.executemany("insert into validation_rules values (?, ?, 'surveys', ?, ?, ?, ?, ?)",
                    [[run_id, month, r.rule, r.column, r.reason, r.failed_rows, r.success] for r in rules])


def publish_pointer(con: duckdb.DuckDBPyConnection, month: str, run_id: str) -> None:
    con.execute("insert or replace into published values (?, ?, now()::timestamp)", [month, run_id])
