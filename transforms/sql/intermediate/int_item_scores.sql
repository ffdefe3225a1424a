-- grain: one row per grid per policy item: how the month's counted answers rate that item on 0-100
-- key: grid_id, item
-- refs: int_grid_item_sums
-- sources: run_params
-- stored_as: item_scores
select
    i.grid_id,
    i.item,
    i.answered,
    cast(round(100 * (i.points / i.answered) / (p.scale_max - p.scale_min), 4) as decimal(9, 4)) as item_score
from int_grid_item_sums as i
cross join run_params as p
order by i.grid_id, i.item
