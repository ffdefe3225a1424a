-- grain: one row per counted response: its 0-100 score (weighted mean of answered items,
-- rescaled so scale_min -> 0 and scale_max -> 100), kept as an exact decimal
-- key: row_id
select
    s.row_id,
    s.grid_id,
    s.household_id,
    s.submitted_at,
    cast(round(100 * a.weighted_points / (a.weight_total * (p.scale_max - p.scale_min)), 6)
         as decimal(18, 6)) as response_score
from stg_surveys as s
join int_response_answers as a on a.row_id = s.row_id
cross join run_params as p
where not s.is_invalid
  and s.row_id not in (select row_id from int_survey_exclusions)
