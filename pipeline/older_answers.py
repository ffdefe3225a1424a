"""Said after a month publishes: an upheld appeal whose answer had set its home's older answers aside."""
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
            group by all order by 1""", [run_id]).fetchall()
    for answer, home, older in found:
        its = "answers " + ", ".join(older) if len(older) > 1 else f"answer {older[0]}"
        log.warning("an upheld appeal takes out answer %s of %s, which had set that home's older %s aside: %s out, "
                    "as an appeal says an answer is unfair to the worker, not that the home did not give it. Call the "
                    "home about both: if it did not give %s (someone typed its door), a verification call recording "
                    "未参与 for %s counts %s again, unless a call finds %s not the home's either (docs/methodology.md, "
                    "section 1, the 公示 cycle)", answer, home, its, "they stay" if len(older) > 1 else "it stays", answer, answer,
                    ", ".join(older), "them" if len(older) > 1 else "it", extra=headed("appeals"))
