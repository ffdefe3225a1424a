"""A payroll HR would call wrong at a glance, found in the month just scored (its stg_* tables and
its payroll rows): a worker's total below zero (a deduction larger than the month's pay), an
adjustment row typed twice (paid twice), one phone for two workers paid this month (one person
under two ids, paid twice; and a self-rating through it is one worker's only). A nineteenth field
trial published each with exit 0. Under the policy's gate.payroll_doubts = "stop" the month stops
naming each; without the key the run says so."""
from __future__ import annotations


def payroll_doubts(con, run_id: str) -> list[str]:
    """One line per doubt, in a stable order."""
    negative = con.execute("""
        select name, worker_id, total_pay_yuan, performance_pay_yuan, adjustment_yuan from payroll
        where run_id = ? and total_pay_yuan < 0 order by worker_id""", [run_id]).fetchall()
    twice = con.execute("""
        select worker_id, amount_yuan, coalesce(reason, ''), list(source_file || ' row ' || row_number
                                                                  order by source_file, row_number)
        from stg_adjustments group by worker_id, amount_yuan, reason having count(*) > 1
        order by worker_id, amount_yuan""").fetchall()
    shared = con.execute("""
        select list(w.name || ' (' || w.worker_id || ')' order by w.worker_id) from stg_workers w
        where w.phone_hash is not null and w.worker_id in (select worker_id from payroll where run_id = ?)
        group by w.phone_hash having count(*) > 1 order by min(w.worker_id)""", [run_id]).fetchall()
    return ([f"{name} ({wid}) would be paid {total} (performance pay {pay}, adjustments {adj}): a deduction larger "
             f"than the month's pay" for name, wid, total, pay, adj in negative]
            + [f"adjustments.csv gives {wid} {amount} for '{reason}' twice ({', '.join(rows)}): paid twice"
               for wid, amount, reason, rows in twice]
            + [f"{' and '.join(names)} give one phone in workers.csv: one person under two ids would be paid "
               f"twice" for (names,) in shared])
