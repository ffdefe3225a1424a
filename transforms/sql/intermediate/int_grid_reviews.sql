-- grain: one row per grid with bad reviews or verification calls this month: its bad reviews (the
-- answers at or below survey.callback_at_or_below on the overall item that the policy's rules let
-- through), how many of them upheld appeals took out, and its reached and failed calls (denied or
-- coached). fct_grid_scores flags appeals_high and verification_failed from it. Where the policy
-- says so (appeals.high_counts_disputes), an upheld appeal counts only if one of the answer's upheld
-- appeals disputes the resident's judgement (misrated, malicious, coached), not a correction of where
-- it belongs (wrong_grid) or a repeat set aside (other).
-- key: grid_id
-- refs: int_review_exclusions, int_survey_exclusions, stg_appeals, int_surveys, stg_verification
-- sources: run_params
with p as (select * from run_params),
answers as (
    select s.row_id, s.grid_id, s.response_id, s.answers[p.overall_position] as overall
    from int_surveys as s
    cross join p
    where not s.is_invalid and s.row_id not in (select row_id from int_survey_exclusions)
),
bad as (
    select a.grid_id, count(*) as bad_reviews,
           count(*) filter (where e.code = 'appeal_upheld' and (not p.appeals_high_disputes or a.response_id in (
               select response_id from stg_appeals
               where decision = 'upheld' and category in ('misrated', 'malicious', 'coached')))) as upheld_bad
    from answers as a
    cross join p
    left join int_review_exclusions as e using (row_id)
    where a.overall <= p.callback_at_or_below
    group by a.grid_id
),
calls as (
    select a.grid_id,
           count(*) filter (where v.result in ('confirmed', 'denied', 'coached')) as reached_calls,
           count(*) filter (where v.result in ('denied', 'coached')) as failed_calls
    from answers as a
    join stg_verification as v using (response_id)
    group by a.grid_id
)
select grid_id,
       coalesce(b.bad_reviews, 0) as bad_reviews,
       coalesce(b.upheld_bad, 0) as upheld_bad,
       coalesce(c.reached_calls, 0) as reached_calls,
       coalesce(c.failed_calls, 0) as failed_calls
from bad as b
full join calls as c using (grid_id)
