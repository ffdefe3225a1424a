-- grain: one row per worker with at least one assigned day in the month.
-- score: mean of the worker's grid pay scores (fct_grid_scores, made in transforms/grid_scores.py)
-- weighted by assigned days x weight, over grids with enough responses; scored_share: the part of
-- the month those grids carry.
-- key: worker_id
-- window_before_start: a grid of the worker's is scored on a pooled window holding another worker's days before her
-- first day on it, and her share of it is paid at the neutral coefficient (scoring.window_before_start_neutral);
-- before_start_grids: those grids' ids, for the run's line.
-- refs: fct_grid_scores, int_worker_grid_day, int_worker_grid_days, stg_assignments, stg_workers
-- sources: run_params
-- stored_as: worker_scores
with union_days as (
    -- a day covering two grids is one paid day, not two
    select worker_id, count(distinct day) as assigned_days
    from int_worker_grid_day
    group by worker_id
),
first_days as (
    select worker_id, grid_id, min(start_date) as first_day from stg_assignments group by worker_id, grid_id
),
before_start as (
    -- a pooled grid's window reaching back to another worker's days on it before this worker's first: those answers
    -- rated the other worker (trial 192's 何敏, new on a thin grid, was floored by 26 answers on her predecessor, 1280.00
    -- for a month her residents rated 90); her share of it is paid at the neutral coefficient, as a first thin month's
    select distinct mine.worker_id, mine.grid_id
    from first_days as mine
    join fct_grid_scores as g on g.grid_id = mine.grid_id
    join stg_assignments as other on other.grid_id = mine.grid_id and other.worker_id <> mine.worker_id
    cross join (select window_before_start_neutral as neutral from run_params) as p
    where p.neutral and list_contains(string_split(g.flags, ';'), 'pooled') and not g.is_insufficient
      and mine.first_day > cast(split_part(g.window_months, ',', 1) || '-01' as date)
      and other.start_date < mine.first_day
      and (other.end_date is null or other.end_date >= cast(split_part(g.window_months, ',', 1) || '-01' as date))
),
shares as (
    select wg.worker_id, wg.grid_id, wg.weight_days, g.pay_score, g.adjusted_se, g.responses, g.is_insufficient,
        b.worker_id is not null as before_start,
        g.is_insufficient or b.worker_id is not null as at_neutral
    from int_worker_grid_days as wg
    join fct_grid_scores as g using (grid_id)
    left join before_start as b using (worker_id, grid_id)
),
per_worker as (
    select
        worker_id,
        sum(weight_days) as weight_days,
        sum(case when not at_neutral then weight_days else 0 end) as scored_weight_days,
        -- the grids' scores as the sheets print them (two decimals) under scoring.worker_score_from_shown: a
        -- worker's sheet showed 72.68 and 69.39 at equal days beside a score of 71.03 (trial 79b)
        sum(case when not at_neutral then weight_days * (case when (select worker_score_from_shown
            from run_params) then round(pay_score, 2) else pay_score end) else 0 end) as scored_sum,
        -- the weighted mean's standard error, grids taken as independent
        sum(case when not at_neutral then (weight_days * adjusted_se) ^ 2 else 0 end) as scored_var_sum,
        sum(responses) as responses,
        bool_or(is_insufficient) as has_insufficient_grid,
        bool_or(before_start) as window_before_start,
        string_agg(case when before_start then grid_id end, ',' order by grid_id) as before_start_grids
    from shares
    group by worker_id
),
scaled as (
    -- the mean's parts in whole 10^-8s: DuckDB divides decimals as doubles, and a mean on a half at the fifth
    -- decimal, (73.6250 + 70.3449) / 2 = 71.98495, was kept 71.9849 (trial 79); scoring.worker_score_from_shown
    select worker_id,
        cast(round(scored_sum, 8) * 100000000 as hugeint) as sum_e8,
        cast(round(scored_weight_days, 8) * 100000000 as hugeint) as days_e8
    from per_worker
)
select
    w.worker_id,
    w.name,
    w.perf_pay_target_yuan,
    u.assigned_days,
    (select days_in_month from run_params) as days_in_month,
    case when p.scored_weight_days <= 0 then null
         when (select worker_score_from_shown from run_params)       -- half away from zero, exactly (scores are >= 0)
         then cast(cast((2 * s.sum_e8 * 10000 + s.days_e8) // (2 * s.days_e8) as decimal(18, 0))
                   * cast(0.0001 as decimal(5, 4)) as decimal(9, 4))
         else cast(round(p.scored_sum / p.scored_weight_days, 4) as decimal(9, 4)) end as score,
    cast(round(p.scored_weight_days / p.weight_days, 6) as decimal(9, 6)) as scored_share,
    p.responses,
    p.has_insufficient_grid,
    p.window_before_start,
    p.before_start_grids,
    cast(round(case when p.scored_weight_days > 0 then sqrt(p.scored_var_sum) / p.scored_weight_days end, 4)
         as decimal(9, 4)) as score_se
from per_worker as p
join scaled as s using (worker_id)
join union_days as u using (worker_id)
join stg_workers as w using (worker_id)
order by w.worker_id
