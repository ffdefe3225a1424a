-- grain: one row per grid per policy item: how the month's counted answers rate that item on 0-100
-- key: grid_id, item
select
    r.grid_id,
    a.item,
    count(*) as answered,
    cast(round(100 * avg(a.answer - p.scale_min) / (p.scale_max - p.scale_min), 4) as decimal(9, 4)) as item_score
from int_response_scores as r
join int_answers as a using (row_id)
cross join run_params as p
where a.answer is not null
group by r.grid_id, a.item, p.scale_min, p.scale_max
order by r.grid_id, a.item
