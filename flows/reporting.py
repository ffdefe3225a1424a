"""Report step: gather one run's figures from the warehouse and render the HR scorecard and
one scorecard per worker (HTML and PDF) into the staging folder."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb

from flows.publish import fixed, grid_rows, payroll_rows, quarantine_rows, write_file
from reports.charts import grid_ranking_figure, svg_data_uri
from reports.render import flags_text, pdf_bytes, report_html
from reports.strings import labels
from transforms.policy import Policy


def _signed(adjusted: str, raw: str) -> str:
    if not adjusted or not raw:
        return ""
    return f"{Decimal(adjusted) - Decimal(raw):+.2f}"


def _ci(g: dict) -> str:
    """The interval of the adjusted score: the one pay rests on."""
    return f"{g['adjusted_ci_low']}–{g['adjusted_ci_high']}" if g["adjusted_ci_low"] else ""


def run_summary(con: duckdb.DuckDBPyConnection, run_id: str, grids: list[dict],
                workers: list[dict], quarantined: int) -> dict:
    month, policy_version = con.execute(
        "select month, policy_version from runs where run_id = ?", [run_id]).fetchone()
    read = con.execute("select count(*) from raw_surveys where run_id = ?", [run_id]).fetchone()[0]
    counted = sum(g["responses"] for g in grids)
    households = sum(g["households"] for g in grids)
    return {
        "run_id": run_id, "month": month, "policy_version": policy_version,
        "community": "、".join(sorted({g["community"] for g in grids})),
        "rows_read": read, "rows_counted": counted, "rows_quarantined": quarantined,
        "response_rate": f"{counted / households:.1%}" if households else "",
        "total_pay": fixed(sum(Decimal(w["total_pay"]) for w in workers), 2),
        "target_total": fixed(sum(Decimal(w["perf_pay_target"]) for w in workers), 2),
    }


def render_reports(con: duckdb.DuckDBPyConnection, run_id: str, folder: Path, policy: Policy,
                   lang: str = "zh") -> None:
    grids, workers, quarantine = grid_rows(con, run_id), payroll_rows(con, run_id), quarantine_rows(con, run_id)
    for row in grids + workers:
        row["flags_text"] = flags_text(row["flags"], lang)
    for g in grids:
        g["ci"] = _ci(g)
        g["shift"] = _signed(g["adjusted_score"], g["raw_score"])
        for rate in ("response_rate", "good_rate", "satisfied_rate"):
            g[f"{rate}_pct"] = f"{float(g[rate]):.1%}" if g[rate] else ""
    review = [{"grid_name": g["grid_name"], "flag": flag, "count": int(count)}
              for g in grids for flag, count in (item.split(":") for item in g["review_flags"].split(";") if item)]
    run = run_summary(con, run_id, grids, workers, len(quarantine))
    reasons: dict[str, int] = {}
    for q in quarantine:
        # an invalid row lists every rule it broke ("invalid: a; b"); count each rule
        parts = q["reason"].removeprefix("invalid: ").split("; ") if q["reason"].startswith("invalid: ") else [q["reason"]]
        for reason in parts:
            reasons[reason] = reasons.get(reason, 0) + 1
    def column(name: str) -> list[float | None]:
        return [float(g[name]) if g[name] else None for g in grids]

    figure = grid_ranking_figure(
        [g["grid_name"] for g in grids], column("adjusted_score"), column("raw_score"),
        column("adjusted_ci_low"), column("adjusted_ci_high"), [g["is_insufficient"] for g in grids],
        labels(lang)["score_axis"])
    html = report_html("scorecard.html.j2", lang, run=run, grids=grids, workers=workers,
                       chart=svg_data_uri(figure),
                       review=review,
                       callbacks=callback_rows(con, run_id, policy.overall_item, policy.callback_at_or_below),
                       quarantine=[{"reason": k, "count": v} for k, v in sorted(reasons.items())])
    write_file(folder / "scorecard.html", html.encode("utf-8"))
    write_file(folder / "scorecard.pdf", pdf_bytes(html))
    by_grid = {g["grid_id"]: g for g in grids}
    assigned = con.execute("select worker_id, grid_id, assigned_days, weight_days from worker_grid_days "
                           "where run_id = ? order by worker_id, grid_id", [run_id]).fetchall()
    for w in workers:
        own = [{**by_grid[gid], "assigned_days": days, "weight_days": fixed(wd, 1)}
               for wid, gid, days, wd in assigned if wid == w["worker_id"]]
        page = report_html("worker.html.j2", lang, run=run, w=w, grids=own)
        write_file(folder / "workers" / f"{w['worker_id']}.pdf", pdf_bytes(page))


def callback_rows(con: duckdb.DuckDBPyConnection, run_id: str, overall_item: str, at_or_below: int) -> list[dict]:
    """Counted answers of 不满意 / 非常不满意 on the overall item, for the community to call back."""
    rows = con.execute(
        "select g.grid_name, strftime(s.submitted_at_ts, '%Y-%m-%d'), s.household_id, a.answer, s.comment "
        "from counted_responses c "
        "join raw_surveys s on s.run_id = c.run_id and s.row_id = c.row_id "
        "join raw_answers a on a.run_id = c.run_id and a.row_id = c.row_id and a.item = ? "
        "join grid_scores g on g.run_id = c.run_id and g.grid_id = c.grid_id "
        "where c.run_id = ? and try_cast(a.answer as integer) <= ? "
        "order by g.grid_id, s.submitted_at_ts, s.row_id", [overall_item, run_id, at_or_below]).fetchall()
    return [{"grid_name": r[0], "date": r[1], "household_id": r[2], "answer": r[3], "comment": r[4] or ""}
            for r in rows]
