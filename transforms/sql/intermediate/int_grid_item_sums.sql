-- grain: one row per grid per policy item answered in it: exact integer sums of the month's counted
-- answers to the item, and of the pairs (item, overall item) for fct_item_drivers' correlations.
-- key: grid_id, item
-- refs: int_response_scores
-- sources: run_params
with p as (select * from run_params),
answers as (
    -- each counted response's list of answers, unnested here in the query, with its overall answer
    select r.grid_id, unnest(range(1, len(p.items) + 1)) as position, unnest(r.answers) as x, r.overall_answer as y
    from int_response_scores as r
    cross join p
),
histogram as (
    -- answers are a few small integers: counting each (item, answer, overall answer) once per grid
    -- and summing the counts is one cheap aggregate over 50M unnested answers instead of ten
    select grid_id, position, x, y, count(*) as n
    from answers
    where x is not null
    group by grid_id, position, x, y
)
select
    h.grid_id,
    p.items[h.position] as item,
    sum(h.n) as answered,
    sum(h.n * (h.x - p.scale_min)) as points,
    coalesce(sum(h.n) filter (where h.y is not null), 0) as pairs,
    sum(h.n * h.x) filter (where h.y is not null) as sum_x,
    sum(h.n * h.y) as sum_y,
    sum(h.n * h.x * h.x) filter (where h.y is not null) as sum_xx,
    sum(h.n * h.y * h.y) as sum_yy,
    sum(h.n * h.x * h.y) as sum_xy
from histogram as h
cross join p
group by h.grid_id, h.position, p.items, p.scale_min
