-- grain: one row per valid survey row kept out of the scores: by the policy's own rules
-- (int_survey_exclusions) or by HR's review of the month (int_review_exclusions), with the reason's code and text
-- key: row_id
-- refs: int_review_exclusions, int_survey_exclusions
select row_id, code, reason from int_survey_exclusions
union all
select row_id, code, reason from int_review_exclusions
