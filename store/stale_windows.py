"""Published months scored on earlier months that have changed since. A thin grid's score pools
the earlier months' answers, and the response-rate trend and pay comparison read them, each as the
run then published (run_windows). When one of those months is published again (an appeal upheld,
a correction) or for the first time (run out of order), the later month's pay rests on answers
that are no longer the published ones: a field trial's correction of October moved November's pay
by 303.75 yuan, and November still audited clean (an audit replays what the run read) and was
finalized. Such a month is not wrong to audit; it is stale: said at every run and `gridpay
doctor`, and it cannot be finalized until it is run again."""
from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class StaleMonth:
    month: str                 # the published month scored on ...
    run_id: str
    earlier: str               # ... an earlier month ...
    read_run: str | None       # ... as this run of it (None: it was not published then) ...
    now_run: str               # ... which is now published as this run
    finalized: bool = False    # the month was finalized: a new run of it is a correction (--reason)
    pay_stays: bool = False    # nothing its pay and scores read changed, only what it shows of the earlier month


    def line(self) -> str:
        read = (f"{self.earlier}'s run {self.read_run}" if self.read_run
                else f"no run of {self.earlier} (it was not published yet)")
        # on the reference files it was published with (today's may hold a later month's targets), and
        # as a correction if finalized: the command as written runs (a twenty-eighth trial's did not)
        reason = ' --reason "..."' if self.finalized else ""
        if self.pay_stays:     # trials 85 and 95 re-ran such a month and wondered at a 更正 of nothing
            return (f"{self.month} (run {self.run_id}) was scored reading {read}; {self.earlier} is now published as "
                    f"run {self.now_run}, so what {self.month} shows of it (previous pay, flags, the change in scores) "
                    f"is out of date, though nothing its own pay and scores read has changed: run it again to bring "
                    f"that up to date; its pay and scores will stay as they are "
                    f"(gridpay run --month {self.month} --reference published{reason})")
        return (f"{self.month} (run {self.run_id}) was scored reading {read}; {self.earlier} is now published as "
                f"run {self.now_run}, so {self.month}'s pay, or what it shows of {self.earlier} (previous pay, flags), "
                f"may no longer be right: run it again "
                f"(gridpay run --month {self.month} --reference published{reason})")


def stale_months(con: duckdb.DuckDBPyConnection, earlier: str | None = None) -> list[StaleMonth]:
    """Every published month whose run read an earlier month's run that is no longer the published
    one, or read none of a month in its span that is published now; `earlier`: only those reading
    that month. A month published without survey files (`--allow-empty-month`) reads no earlier month
    (a seventy-fifth trial's flood month could never be finalized: "scored reading no run of June"). In month order. Read-only on a warehouse not yet migrated (`gridpay doctor`):
    without run_windows nothing is known; without runs.window_from, only the runs read are checked."""
    columns = {(t, c) for t, c in con.execute("select table_name, column_name from information_schema.columns "
                                              "where table_name in ('runs', 'run_windows')").fetchall()}
    if ("run_windows", "window_run_id") not in columns:
        return []
    span = "r.window_from" if ("runs", "window_from") in columns else "null"
    rows = con.execute(f"""
        select p.month, p.run_id, q.month, w.window_run_id, q.run_id,
               p.month in (select month from finalized) as finalized
        from published as p
        join runs as r on r.run_id = p.run_id
        join published as q on q.month < p.month
        left join run_windows as w on w.run_id = p.run_id and w.month = q.month
        where (w.window_run_id is not null or q.month >= {span})
          and w.window_run_id is distinct from q.run_id
          and contains(r.inputs_json, '"name": "surveys/')
          and (? is null or q.month = ?)
        order by p.month, q.month""", [earlier, earlier]).fetchall()
    changed: dict[tuple[str, str, str], set[str]] = {}
    for row in rows:
        if row[3] is not None and (row[3], row[4], row[1]) not in changed:
            pay = _compares_pay_with(con, row[1], row[2])
            changed[row[3], row[4], row[1]] = _read_otherwise(con, row[3], row[4], row[1], pay)
    return [StaleMonth(*row, pay_stays=row[3] is not None and (
                "answers" not in changed[row[3], row[4], row[1]] or not _pools(con, row[1], row[2])))
            for row in rows if row[3] is None or changed[row[3], row[4], row[1]]]


def _pools(con: duckdb.DuckDBPyConnection, later: str, month: str) -> bool:
    """Whether run `later` scored a grid on `month`'s answers (its window: pooled, or too few even so): the only
    way an earlier month's answers reach a later month's pay."""
    return con.execute("select count(*) from grid_scores where run_id = ? and list_contains(string_split("
                       "coalesce(window_months, ''), ','), ?)", [later, month]).fetchone()[0] > 0


# what a later month reads of an earlier month's run: its counted answers (pooling), its grids'
# scores and rates (trend, response-rate rule, reports) and, of the month it compares pay with only,
# the pay of the later month's workers (previous_total_pay): the second ? is the later month's run
READ = {"answers": "select s.household_id, c.grid_id, s.submitted_at_ts, c.response_score from counted_responses c "
                   "join raw_surveys s on s.run_id = c.run_id and s.row_id = c.row_id where c.run_id = ?",
        "grid_scores": "select * exclude (run_id) from grid_scores where run_id = ?",
        "item_scores": "select * exclude (run_id) from item_scores where run_id = ?",
        "payroll": "select * exclude (run_id) from payroll where run_id = ? "
                   "and worker_id in (select worker_id from payroll where run_id = ?)"}


def _compares_pay_with(con: duckdb.DuckDBPyConnection, later: str, month: str) -> bool:
    """Whether run `later` compares its pay with `month`'s: the last month it read
    (publishing/outputs.previous_totals). A seventy-fifth trial's pay-only correction of August made
    October stale, which reads August's answers only."""
    latest = con.execute("select max(month) from run_windows where run_id = ?", [later]).fetchone()[0]
    return latest == month


def _read_otherwise(con: duckdb.DuckDBPyConnection, old: str, new: str, later: str, pay: bool = True) -> set[str]:
    """What the later month's run `later` would read otherwise of run `new` than it did of run `old` (READ's names)
    (a month run again on the same inputs is no change; nor is a correction paying a worker the
    later month does not pay, or of a month it does not compare pay with: its later months are not
    stale)."""
    otherwise = set()
    for name, query in READ.items():
        if name == "payroll" and not pay:
            continue
        extra = [later] if name == "payroll" else []
        differing = con.execute(f"select count(*) from (({query}) except all ({query})) union all "
                                f"select count(*) from (({query}) except all ({query}))",
                                [old, *extra, new, *extra, new, *extra, old, *extra]).fetchall()
        if any(n for (n,) in differing):
            otherwise.add(name)
    return otherwise
