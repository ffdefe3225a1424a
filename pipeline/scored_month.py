"""What the scoring step tells the run about the month it just scored (in its warehouse transaction):
the counts the run's line prints, the outcome rules' findings that stop or are accepted, and the
things HR should look at before paying (each said on the console by pipeline/verdicts.py)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from gridpay.pipeline.handovers import rows_not_ended
from gridpay.pipeline.household_counts import households_moved
from gridpay.pipeline.pooled_shares import before_start_shares
from gridpay.pipeline.roster_gaps import part_staffed, unassigned_workers
from gridpay.transforms.reasons import SAME_DAY, SAME_TIME
from gridpay.transforms.privacy import regex_masked_sql

if TYPE_CHECKING:     # GX loads with the validate step, not with the core
    from gridpay.expectations.outcomes import ExcessiveExclusion


@dataclass(frozen=True)
class ScoredMonth:
    grids: int
    workers: int
    counted: int                                  # answers that count toward a score
    excluded: dict[str, int]                      # rule -> answers it kept out, most first
    stops: tuple[ExcessiveExclusion, ...]         # the outcome suite's findings (the month was rolled back
                                                  # unless the run accepts them)
    emptied: tuple[str, ...]                      # grids with answers last month and none now
    fallen: tuple[str, ...] = ()                  # ... and under answers_dropped_below of them now: "G4 (5, 16 ...)"
    broken: tuple[str, ...] = ()                  # models whose built rows broke their declared key
    void_appeals: tuple = ()                      # upheld appeals on answers that did not count (rolled back)
    silent: tuple[str, ...] = ()                  # grids with no answer this month
    unpaid: tuple = ()                            # the month's adjustments of workers with no payroll line
    unassigned: tuple[str, ...] = ()              # workers of workers.csv that assignments.csv never names
    unstaffed: tuple[str, ...] = ()               # grids no worker covers on any day of the month
    part_staffed: tuple[str, ...] = ()            # grids no worker covers on some days: "J03 (16 days, 10-16 to 10-31)"
    same_time: int = 0                            # answers set aside for one of their household's at the same time
    same_day: tuple[str, ...] = ()                # ... dated by day only, for one of their household's of that day
    phoneless: tuple[str, ...] = ()               # workers paid this month whose phone workers.csv leaves blank
    over_listed: tuple[str, ...] = ()             # grids with more homes' answers counted than households listed
    payroll_doubts: tuple[str, ...] = ()          # a negative total, an adjustment twice, one phone for two workers
    handovers: tuple[str, ...] = ()               # a grid's leaver and another worker paid for it on the same days
    handover_gaps: tuple[str, ...] = ()           # days between a leaver's end and the next worker's start
    score_shift: tuple[str, ...] = ()             # grids' scores moved SHIFT points on average since last month
    pay_inputs: tuple[str, ...] = ()              # a target far from the others', a deduction typed without '-' (said)
    thin: int = 0                                 # grids paid at the neutral coefficient (too few answers)
    answer_doubts: tuple[str, ...] = ()           # how answers were gathered: a worker's phone, one phone for many
                                                  # homes, a grid's answers multiplied, many without a phone
    self_ratings: tuple[str, ...] = ()            # whose phone the self_rating answers came from, grid by grid
    lone_weights: tuple[str, ...] = ()            # workers of one grid at a weight other than 1: it changes nothing
    off_payroll: tuple[str, ...] = ()             # workers paid in the month before's published run, unpaid now
    far_weights: tuple[str, ...] = ()             # a worker's grids at weights ten times apart or more (50 for 0.5)
    households_moved: tuple[str, ...] = ()        # grids whose households moved threefold, or stand fivefold apart
    before_start: tuple[str, ...] = ()            # workers' shares of grids pooled over another's days, at neutral
    window_self_rated: tuple[str, ...] = ()       # earlier months' answers of a pooled window from a worker's phone

    def thin_text(self) -> str:
        """' (2 of them paid at the neutral coefficient: too few answers)': trial 71's HR read "scored 12
        grids" as 12 scores"""
        which = "all of them" if self.thin == self.grids else f"{self.thin} of them"
        return f" ({which} paid at the neutral coefficient: too few answers)" if self.thin else ""

    def counts_text(self) -> str:
        """'counted 217, excluded 60 (duplicate_household 40, speeder 17, self_rating 3)'"""
        rules = ", ".join(f"{rule} {n}" for rule, n in self.excluded.items())
        return f"counted {self.counted}, excluded {sum(self.excluded.values())}" + (f" ({rules})" if rules else "")


def _same_day(con) -> tuple[str, ...]:
    """'P10 (16栋1单元601, counted: J241)' of each answer dated by day only set aside for its household's answer of that
    day given at a time (integrity.same_day_said): trial 183's re-check searched quarantine.csv for the one line."""
    return tuple(f"{rid} ({door}, counted: {counted})" for rid, door, counted in con.execute(f"""
        select {regex_masked_sql('s.response_id')}, {regex_masked_sql('s.household_id')},
               coalesce(string_agg({regex_masked_sql('c.response_id')}, ', ' order by c.row_id), '?')
        from int_exclusions e join int_surveys s using (row_id)
        left join (select row_id, response_id, household_id, grid_id, submitted_at from int_surveys
              where row_id in (select row_id from int_response_scores)) c
          on c.household_id = s.household_id and c.grid_id = s.grid_id
             and cast(c.submitted_at as date) = cast(s.submitted_at as date)
        where contains(e.reason, ?) group by all order by all""", [SAME_DAY]).fetchall())


def _named(con, sql: str, params: list | None = None) -> tuple[str, ...]:
    """'天桥新村一网格 (G01)' for each (id, name) row of `sql`."""
    return tuple(f"{name} ({key})" for key, name in con.execute(sql, params or []).fetchall())


def _fallen(con, run_id: str) -> tuple[str, ...]:
    """Grids flagged answers_dropped that still have answers: a hundred-and-tenth trial's grid fell from 16 to 5 (its
    paper sheet not yet typed in), was pooled with the month before and its workers paid 157.52 yuan over, said
    only by the flag in the scorecard's table (a grid with none at all is a stop: expectations/silent_grids.py)."""
    return tuple(f"{name} ({gid}): {n} answer{'s' if n != 1 else ''} counted, {before} in {month}, the month "
                 f"published last (flagged answers_dropped on the scorecard): if a download or a paper sheet of the "
                 f"grid is missing, put it in this month's surveys folder and run again; if its residents answered "
                 f"so few, nothing is missing" for gid, name, n, before, month in con.execute(
                     "select g.grid_id, g.grid_name, g.responses, b.responses, w.month from grid_scores g "
                     "join (select * from run_window order by month desc limit 1) w on true "
                     "join grid_scores b on b.run_id = w.window_run_id and b.grid_id = g.grid_id "
                     "where g.run_id = ? and g.responses > 0 and list_contains(string_split(g.flags, ';'), "
                     "'answers_dropped') order by g.grid_id", [run_id]).fetchall())


def _handover_gaps(con) -> tuple[str, ...]:
    """A worker whose assignment to a grid ends within the month and the next worker's starts days later
    in it, while a co-worker covers the grid meanwhile (with nobody on the grid, `_part_staffed` says it):
    the leaver's place is paid to nobody on those days. A vacancy can be real; a successor's start date
    typed late (the 18th for the 16th) reads the same, and nothing else said it."""
    rows = con.execute("""
        select a.grid_id, a.worker_id, b.worker_id, a.end_date, b.start_date
        from stg_assignments a join stg_assignments b on a.grid_id = b.grid_id and a.worker_id <> b.worker_id
        cross join run_params p
        where a.end_date >= p.month_start and a.end_date < p.month_end
          and b.start_date > a.end_date + 1 and b.start_date <= p.month_end
          and not exists (select 1 from stg_assignments c where c.grid_id = a.grid_id
                          and c.start_date <= b.start_date - 1 and coalesce(c.end_date, p.month_end) > a.end_date
                          and (c.worker_id = a.worker_id or c.start_date > a.end_date))
          and exists (select 1 from int_worker_grid_day d where d.grid_id = a.grid_id and d.day = a.end_date + 1)
        order by a.grid_id, a.worker_id, b.worker_id""").fetchall()
    return tuple(f"{grid}: {left}'s assignment ends on {end:%m-%d} and {next_}'s starts on {start:%m-%d}, so "
                 f"nobody is paid for {left}'s place on {end + timedelta(days=1):%m-%d}"
                 f"{'' if start - end == timedelta(days=2) else f' to {start - timedelta(days=1):%m-%d}'}; if "
                 f"{next_} took over the day after {end:%m-%d}, correct {next_}'s start_date"
                 for grid, left, next_, end, start in rows)


SHIFT, SHIFT_ANSWERS = 25, 5     # points (0-100) the grids answered in both months moved on average, each on 5 answers


def _score_shift(con, run_id: str) -> tuple[str, ...]:
    """'G1 85.0 -> 14.8', ... where the grids (two or more) with SHIFT_ANSWERS answers this month and in the month
    before's published run moved SHIFT points or more on average: a form whose options were reversed, read by
    survey.option_codes in the old order (a sixty-fifth trial's grids fell by 13 to 65, CZ1 80 to 14, each worker
    floored, no flag; a grid near the middle barely moves), or a scale read otherwise; residents do not all change
    their minds at once."""
    from gridpay.core.month import Month
    month = con.execute("select month from runs where run_id = ?", [run_id]).fetchone()
    if month is None:
        return ()
    rows = con.execute("""
        select g.grid_id, b.raw_score, g.raw_score from grid_scores g
        join published p on p.month = ? join grid_scores b on b.run_id = p.run_id and b.grid_id = g.grid_id
        where g.run_id = ? and g.responses >= ? and b.responses >= ? and g.raw_score is not null
          and b.raw_score is not null order by g.grid_id""",
                       [str(Month.parse(month[0]).previous), run_id, SHIFT_ANSWERS, SHIFT_ANSWERS]).fetchall()
    moves = [float(now) - float(before) for _, before, now in rows]
    if len(rows) < 2 or abs(sum(moves) / len(moves)) < SHIFT:
        return ()
    return tuple(f"{gid} {float(before):.1f} -> {float(now):.1f}" for gid, before, now in rows)


def _off_payroll(con, run_id: str) -> tuple[str, ...]:
    """'孙梅 (003)' for each worker the month before's published run paid and this run does not: a leave, a leaver, or
    an end_date typed early (a hundred-and-fifty-fourth trial's worker on leave left the payroll without a word, and a
    clerk could not tell it from a typo)."""
    from gridpay.core.month import Month
    month = con.execute("select month from runs where run_id = ?", [run_id]).fetchone()
    return () if month is None else _named(con, """
        select b.worker_id, coalesce(w.name, b.worker_id) from published p join payroll b on b.run_id = p.run_id
        left join stg_workers w using (worker_id)
        where p.month = ? and b.worker_id not in (select worker_id from payroll where run_id = ?)
        order by b.worker_id""", [str(Month.parse(month[0]).previous), run_id])


def _far_weights(con) -> tuple[str, ...]:
    """'陈海波 (W07): G06 at weight 50, G05 at weight 1' for each worker whose grids' weights are ten times apart or more:
    a weight shares a worker's score between her grids, and a hundred-and-fifty-eighth trial's 50 typed for 0.5 gave
    G06 98% of W07's (1811.00 for 1781.60, exit 0, nothing said)."""
    rows = con.execute("""
        with w as (select worker_id, grid_id, (weight_days / assigned_days)::decimal(9, 4) as weight
                   from int_worker_grid_days where assigned_days > 0)
        select w.worker_id, s.name, list(format('{} at weight {}', w.grid_id, rtrim(rtrim(w.weight::varchar, '0'), '.')) order by w.weight desc, w.grid_id)
        from w join stg_workers s using (worker_id) group by all
        having count(*) > 1 and max(w.weight) >= 10 * min(w.weight) order by 1""").fetchall()
    return tuple(f"{name} ({wid}): {', '.join(grids)}" for wid, name, grids in rows)


def scored_month(con, run_id: str, stops: tuple, void: tuple, rules=None, budget: str = "target") -> ScoredMonth:
    """The month `run_id` as scored in `con` (its int_*, stg_* and fct_* tables still there); `rules`: the
    policy's OutcomeRules, for the pay inputs it names (expectations/pay_inputs.py)."""
    from gridpay.expectations.burst_doubts import burst_doubts
    from gridpay.expectations.leave_ratings import leave_ratings
    from gridpay.expectations.answer_doubts import answer_doubts
    from gridpay.expectations.worker_phone_lines import self_ratings
    from gridpay.expectations.pay_inputs import (added_deductions, far_targets, large_adjustments, moved_pay,
                                                   subtracted_additions)
    from gridpay.expectations.payroll_doubts import payroll_doubts
    from gridpay.expectations.unpaid_adjustments import unpaid_adjustments
    from gridpay.expectations.window_self_ratings import window_self_ratings
    grids = "select grid_id, grid_name from grid_scores where run_id = ? and "
    return ScoredMonth(
        grids=con.execute("select count(*) from grid_scores where run_id = ?", [run_id]).fetchone()[0],
        workers=con.execute("select count(*) from payroll where run_id = ?", [run_id]).fetchone()[0],
        thin=con.execute("select count(*) from grid_scores where run_id = ? and is_insufficient", [run_id]).fetchone()[0],
        counted=con.execute("select count(*) from int_response_scores").fetchone()[0],
        excluded=dict(con.execute("select code as rule, count(*)::integer as n "
                                  "from int_exclusions group by rule order by n desc, rule").fetchall()),
        stops=stops, void_appeals=void, unpaid=tuple(unpaid_adjustments(con)),
        emptied=_named(con, grids + "responses = 0 and list_contains(string_split(flags, ';'), 'answers_dropped') "
                                    "order by grid_id", [run_id]),
        silent=_named(con, grids + "responses = 0 order by grid_id", [run_id]), fallen=_fallen(con, run_id),
        same_time=con.execute("select count(*) from int_exclusions where contains(reason, ?)",
                              [SAME_TIME]).fetchone()[0],
        same_day=_same_day(con),
        unassigned=unassigned_workers(con),
        unstaffed=_named(con, grids + "grid_id not in (select grid_id from int_worker_grid_days) order by grid_id",
                         [run_id]),
        part_staffed=part_staffed(con, run_id), payroll_doubts=tuple(payroll_doubts(con, run_id)),
        answer_doubts=tuple(answer_doubts(con) + burst_doubts(con) + leave_ratings(con)), self_ratings=tuple(self_ratings(con)), window_self_rated=tuple(window_self_ratings(con)),
        handovers=rows_not_ended(con),
        handover_gaps=_handover_gaps(con),
        score_shift=_score_shift(con, run_id), off_payroll=_off_payroll(con, run_id), far_weights=_far_weights(con),
        households_moved=households_moved(con, run_id), before_start=before_start_shares(con),
        pay_inputs=tuple(far_targets(con, rules and rules.target_times_median, budget == "neutral")
                         + added_deductions(con, rules.deduction_words if rules else ())
                         + subtracted_additions(con, rules.deduction_words if rules else ()) + large_adjustments(con)
                         + moved_pay(con, run_id)),
        over_listed=tuple(f"{name} ({gid}: {n} homes, {households} listed)" for gid, name, n, households in con.execute(
            "select grid_id, grid_name, responses, households from grid_scores where run_id = ? "
            "and households is not null and responses > households order by grid_id", [run_id]).fetchall()),
        lone_weights=tuple(f"{name} ({wid}, {gid} at weight {weight.normalize():f})" for wid, name, gid, weight in con.execute(
            "select d.worker_id, w.name, d.grid_id, (d.weight_days / d.assigned_days)::decimal(9, 4) from "
            "int_worker_grid_days d join stg_workers w using (worker_id) where d.assigned_days > 0 and d.weight_days "
            "<> d.assigned_days and d.worker_id in (select worker_id from int_worker_grid_days group by 1 having "
            "count(*) = 1) order by 1").fetchall()),
        phoneless=_named(con, "select worker_id, name from stg_workers where phone_hash is null "
                              "and worker_id in (select worker_id from fct_worker_scores) order by worker_id"))
