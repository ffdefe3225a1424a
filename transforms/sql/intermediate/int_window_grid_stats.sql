-- grain: one row per thin grid with a counted answer in its pooling window (int_window_responses):
-- the exact sums its pooled score is computed from, and the months the answers came from.
-- key: grid_id
-- refs: int_window_responses
select
    grid_id,
    array_to_string(list_sort(list_distinct(list(month))), ',') as months,
    count(*) as responses,
    sum(response_score) as sum_score,
    sum(response_score * response_score) as sum_sq
from int_window_responses
group by grid_id
order by grid_id
