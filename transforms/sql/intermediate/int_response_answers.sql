-- grain: one row per survey row with at least one answered item: its answers summed once, for
-- the models that exclude, score and flag rows (each used to aggregate the month's answer rows,
-- five per response, on its own)
-- key: row_id
select
    a.row_id,
    count(a.answer) as answered_items,
    sum(a.item_weight * (a.answer - p.scale_min)) as weighted_points,
    sum(a.item_weight) as weight_total,
    min(a.answer) as lowest_answer,
    max(a.answer) as highest_answer,
    max(a.answer) filter (where a.item = p.overall_item) as overall_answer
from int_answers as a
cross join run_params as p
group by a.row_id
