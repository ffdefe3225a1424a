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
        join int_surveys s using (response_id)
        join int_survey_exclusions e using (row_id)
        where a.decision = 'upheld' and not moves_answer(a.decision, a.category, a.resident_grid)
          and a.response_id not in (select s2.response_id from int_surveys s2
                                    join int_review_exclusions r using (row_id))
          and a.response_id not in (select r.response_id from raw_surveys r join counted_responses c
                                    using (run_id, row_id) where r.run_id = ?)
        group by a.appeal_id, a.response_id order by a.appeal_id""", [decided_on]).fetchall()
    return [VoidAppeal(*row) for row in rows]


@dataclass(frozen=True)
class GoodAnswerAppeal:
    """An upheld 恶意差评 appeal on an answer with no bad rating: trial 128's appeal of answer 73, typed 78, took a
    resident's 非常满意 out of W01's grid (65.70 yuan to her), exit 0, nothing said."""
    appeal_id: str
    response_id: str
    lowest: int                 # the answer's lowest rating
    bad_reviews: str            # the grid's bad reviews of the month, the ids the appeal more likely meant

    def __str__(self) -> str:
        meant = f" (its grid's bad reviews this month: {self.bad_reviews})" if self.bad_reviews else ""
        return (f"upheld appeal {self.appeal_id} (malicious, 恶意差评) names answer {self.response_id}, whose lowest "
                f"rating is {self.lowest}: no bad review to be malicious; is its answer id mistyped?{meant}")


def good_answer_appeals(con) -> list[GoodAnswerAppeal]:
    """In the month just scored, the upheld appeals of category malicious whose answer rated no item at or below
    survey.callback_at_or_below (the callback list's line), with the grid's answers that did."""
    rows = con.execute("""
        with p as (select * from run_params),
        rated as (select s.response_id, s.grid_id, s.answers[p.overall_position] as overall,
                         list_min(s.answers) as lowest
                  from int_surveys s cross join p where not s.is_invalid)
        select a.appeal_id, a.response_id, r.lowest,
               coalesce((select string_agg(b.response_id, ', ' order by b.response_id) from rated b cross join p
                         where b.grid_id = r.grid_id and b.overall <= p.callback_at_or_below), '')
        from stg_appeals a join rated r using (response_id) cross join p
        where a.decision = 'upheld' and a.category = 'malicious' and r.lowest > p.callback_at_or_below
        order by a.appeal_id""").fetchall()
    return [GoodAnswerAppeal(*row) for row in rows]
