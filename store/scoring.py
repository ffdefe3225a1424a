"""Score a run: its parameters as one row, the model graph (store/models.py) over its loaded
inputs, pay from the pure functions of transforms/pay.py, and every result stored by run_id."""
from __future__ import annotations

from dataclasses import fields
from decimal import Decimal
from pathlib import Path

import duckdb

from gridpay.core.errors import ConfigError
from gridpay.core.month import Month
from gridpay.store.models import Model, rows_by_name, run_models, sql_models, store_models
from gridpay.core.table_rows import insert_rows
from gridpay.store.warehouse import load_raw
from gridpay.transforms.payer_communities import payer_communities
from gridpay.transforms.reasons import register_reasons
from gridpay.transforms.grid_scores import GridScore, GridStats, grid_scores
from gridpay.transforms.month_review import dropped_grids, pay_changed, review_flags
from gridpay.transforms.thin_grids import WindowStats, low_rate_grids
from gridpay.transforms.pay import PayLine, WorkerMonth, payroll
from gridpay.transforms.policy import Policy
from gridpay.transforms.rounding import rounded

GRID_SCORE_COLUMNS = tuple(f.name for f in fields(GridScore))


def run_params(con: duckdb.DuckDBPyConnection, run_id: str, month: str, policy: Policy) -> None:
    """Every value the SQL models take from outside, as one row: no SQL is built from values."""
    m = Month.parse(month)
    rules = policy.integrity
    params = {
        "run_id": run_id, "month": month, "month_start": m.first_day.isoformat(),
        "month_end": m.last_day.isoformat(), "days_in_month": m.days, "scale_min": policy.scale_min,
        "scale_max": policy.scale_max, "overall_item": policy.overall_item,
        # a survey row's answers are a list in this order (raw_surveys.answers)
        "items": list(policy.items), "item_weights": [str(policy.item_weights[i]) for i in policy.items],
        "overall_position": policy.items.index(policy.overall_item) + 1,
        "callback_at_or_below": policy.callback_at_or_below,
        "appeals_high_disputes": policy.review.high_counts_disputes,
        "wrong_grid_before_household": policy.review.wrong_grid_before_household,
        "good_at_or_above": policy.good_at_or_above, "satisfied_at_or_above": policy.satisfied_at_or_above,
        "dedupe_household": rules.dedupe_household, "household_scope": policy.scoring.household_scope,
        "window_homes_by_door": policy.scoring.window_homes_by_door,
        "window_homes_by_compound": policy.scoring.window_homes_by_compound,
        "window_compound_names": policy.scoring.window_compound_names,
        "window_self_ratings": policy.scoring.window_self_ratings,
        "worker_score_from_shown": policy.scoring.worker_score_from_shown,
        "same_time_said": rules.same_time_said, "calls_before_household": rules.calls_before_household,
        "same_time_by_id": rules.same_time_by_id, "same_day_said": rules.same_day_said,
        "same_time_by_id_digits": rules.same_time_by_id_digits,
        "id_prefixes": sorted({layout.id_prefix for layout in policy.platforms if layout.id_prefix}
                              | {prefix for _, prefix in policy.file_id_prefixes if prefix}) or [""],
        "exclude_self_rating": rules.exclude_self_rating,
        "speeder": rules.speeder, "speeder_fraction": rules.speeder_fraction,
        "straight_line_min_items": rules.straight_line_min_items,
        "burst_window_minutes": rules.burst_window_minutes, "burst_min_responses": rules.burst_min_responses,
        "burst_all_answers": rules.burst_all_answers, "burst_timed_only": rules.burst_timed_only,
        "shared_phone_households": rules.shared_phone_households,
        "min_responses": policy.scoring.min_responses,
        "pool": policy.scoring.insufficient == "pool" and policy.scoring.pool_months is not None,
        "pool_first_month": str(m.first_of(policy.scoring.pool_months or 1)),
        "window_before_start_neutral": policy.scoring.window_before_start_neutral,
    }
    casts = {"month_start": "date", "month_end": "date", "items": "varchar[]", "item_weights": "decimal(9, 4)[]"}
    columns = ", ".join(f"cast(? as {casts[k]}) as {k}" if k in casts else f"? as {k}" for k in params)
    con.execute(f"create or replace temp table run_params as select {columns}", list(params.values()))
    register_reasons(con)       # the exclusion models write their reasons' texts with its macro


def _four_places(value):
    if isinstance(value, float):
        return None if value != value else rounded(Decimal(repr(value)), 4)
    return value


def scoring_window(con: duckdb.DuckDBPyConnection, month: str, policy: Policy) -> list[tuple[str, str]]:
    """(month, run_id) of the runs of earlier months that this month's scoring reads: pooled
    answers (scoring.pool_months) and the response-rate trend (scoring.low_rate_months), each the
    run published now. Only published months: a gate-failed or unpublished one gives nothing."""
    first = window_from(month, policy)
    if first is None:
        return []
    return con.execute("select month, run_id from published where month >= ? and month < ? order by month",
                       [first, month]).fetchall()


def _require_unpurged(con: duckdb.DuckDBPyConnection, month: str, policy: Policy, window: list) -> None:
    """A thin grid pools earlier months' answers: a month of the window whose answers were purged cannot be read
    (a fifty-fourth trial's re-run after `gridpay purge` lost its pooled window, all 11 lines moved, exit 0)."""
    if policy.scoring.insufficient != "pool" or policy.scoring.pool_months is None:
        return
    first = str(Month.parse(month).first_of(policy.scoring.pool_months))
    purged = [m for (m,) in con.execute("select distinct month from purges order by month").fetchall()
              if first <= m < month and m in {w for w, _ in window}]
    if purged:
        raise ConfigError(f"{month}: its thin grids pool the answers of {', '.join(purged)}, which were purged "
                          f"(gridpay purge): the month cannot be scored as it was published; purge only months "
                          f"older than the pooling window of any month you may still run or audit")


def window_from(month: str, policy: Policy) -> str | None:
    """The first earlier month the month's scoring reads; None: it reads none."""
    rules = policy.scoring
    if rules.pool_months is None and not policy.outcome.compares_months:
        return None
    back = max(rules.pool_months or 1, rules.low_rate_months if rules.min_response_rate is not None else 1) - 1
    if policy.outcome.compares_months:      # the month published last, to compare answers and pay with
        back = max(back, 1)
    return str(Month.parse(month).first_of(back + 1)) if back else None


def window_table(con: duckdb.DuckDBPyConnection, window: list[tuple[str, str]]) -> None:
    con.execute("create or replace temp table run_window (month varchar, window_run_id varchar)")
    if window:
        con.executemany("insert into run_window values (?, ?)", window)


def build_grid_scores(con: duckdb.DuckDBPyConnection, month: str, policy: Policy) -> None:
    """fct_grid_scores: one row per grid per month, from int_grid_stats, the pooled windows of thin
    grids and the policy (Python: empirical Bayes, Wilson intervals, value-based points)."""
    stats = [GridStats(**row) for row in rows_by_name(con.execute("select * from int_grid_stats order by grid_id"))]
    windows = {r["grid_id"]: WindowStats(**r) for r in rows_by_name(con.execute("select * from int_window_grid_stats"))}
    baseline = vbp_baseline(con, month, policy) if policy.scoring.mode == "vbp" else None
    earlier = [str(m) for m in Month.parse(month).back(policy.scoring.low_rate_months)[:-1]]
    rates = {s.grid_id: s.responses / s.households if s.households else None for s in stats}
    low = low_rate_grids(rates, earlier_rates(con), earlier, policy)      # a flag for HR; it changes no score
    reviewed = {grid: review_flags(*counts, policy.review) for grid, *counts in con.execute(
        "select grid_id, bad_reviews, upheld_bad, reached_calls, failed_calls from int_grid_reviews").fetchall()}
    below = policy.outcome.answers_dropped_below
    dropped = set() if below is None else dropped_grids(
        {s.grid_id: s.responses for s in stats}, dict(_last_published(con, "grid_scores", "grid_id, responses")), below)
    # getattr, not dataclasses.astuple: astuple deep-copies every field (7 s of 20,000 grids' rows)
    rows = [[_four_places(getattr(g, c)) for c in GRID_SCORE_COLUMNS]
            for g in grid_scores(stats, policy, baseline, windows, low, month, dropped, reviewed)]
    con.execute("create or replace temp table fct_grid_scores as select * exclude (run_id, month) "
                "from grid_scores where false")
    insert_rows(con, "fct_grid_scores", rows, GRID_SCORE_COLUMNS)


def _last_published(con: duckdb.DuckDBPyConnection, table: str, columns: str) -> list[tuple]:
    """Rows of `table` as the month published last before this one (the latest in the run's window) has them."""
    return con.execute(f"select {columns} from {table} where run_id = (select window_run_id from run_window "
                       f"order by month desc limit 1)").fetchall()


def earlier_rates(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, float | None]]:
    """The response rates the window's runs published, by grid, then month."""
    rates: dict[str, dict[str, float | None]] = {}
    for month, grid, rate in con.execute("select w.month, g.grid_id, g.response_rate::double from run_window as w "
                                         "join grid_scores as g on g.run_id = w.window_run_id").fetchall():
        rates.setdefault(grid, {})[month] = rate
    return rates


def vbp_baseline(con: duckdb.DuckDBPyConnection, month: str, policy: Policy) -> dict[str, float]:
    """Each grid's mean adjusted score over the published months of the baseline period."""
    first = str(Month.parse(month).previous.first_of(policy.scoring.vbp_baseline_months))
    return dict(con.execute(
        "select g.grid_id, avg(g.adjusted_score)::double from grid_scores as g "
        "join published as p on p.run_id = g.run_id "
        "where p.month >= ? and p.month < ? and g.adjusted_score is not null "
        "group by g.grid_id order by g.grid_id", [first, month]).fetchall())


def month_models() -> dict[str, Model]:
    """The month's models: transforms/sql/, SQL and Python (declared in TOML beside the SQL)."""
    return sql_models()


def pay_lines(con: duckdb.DuckDBPyConnection, policy: Policy) -> list[tuple[WorkerMonth, PayLine]]:
    adjustments = dict(con.execute(
        "select worker_id, sum(amount_yuan) from stg_adjustments group by worker_id").fetchall())
    months = [WorkerMonth(worker_id=r["worker_id"], name=r["name"], perf_pay_target=r["perf_pay_target_yuan"],
                          assigned_days=r["assigned_days"], days_in_month=r["days_in_month"], score=r["score"],
                          scored_share=r["scored_share"], responses=int(r["responses"] or 0),
                          has_insufficient_grid=bool(r["has_insufficient_grid"]),
                          before_start=bool(r["window_before_start"]))
              for r in rows_by_name(con.execute("select * from fct_worker_scores order by worker_id"))]
    pools = None
    if policy.budget == "neutral" and policy.budget_pool == "community":    # each community's pool its own
        pools = payer_communities(con.execute(
            "select d.worker_id, g.community, d.weight_days from int_worker_grid_days d "
            "join stg_grids g using (grid_id)").fetchall())
    return list(zip(months, payroll(months, policy.coefficient, policy.budget, adjustments, policy.rounding, pools)))


def load_and_score(con: duckdb.DuckDBPyConnection, run_id: str, month: str, workdir: Path,
                   policy: Policy, window: list[tuple[str, str]] | None = None, prebuilt=None) -> None:
    """Inside the caller's transaction: the run's inputs and results, all keyed by run_id.
    `window`: an audit's re-run reads the earlier runs its original read, not today's."""
    load_raw(con, run_id, workdir, policy)
    score(con, run_id, month, policy, window, prebuilt)


def score(con: duckdb.DuckDBPyConnection, run_id: str, month: str, policy: Policy,
          window: list[tuple[str, str]] | None = None, prebuilt=None) -> None:
    """Run the models over the run's loaded inputs and store each that says where (its `stored_as`).
    `prebuilt`: the models the partitions of a month built on Dask workers (store/partition_scoring.py,
    PartitionedScores), read from there rather than built again."""
    run_params(con, run_id, month, policy)
    window = scoring_window(con, month, policy) if window is None else window
    _require_unpurged(con, month, policy, window)
    window_table(con, window)
    con.execute("insert into run_windows select ?, month, window_run_id from run_window", [run_id])
    con.execute("update runs set window_from = ? where run_id = ?", [window_from(month, policy), run_id])
    models = month_models() if prebuilt is None else prebuilt.models(month_models())
    run_models(con, models, {"fct_grid_scores": lambda c: build_grid_scores(c, month, policy),
                             "fct_payroll": lambda c: build_payroll(c, policy)}
               | ({} if prebuilt is None else prebuilt.builders()))
    store_models(con, models, run_id, month)


PAYROLL_COLUMNS = ("worker_id", "name", "score", "responses", "coefficient", "perf_pay_target_yuan", "assigned_days",
                   "days_in_month", "performance_pay_yuan", "adjustment_yuan", "total_pay_yuan", "flags")


def build_payroll(con: duckdb.DuckDBPyConnection, policy: Policy) -> None:
    """fct_payroll: one row per worker, pay from transforms/pay.py; pay_changed against the month
    published last where the policy's [review] asks for it."""
    share, per_day = policy.outcome.pay_change_share, policy.outcome.pay_change_per_day
    per_share = policy.outcome.pay_change_per_share
    before = {} if share is None else {w: (pay, days, of) for w, pay, days, of in _last_published(
        con, "payroll", "worker_id, total_pay_yuan, assigned_days, days_in_month")}
    con.execute("create or replace temp table fct_payroll as select " + ", ".join(PAYROLL_COLUMNS) +
                " from payroll where false")
    insert_rows(con, "fct_payroll", [
        [ln.worker_id, ln.name, ln.score, ln.responses, ln.coefficient, wm.perf_pay_target, wm.assigned_days,
         wm.days_in_month, ln.performance_pay, ln.adjustment, ln.total_pay,
         ";".join([*ln.flags, *(["pay_changed"] if share is not None and _moved(
             ln.total_pay, (wm.assigned_days, wm.days_in_month), before.get(ln.worker_id), share, per_day, per_share)
                                 else [])])]
        for wm, ln in pay_lines(con, policy)], PAYROLL_COLUMNS)


def _moved(total, days: tuple[int, int], before: tuple | None, share: float, per_day: bool, per_share: bool) -> bool:
    """pay_changed against the month published last's (total pay, assigned days, the month's days), if
    it paid the worker: pay per share of the month's days, per assigned day, or in total (the policy's)."""
    if before is None:
        return False
    if per_share and all(days) and all(before[1:]):
        return pay_changed(total, before[0], share, (Decimal(days[0]) / days[1], Decimal(before[1]) / before[2]))
    return pay_changed(total, before[0], share, (days[0], before[1]) if per_day else None)
