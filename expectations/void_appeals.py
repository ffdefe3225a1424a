"""Upheld appeals that take nothing out. An upheld appeal removes the answer it names from the
scores; an answer the policy's own rules already kept out (an older answer of the household, a
self-rating, ...) did not count, so upholding it changes no figure while the scorecard counts it
as upheld (支持). Under the policy's appeals.upheld_must_count such an appeal stops the month: HR
either rejects it or corrects the answer's row so that it counts, and nobody is told a decision
took effect that did not."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class VoidAppeal:
    appeal_id: str
    response_id: str
    reason: str                 # why the answer did not count: its exclusion

    def __str__(self) -> str:
        return f"upheld appeal {self.appeal_id} names answer {self.response_id}, which did not count ({self.reason})"


def void_appeals(con, decided_on: str | None = None) -> list[VoidAppeal]:
    """In the month just scored (the run's int_* tables), the upheld appeals whose answer the
    policy's exclusion rules kept out, in appeal order; not one whose answer counted in `decided_on`,
    the month's run the appeal was decided on: a correction's late form from the same home made that
    answer an older one, and the appeal is moot, not wrong (a sixteenth trial's HR was told to record
    such an appeal as rejected, a false record)."""
    rows = con.execute("""
        select a.appeal_id, a.response_id, min(e.reason)
        from stg_appeals a
        join stg_surveys s using (response_id)
        join int_survey_exclusions e using (row_id)
        where a.decision = 'upheld'
          and a.response_id not in (select s2.response_id from stg_surveys s2
                                    join int_review_exclusions r using (row_id))
          and a.response_id not in (select r.response_id from raw_surveys r join counted_responses c
                                    using (run_id, row_id) where r.run_id = ?)
        group by a.appeal_id, a.response_id order by a.appeal_id""", [decided_on]).fetchall()
    return [VoidAppeal(*row) for row in rows]
