"""assignments.csv edited for a month published before this one: a worker given other days of it than the
month was paid on. An eighty-fourth trial corrected W08's July start date (07-01 to 07-10) before running
October: October, the audits of every month and `gridpay doctor` said nothing, while July had paid 31 days
for 22 (1333.95 for 946.67); a line added to adjustments.csv for a published month was said, this was not.
Said, not stopped: only a run of that month changes its pay. A row taken out of the file (a leaver's rows
pruned) is not said: the file no longer speaks of that month."""
from __future__ import annotations

import logging
from datetime import date

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.core.month import Month
from gridpay.core.wording import listed
from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")


def days_in_month(rows: pd.DataFrame, month: str) -> dict[tuple[str, str], int]:
    """(worker, grid) -> the days of `month` the assignment rows give, overlapping rows counted once; a row
    whose dates do not read is left out (validation names it in its own month)."""
    first, last = Month.parse(month).first_day, Month.parse(month).last_day
    covered: dict[tuple[str, str], set[int]] = {}
    for worker, grid, start, end in rows[["worker_id", "grid_id", "start_date", "end_date"]].itertuples(index=False):
        try:
            begin = max(date.fromisoformat(str(start)), first)
            until = min(date.fromisoformat(str(end)) if isinstance(end, str) and end.strip() else last, last)
        except ValueError:
            continue
        if begin <= until:
            days = covered.setdefault((str(worker), str(grid)), set())
            days.update(range(begin.toordinal(), until.toordinal() + 1))
    return {key: len(days) for key, days in covered.items()}


def _reads(value: object) -> bool:
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def unread_pairs(rows: pd.DataFrame) -> set[tuple[str, str]]:
    """(worker, grid) of the rows whose start, or end where one is typed, does not read as a date: validation's to
    name, not compared (trial 139 read "W05 on CH4: 0 days (paid 30)" and a re-run of two published months before the
    stop on its end date 12/11/2026)."""
    return {(str(w), str(g)) for w, g, start, end in rows[["worker_id", "grid_id", "start_date", "end_date"]]
            .itertuples(index=False) if not (_reads(start) and (not isinstance(end, str) or not end.strip()
                                                                or _reads(end)))}


def say_changed_assignments(ctx: RunContext) -> None:
    """Each published month before this one to which today's assignments.csv gives a worker other days on a
    grid than its published run paid: said, with the re-run that applies it."""
    if ctx.request.replay is not None or any(e.name == "assignments.csv" for e in ctx.request.reuse):
        return
    rows = pd.read_parquet(ctx.workdir / "assignments.parquet")
    with connect(ctx.settings.db) as con:
        paid = con.execute("select p.month, p.run_id, d.worker_id, d.grid_id, d.assigned_days from published p "
                           "join worker_grid_days d using (run_id) where p.month < ? order by all",
                           [ctx.month]).fetchall()
        final = {m for (m,) in con.execute("select month from finalized").fetchall()}
    by_month: dict[tuple[str, str], dict[tuple[str, str], int]] = {}
    for month, run, worker, grid, days in paid:
        by_month.setdefault((month, run), {})[(worker, grid)] = days
    # a row still in the file that no longer gives the month a day (an end date typed a year early: trial 127's
    # 2025-11-15 for 2026-11-15 unpaid October's 31 days unsaid) is said; a row taken out is not
    kept = set(zip(rows["worker_id"].astype(str), rows["grid_id"].astype(str)))
    unread = unread_pairs(rows)     # a row whose date does not read is validation's to name
    workers = pd.read_parquet(ctx.workdir / "workers.parquet", columns=["worker_id", "name"])
    names = dict(zip(workers["worker_id"].astype(str), workers["name"].astype(str).str.replace(" ", "")))
    for (month, run), was in sorted(by_month.items()):
        now = days_in_month(rows, month)
        moved = [f"{w} on {g}: {now.get((w, g), 0)} days (paid {was.get((w, g), 0)})"
                 for w, g in sorted(set(now) | (set(was) & kept)) if now.get((w, g), 0) != was.get((w, g), 0)
                 and (w, g) not in unread]
        if swapped := swapped_namesakes(was, now, names):     # history rewritten for two of one name: this month too
            raise InputError("assignments.csv", f"gives {month}, published, {swapped[0]}; if the file is right now and "
                             f"{month} was paid on swapped ids, correct {month} first (gridpay run --month {month} "
                             f"--reference published --take assignments --reason \"...\")")
        if moved:
            take = f"gridpay run --month {month} --reference published --take assignments"
            # trial 135 cleared a returning worker's end date: the run offered to pay her maternity leave, and its
            # re-check followed the offer (W02 1742.58 for September's leave): days added lead with the likelier cause
            added = any(now.get((w, g), 0) > was.get((w, g), 0) for w, g in set(now) | set(was))
            back = ("days added to a published month are most often a row reopened, its end date cleared on a worker's "
                    "return from leave: if so, put the end date back and give her a new row from her first day back "
                    "(run on the new days, the month would pay her leave, and this month pays her on the row too); "
                    if added else "")
            # trial 127's re-check ran the month again on a year typed wrong: its worker taken off its payroll
            log.warning("assignments.csv now gives %s other days than its published run %s paid: %s; %sif a date was "
                        "typed wrong since (a year), correct it in assignments.csv; only if the month was paid on wrong "
                        "days, a run of %s pays them: run it again (%s --reason \"...\"%s)", month, run,
                        listed(tuple(moved), 5), back, month, take,
                        ", a correction of the finalized month" if month in final else "", extra=headed("roster"))


def swapped_namesakes(was: dict[tuple[str, str], int], now: dict[tuple[str, str], int],
                      names: dict[str, str]) -> list[str]:
    """Two workers of one name each given the grids a published month paid the other for: their ids swapped when
    the sheet was typed again (trial 171's two 王芳: 00231 paid 1676.16 for 1866.78 in the month after, said only
    as "other days ... a row reopened", whose advice re-published the month swapped). A stop (exit 2): a real swap of
    posts starts in a later month and rewrites no published one."""
    def grids(days: dict[tuple[str, str], int], worker: str) -> frozenset[str]:
        return frozenset(g for (w, g), n in days.items() if w == worker and n > 0)

    paid = sorted({w for w, _ in was})
    return [f"{a} {names[a]} the grids its run paid {b} {names[b]} for ({', '.join(sorted(grids(was, b)))}), and "
            f"{b} those of {a} ({', '.join(sorted(grids(was, a)))}): two workers of one name, their ids swapped when "
            f"the sheet was typed again, which pays each on the other's grid this month too? An id is one person for "
            f"good: check which {names[a]} works which grid and correct the ids in assignments.csv"
            for i, a in enumerate(paid) for b in paid[i + 1:]
            if names.get(a) and names.get(a) == names.get(b) and grids(was, a) != grids(was, b)
            and grids(now, a) == grids(was, b) and grids(now, b) == grids(was, a)]
