-- grain: one row per counted response: its 0-100 score (weighted mean of answered items,
-- rescaled so scale_min -> 0 and scale_max -> 100), kept as an exact decimal; with the columns
-- the flag and grid models read
-- key: row_id
-- refs: int_exclusions, int_response_answers
-- sources: run_params
-- stored_as: counted_responses
select
    a.* exclude (is_invalid, weighted_points, weight_total),
    cast(round(100 * a.weighted_points / (a.weight_total * (p.scale_max - p.scale_min)), 6)
         as decimal(18, 6)) as response_score
from int_response_answers as a
cross join run_params as p
where not a.is_invalid
  and a.row_id not in (select row_id from int_exclusions)
