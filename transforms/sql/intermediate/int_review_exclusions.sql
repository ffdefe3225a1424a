-- grain: one row per valid survey row that HR's review takes out of the scores: an upheld appeal
-- (申诉复核: appeal_upheld) or a verification call that found the answer not genuine (回访:
-- verification_denied, verification_coached). A row the policy's own rules exclude keeps that
-- reason; an answer both upheld and called keeps the appeal's. An upheld 非本网格 appeal naming the resident's grid
-- takes nothing out: int_surveys counts the answer there.
-- key: row_id
-- refs: int_survey_exclusions, stg_appeals, int_surveys, stg_verification
with candidates as (
    select row_id, response_id
    from int_surveys
    where not is_invalid and row_id not in (select row_id from int_survey_exclusions)
),
upheld as (
    select c.row_id, 'appeal_upheld' as code,
           exclusion_reason('appeal_upheld', '', a.appeal_id || ', ' || a.category) as reason
    from candidates as c
    join stg_appeals as a using (response_id)
    where a.decision = 'upheld' and not moves_answer(a.decision, a.category, a.resident_grid)
    qualify row_number() over (partition by c.row_id order by a.appeal_id) = 1
),
called as (
    select c.row_id, 'verification_' || v.result as code,
           exclusion_reason('verification_' || v.result, '', strftime(v.called_on, '%Y-%m-%d')) as reason
    from candidates as c
    join stg_verification as v using (response_id)
    where v.result in ('denied', 'coached') and c.row_id not in (select row_id from upheld)
)
select row_id, code, reason from upheld
union all
select row_id, code, reason from called
