"""A grid with a worker assigned and no answer at all in a month whose other grids have enough to be scored:
its download missing, or another month's in its place. An eighty-third trial's one-form-a-grid October ran on
schedule before 望江二网格's file arrived: the grid was scored on September's 77 answers, its worker paid
September's 1485.54 for 1440.00, every other worker moved by the shrinkage's mean, exit 0; a first month paid
that worker at the neutral coefficient, 1800.00 for 1485.54. A grid of a community with no answer at all is
the community's stop (expectations/silent_communities.py); a month whose grids are thin anyway is not this, nor
a grid that had too few answers to be scored in the month published last (the demo's grid that barely answers)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median

import duckdb
import pandas as pd

from gridpay.core.month import Month
from gridpay.ingest.review_files import moving
from gridpay.ingest.staging import grid_communities
from gridpay.ingest.survey_stage import stage_connection


@dataclass(frozen=True)
class SilentGrid:
    grid_id: str
    grid_name: str
    workers: tuple[str, ...]
    answers: int = 0                 # its survey rows this month
    before: int | None = None        # its counted answers in the month published last, where it had fallen
    came_in: tuple[str, str] | None = None   # (that month, the survey file that held most of its answers then)

    def __str__(self) -> str:
        who = f"{self.grid_name} ({self.grid_id}, worker{'s' if len(self.workers) > 1 else ''} {', '.join(self.workers)})"
        came = f" ({self.came_in[0]}'s answers came in {self.came_in[1]})" if self.came_in else ""
        if self.before is None or not self.answers:
            return f"{who} has no answer this month{came}"
        return (f"{who} has {self.answers} answer{'s' if self.answers != 1 else ''} this month ({self.before} counted "
                f"in the month published last){came}")


def silent_grids(workdir: Path, month: str, enough: int, last: dict[str, int] | None = None, fallen: float = 0.5
                 ) -> tuple[list[SilentGrid], list[tuple[str, str]]]:
    """(the staffed grids with no staged answer, where the month's answered grids have `enough` answers or
    more at the median, the grid's community has answers, and the grid counted `enough` in the month published
    last (`last`: grid -> its counted answers then; a grid it lacks, or None for no month before, is not
    excused): a grid that barely answers is pooled or neutral by design, and its empty month no surprise; the
    survey files of the month that hold no answer of it, with what they hold instead: ('surveys/2026-10/x.xlsx',
    '91 rows of 2026-09')). A grid with twice `enough` in the month published last whose rows now fall under
    `enough` and under `fallen` of its answers then is one too (11 then 5 is a month: trial 86): trial 85's forgotten compound download left a grid 8 answers
    of a paper sheet for about 100, paid at neutral, while only its neighbour, left none, was named."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    community = grid_communities(grids)
    month_of = Month.parse(month)
    with stage_connection(workdir) as con:
        answers = _with_moved(workdir, month, con, dict(con.execute(
            "select grid_id, count(*) from surveys where grid_id is not null group by all").fetchall()))
        staffed: dict[str, list[str]] = {}
        for grid, worker in con.execute(
                "select distinct grid_id, worker_id from assignments where coalesce(try_cast(start_date as date) <= ?, "
                "true) and coalesce(try_cast(nullif(trim(coalesce(end_date, '')), '') as date) >= ?, true) "
                "order by all", [month_of.last_day, month_of.first_day]).fetchall():
            staffed.setdefault(grid, []).append(worker)
        files = _files_without_answers(con)
    if not answers or median(answers.values()) < enough:
        return [], files
    heard = {community.get(g) for g in answers}
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    silent = [SilentGrid(g, names.get(g, g), tuple(w)) for g, w in sorted(staffed.items())
              if g in names and g not in answers and community.get(g) in heard
              and (last is None or last.get(g) is None or last[g] >= enough)]
    # ... or from `enough` to a tenth (trial 137's 锦江苑二网格, 12 answers then, 1 now: one resident of another
    # grid's form had ticked it, its own download not yet come; the month published, pooled on September's)
    fell = [SilentGrid(g, names.get(g, g), tuple(w), answers[g], last[g]) for g, w in sorted(staffed.items())
            if g in answers and last is not None and answers[g] < enough
            and (((last.get(g) or 0) >= 2 * enough and answers[g] < fallen * last[g])
                 or ((last.get(g) or 0) >= enough and answers[g] * 10 <= last[g]))]
    return sorted(silent + fell, key=lambda g: g.grid_id), files


def _with_moved(workdir: Path, month: str, con, answers: dict[str, int]) -> dict[str, int]:
    """The month's answers by grid, each one an upheld 非本网格 appeal or HR correction counts in its resident's grid
    (resident_grid) counted there: trial 290's form asked the worker by name, and HR's corrections gave 七网格 six
    answers; the run still stopped on it as a grid with none, and the scorecard said so beside its six."""
    path = workdir / "appeals.parquet"
    appeals = pd.read_parquet(path) if path.is_file() else pd.DataFrame()
    moved = appeals[moving(appeals, month)].dropna(subset=["response_id"]) if len(appeals) else appeals
    if moved.empty:
        return answers
    named = dict(con.execute("select response_id, any_value(grid_id) from surveys where response_id in "
                             "(select unnest(?::varchar[])) group by all", [list(moved["response_id"])]).fetchall())
    counted = Counter(answers)
    for answer, grid in zip(moved["response_id"], moved["resident_grid"]):
        if named.get(answer) is not None:
            counted[named[answer]] -= 1
            counted[grid] += 1
    return {g: n for g, n in counted.items() if n > 0}


def _files_without_answers(con) -> list[tuple[str, str]]:
    try:
        return con.execute("select source_file, rows_set_aside || ' ' || what from set_aside where what like "
                           "'rows of %' and source_file not in (select distinct source_file from surveys) "
                           "order by all").fetchall()
    except duckdb.CatalogException:          # a stage made before the table
        return []
