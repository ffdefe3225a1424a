"""Pay inputs HR would call wrong at a glance, said (console and scorecard), never stopped: a worker's target
far from the others' (16000.00 typed for 1600.00; a probe of 2026-12-03 paid 14,440.00 for 1,444.00, exit 0,
nothing said), an adjustment whose reason reads as a deduction typed without its '-' (迟到扣款 200: paid as a
bonus). Both are judged from words and figures that legitimate rows share (a weekend part-timer at 300 beside
1,900; 纠正9月错扣考勤款 +80, 补扣社保 +45.50 a slip): a seventieth trial's stops on them were false as often as
right, so the run names the rows and HR, who knows which is which, corrects or signs (gate.target_times_median,
gate.deduction_words, policy 2027.6)."""
from __future__ import annotations


def far_targets(con, times: int | None, shared: bool = False) -> list[str]:
    """Workers whose target above zero is more than `times` the median target above zero, or under it / `times`;
    `shared`: the budget is the targets' sum (pay.budget = "neutral"), so such a target moves everyone's pay (trial
    130's 15000 for 1500 made the budget 21,000 for 7,500 and cut the five others by 28.25 to 73.08, unnamed)."""
    if not times:
        return []
    rows = con.execute("""
        with t as (select worker_id, name, perf_pay_target_yuan as target from stg_workers where perf_pay_target_yuan > 0),
             m as (select quantile_disc(target, 0.5) as median from t)
        select worker_id, name, target, median from t, m
        where target > ? * median or target * ? < median order by worker_id""", [times, times]).fetchall()
    return [f"{name} ({wid})'s perf_pay_target {target} is "
            f"{f'over {times} times' if target > median else f'under 1/{times} of'} the median of workers.csv's targets "
            f"({median}): a zero too many or too few? If it is meant (a part-timer, a leader), nothing to do"
            + ("; under pay.budget = \"neutral\" the budget is the sum of the targets, so a wrong one moves every "
               "worker's pay, not only this one's" if shared else "")
            for wid, name, target, median in rows]


def added_deductions(con, words: tuple[str, ...]) -> list[str]:
    """The month's adjustments above zero whose reason holds one of `words` (扣, 罚)."""
    if not words:
        return []
    held = " or ".join("contains(reason, ?)" for _ in words)
    rows = con.execute(f"select source_file, row_number, worker_id, amount_yuan, reason from stg_adjustments "
                       f"where amount_yuan > 0 and ({held}) order by source_file, row_number", list(words)).fetchall()
    return [f"{file} row {row} gives {wid} +{amount} for '{reason}', a reason that reads as a deduction "
            f"({'/'.join(w for w in words if w in reason)}): if it deducts, type -{amount} and run again; if it adds "
            f"(退还, 补发, 纠正错扣), it is right as it is" for file, row, wid, amount, reason in rows]


# words of a reason that add money (trial 292's -300 for 补发10月防汛值班补贴 was paid as a deduction, unsaid)
ADDITION_WORDS = ("补发", "奖励", "奖金", "补贴", "加班费", "慰问", "退还")


def subtracted_additions(con, deductions: tuple[str, ...]) -> list[str]:
    """The month's adjustments below zero whose reason holds one of ADDITION_WORDS and none of `deductions` (扣, 罚:
    补扣, 退还罚款 deduct); said where the policy names deduction words (gate.deduction_words), as its mirror."""
    if not deductions:
        return []
    rows = con.execute("select source_file, row_number, worker_id, amount_yuan, reason from stg_adjustments "
                       "where amount_yuan < 0 and reason is not null order by source_file, row_number").fetchall()
    return [f"{file} row {row} gives {wid} {amount} for '{reason}', a reason that reads as money added "
            f"({'/'.join(w for w in ADDITION_WORDS if w in reason)}): if it adds, type {-amount} without its '-' and "
            f"run again; if it takes back (多发的补贴收回), it is right as it is"
            for file, row, wid, amount, reason in rows
            if any(w in reason for w in ADDITION_WORDS) and not any(w in reason for w in deductions)]


def large_adjustments(con) -> list[str]:
    """The month's adjustments as large as the worker's whole target or larger: trial 138's 120000 typed for a 1,200
    bonus paid W03 121,280.00, exit 0, said only by a review flag the console did not print."""
    rows = con.execute("""
        select a.source_file, a.row_number, a.worker_id, w.name, a.amount_yuan, a.reason, w.perf_pay_target_yuan
        from stg_adjustments a join stg_workers w using (worker_id)
        where w.perf_pay_target_yuan > 0 and abs(a.amount_yuan) >= w.perf_pay_target_yuan
        order by a.source_file, a.row_number""").fetchall()
    return [f"{file} row {row} gives {name} ({wid}) {amount} for '{reason}', as much as the worker's whole target "
            f"in workers.csv ({target}) or more: a zero too many? If it is meant (a year-end bonus, a repayment), "
            f"nothing to do"
            for file, row, wid, name, amount, reason, target in rows]


def moved_pay(con, run_id: str) -> list[str]:
    """The workers whose total pay the review flag pay_changed marks: trial 138's README said such a move is said,
    and October's first run flagged W02 at +77% on the scorecard alone."""
    rows = con.execute("select worker_id, name from payroll where run_id = ? and "
                       "list_contains(string_split(flags, ';'), 'pay_changed') order by worker_id", [run_id]).fetchall()
    if not rows:
        return []
    return [f"total pay moved by more than the policy's review.pay_change_share against the month published before "
            f"for {', '.join(f'{name} ({wid})' for wid, name in rows)} (flag pay_changed): check before signing; the "
            f"scorecard's table of large pay changes gives both figures"]
