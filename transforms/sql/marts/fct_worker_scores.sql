-- grain: one row per worker with at least one assigned day in the month.
-- score: mean of the worker's grid pay scores (fct_grid_scores, made in transforms/grid_scores.py)
-- weighted by assigned days x weight, over grids with enough responses; scored_share: the part of
-- the month those grids carry.
-- key: worker_id
-- refs: fct_grid_scores, int_worker_grid_day, int_worker_grid_days, stg_workers
-- sources: run_params
-- stored_as: worker_scores
with union_days as (
    -- a day covering two grids is one paid day, not two
    select worker_id, count(distinct day) as assigned_days
    from int_worker_grid_day
    group by worker_id
),
per_worker as (
    select
        wg.worker_id,
        sum(wg.weight_days) as weight_days,
        sum(case when not g.is_insufficient then wg.weight_days else 0 end) as scored_weight_days,
        sum(case when not g.is_insufficient then wg.weight_days * g.pay_score else 0 end) as scored_sum,
        -- the weighted mean's standard error, grids taken as independent
        sum(case when not g.is_insufficient then (wg.weight_days * g.adjusted_se) ^ 2 else 0 end) as scored_var_sum,
        sum(g.responses) as responses,
        bool_or(g.is_insufficient) as has_insufficient_grid
    from int_worker_grid_days as wg
    join fct_grid_scores as g using (grid_id)
    group by wg.worker_id
)
select
    w.worker_id,
    w.name,
    w.perf_pay_target_yuan,
    u.assigned_days,
    (select days_in_month from run_params) as days_in_month,
    cast(round(case when p.scored_weight_days > 0 then p.scored_sum / p.scored_weight_days end, 4)
         as decimal(9, 4)) as score,
    cast(round(p.scored_weight_days / p.weight_days, 6) as decimal(9, 6)) as scored_share,
    p.responses,
    p.has_insufficient_grid,
    cast(round(case when p.scored_weight_days > 0 then sqrt(p.scored_var_sum) / p.scored_weight_days end, 4)
         as decimal(9, 4)) as score_se
from per_worker as p
join union_days as u using (worker_id)
join stg_workers as w using (worker_id)
order by w.worker_id
