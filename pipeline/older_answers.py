"""Said after a month publishes: an upheld appeal whose answer had set its home's older answers aside, and an upheld
非本网格 appeal whose home's older answer counts in its place."""
from __future__ import annotations

import logging
from pathlib import Path

from gridpay.pipeline.run_notices import headed
from gridpay.store.warehouse import connect
from gridpay.transforms.privacy import masked_sql

log = logging.getLogger("gridpay")


def say_appeals_over_older_answers(db: Path, run_id: str) -> None:
    """An upheld appeal's answer that set aside its home's older answers: they stay out (an appeal is no word on
    whether the home answered). Trial 148's campaign typed real homes' doors; appeals took the campaign's answers
    out and the homes' own answers stayed out, the worker 25.67 short, nothing said; a call (未参与) counts them."""
    with connect(db) as con:
        # an older answer from the appealed answer's own phone is the same hand's, no home's voice (trial 148's re-check
        # followed the line for T45 and counted T44, the campaign's answer three minutes before it from one phone)
        found = con.execute(f"""
            select a.response_id, {masked_sql('sa.household_id')}, list(distinct d.response_id order by d.response_id)
            from quarantine a join raw_surveys sa using (run_id, source_file, row_number)
            join raw_surveys sd on sd.run_id = sa.run_id and sd.grid_id = sa.grid_id and sd.household_id = sa.household_id
            join quarantine d on d.run_id = sd.run_id and d.source_file = sd.source_file and d.row_number = sd.row_number
            where a.run_id = ? and a.reason_code = 'appeal_upheld' and d.reason_code = 'duplicate_household'
              and sd.respondent_phone_hash is distinct from sa.respondent_phone_hash
              -- not where another answer of the home counts (a 非本网格 appeal's older answer in its place: trial 245's
              -- re-check was told 48 stayed out beside the line naming 109 counting, which had set 48 aside)
              and not exists (select 1 from raw_surveys so join counted_responses c on c.run_id = so.run_id and
                              c.row_id = so.row_id and c.grid_id = so.grid_id where so.run_id = sa.run_id and
                              so.grid_id = sa.grid_id and so.household_id = sa.household_id)
            group by all order by 1""", [run_id]).fetchall()
    for answer, home, older in found:
        its = "answers " + ", ".join(older) if len(older) > 1 else f"answer {older[0]}"
        log.warning("an upheld appeal takes out answer %s of %s, which had set that home's older %s aside: %s out, "
                    "as an appeal says an answer is unfair to the worker, not that the home did not give it. Call the "
                    "home about both: if it did not give %s (someone typed its door), a verification call recording "
                    "未参与 for %s counts %s again, unless a call finds %s not the home's either (docs/methodology.md, "
                    "section 1, the 公示 cycle)", answer, home, its, "they stay" if len(older) > 1 else "it stays", answer, answer,
                    ", ".join(older), "them" if len(older) > 1 else "it", extra=headed("appeals"))


def say_older_answers_in_place(db: Path, run_id: str) -> None:
    """An upheld 非本网格 appeal whose home's other answers, not upheld, count for the grid the answer named, or are
    set aside behind one that does: a home's answers are chosen after such an appeal takes its answer out or moves it
    to the resident's grid (appeals.wrong_grid_before_household; a resident_grid always). Trial 245 upheld a family's
    latest answer and rejected its older ones as changing nothing; one counted in its place, W04 1523.37 for the
    1526.09 she had before appealing, and the run said only that the older answers stayed out."""
    with connect(db) as con:
        found = con.execute(f"""
            with upheld as (select response_id from raw_appeals where run_id = ? and decision = 'upheld'
                                                                   and category = 'wrong_grid'),
            home as (
                select sa.response_id as answer, {masked_sql('sa.household_id')} as door, sd.response_id as other,
                       c.row_id is not null and c.grid_id = sd.grid_id as counts
                from raw_surveys sa join upheld using (response_id)
                join raw_surveys sd on sd.run_id = sa.run_id and sd.grid_id = sa.grid_id
                                   and sd.household_id = sa.household_id and sd.response_id <> sa.response_id
                left join counted_responses c on c.run_id = sd.run_id and c.row_id = sd.row_id
                left join quarantine q on q.run_id = sd.run_id and q.source_file = sd.source_file
                                      and q.row_number = sd.row_number
                where sa.run_id = ? and sd.response_id not in (select response_id from upheld)
                  and (c.grid_id = sd.grid_id or q.reason_code = 'duplicate_household'))
            select answer, door, list(other order by other) filter (where counts),
                   list(other order by other) filter (where not counts)
            from home group by answer, door having bool_or(counts) order by answer""", [run_id, run_id]).fetchall()
    for answer, home, now, behind in found:
        its = "answer " + now[0] if len(now) == 1 else "answers " + ", ".join(now)
        then = (f" (and {'answer' if len(behind) == 1 else 'answers'} {', '.join(behind)}, set aside behind "
                f"{'it' if len(now) == 1 else 'them'}, would count next)") if behind else ""
        log.warning("an upheld 非本网格 appeal takes answer %s of %s out of the grid it named, while that home's %s, not "
                    "upheld, %s for the grid as the home's answer of the month%s: if the home is not of this grid, take "
                    "%s out too (each one's appeal or HR's own correction upheld, category 非本网格), and run again",
                    answer, home, its, "counts" if len(now) == 1 else "count", then,
                    "them all" if behind or len(now) > 1 else "it", extra=headed("appeals"))
