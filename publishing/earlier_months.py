"""The months before a run's, as its documents show them: which run stands for each (the 12-month trends
of the HR scorecard and the worker sheets, the change against the month before)."""
from __future__ import annotations

import duckdb

from gridpay.core.month import Month
from gridpay.publishing.outputs import output_format_of
from gridpay.publishing.trend_areas import area_means


def months_back(month: str, count: int) -> list[str]:
    """The `count` months ending with `month`, oldest first (core/month.py Month.back)."""
    return [str(m) for m in Month.parse(month).back(count)]


AS_PUBLISHED_THEN = 13      # the output format from which earlier months are read as published when this run began


def published_before(con: duckdb.DuckDBPyConnection, run_id: str, month: str) -> dict[str, str]:
    """month -> the run published for each earlier month: from output format 13 the one published when this
    run began, so that a document renders again as it was printed after an earlier month is corrected (a
    trial's October failed `audit --documents` once July was corrected: its trend drew July's new score);
    before, the one published now."""
    if output_format_of(con, run_id) < AS_PUBLISHED_THEN:
        return dict(con.execute("select month, run_id from published where month < ?", [month]).fetchall())
    return dict(con.execute(
        "select month, arg_max(run_id, finished_at) from runs where month < ? and status = 'published' and "
        "finished_at < (select started_at from runs where run_id = ?) group by month", [month, run_id]).fetchall())


def _runs_for(con: duckdb.DuckDBPyConnection, run_id: str, month: str, months: list[str]) -> dict[str, str]:
    """month -> the run whose figures stand for it: this run for its month, else the published one."""
    published = published_before(con, run_id, month)
    runs = {m: published[m] for m in months if m in published}
    runs[month] = run_id
    return runs


def trend_series(con: duckdb.DuckDBPyConnection, run_id: str, month: str, count: int = 12) -> tuple[list[str], dict[str, list]]:
    """The community's and each area's mean response score (all counted answers) per month."""
    months = months_back(month, count)
    runs = _runs_for(con, run_id, month, months)
    series: dict[str, list] = {}
    for m, area, mean in area_means(con, run_id, list(runs.values())):       # publishing/trend_areas.py
        series.setdefault(area or "", [None] * len(months))[months.index(m)] = float(mean)
    return months, series


def worker_trends(con: duckdb.DuckDBPyConnection, run_id: str, month: str, count: int = 12) -> tuple[list[str], dict[str, list]]:
    months = months_back(month, count)
    runs = _runs_for(con, run_id, month, months)
    series: dict[str, list] = {}
    for m, wid, score in con.execute("select month, worker_id, score from worker_scores where run_id in "
                                     "(select unnest(?)) and score is not null", [list(runs.values())]).fetchall():
        series.setdefault(wid, [None] * len(months))[months.index(m)] = float(score)
    return months, series
