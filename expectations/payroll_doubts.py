"""A payroll HR would call wrong at a glance, found in the month just scored (its stg_* tables and
its payroll rows): a worker's total below zero (a deduction larger than the month's pay), an
adjustment row typed twice (paid twice), one phone and one name for two workers paid this month
(one person under two ids, paid twice), two ids differing in letter case or leading zeros only (W01, w01; 00125,
125), an id or
name holding an invisible or direction character (W02 with a zero-width space, a name turned round by
U+202E). A nineteenth field trial published each with exit 0, the seventy-eighth the last two. Under
the policy's gate.payroll_doubts = "stop" the month stops naming each; without the key the run says so."""
from __future__ import annotations

from gridpay.transforms.folding import visible


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
    # one name too (its dots and spaces aside): a couple of workers sharing a phone, or a grid's work phone
    # handed to the successor, is two people (a twentieth trial's were stopped as one)
    shared = con.execute("""
        select list(w.name || ' (' || w.worker_id || ')' order by w.worker_id) from stg_workers w
        where w.phone_hash is not null and w.worker_id in (select worker_id from payroll where run_id = ?)
        group by w.phone_hash, regexp_replace(w.name, '[ 　·•・.．]', '', 'g') having count(*) > 1
        order by min(w.worker_id)""", [run_id]).fetchall()
    # ids that differ in letter case only (W01, w01): one worker typed twice, and their sheets workers/W01.pdf and
    # workers/w01.pdf are one file where case does not count (a seventy-eighth trial's 周晓梅, paid twice, exit 0)
    cased = con.execute("""
        select list(worker_id order by worker_id) from stg_workers
        where worker_id in (select worker_id from payroll where run_id = ?)
        group by lower(worker_id) having count(*) > 1 order by min(worker_id)""", [run_id]).fetchall()
    # ... or in leading zeros only (00125, 125): trial 205's clerk added the id Excel made (125) to workers.csv with no
    # phone beside 00125, both 张敏, and she was paid twice, exit 0
    zeroed = con.execute("""
        select list(worker_id order by worker_id) from stg_workers
        where worker_id in (select worker_id from payroll where run_id = ?) and regexp_full_match(worker_id, '[0-9]+')
        group by ltrim(worker_id, '0') having count(*) > 1 order by min(worker_id)""", [run_id]).fetchall()
    return (_negative(negative) + _twice(twice) + _shared(shared) + _cased(cased) + _zeroed(zeroed)
            + _invisible(con.execute("""
        select 'workers.csv', worker_id, name from stg_workers where worker_id in (select worker_id from payroll
        where run_id = ?) union all select 'grids.csv', grid_id, grid_name from stg_grids order by 1 desc, 2""",
                                     [run_id]).fetchall()))


def _invisible(rows: list[tuple]) -> list[str]:
    """An id or name that shows otherwise than it is: 'W02' with a zero-width space is another worker or grid that
    reads as W02 in every document, and a name holding U+202E prints turned round on the signed scorecard."""
    lines = []
    for file, ident, name in rows:
        name = name or ""
        hidden = " and ".join(what for what, text in (("id", ident), ("name", name)) if visible(text) != text)
        if hidden:
            lines.append(f"{file}'s {visible(ident)} ({visible(name)}): its {hidden} hold{'s' * (' ' not in hidden)} "
                         f"an invisible or direction character, which the documents would not show; type it again")
    return lines


def _negative(rows):
    return [f"{name} ({wid}) would be paid {total} (performance pay {pay}, adjustments {adj}): a deduction larger "
             f"than the month's pay; spread it over months (a row of adjustments.csv each) or correct it"
            for name, wid, total, pay, adj in rows]


def _twice(rows):
    return [f"adjustments.csv gives {wid} {amount} for '{reason}' twice ({', '.join(lines)}): paid twice; delete "
            f"a row typed twice, or, if both are meant, give each its own reason (防汛值班 10月8日)"
            for wid, amount, reason, lines in rows]


def _shared(rows):
    return [f"{' and '.join(names)} give one phone and one name in workers.csv: one person under two ids would "
            f"be paid twice; keep one id" for (names,) in rows]


def _cased(rows):
    return [f"workers.csv gives the ids {' and '.join(ids)}, which differ in letter case only: one worker typed "
            f"twice would be paid twice, and their sheets are one file where case does not count (Windows, "
            f"macOS); keep one id, or give two people ids that differ otherwise" for (ids,) in rows]


def _zeroed(rows):
    return [f"workers.csv gives the ids {' and '.join(ids)}, which differ in leading zeros only: a spreadsheet drops an "
            f"id's leading zeros (00125 saved as 125), and one worker typed twice would be paid twice; keep one id, "
            f"typed as text in every file" for (ids,) in rows]
