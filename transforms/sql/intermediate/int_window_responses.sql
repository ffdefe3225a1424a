-- grain: one row per household that answered for a thin grid (fewer counted responses this month
-- than scoring.min_responses) within its pooling window: this month, and the runs of the
-- scoring.pool_months - 1 months before it that were published when this month ran (run_window,
-- recorded with the run). A household's latest counted answer in the window stands for it: one
-- household, one voice across the window, a household being its household_id within its grid
-- under scoring.household_scope = "grid" (as in int_survey_exclusions), month-wide under "month".
-- Empty unless the policy says insufficient = "pool".
-- key: grid_id, household_id
-- refs: int_grid_stats, int_response_scores
-- sources: counted_responses, raw_surveys, run_params, run_window
with p as (select * from run_params),
thin as (
    select grid_id from int_grid_stats, p where p.pool and responses < p.min_responses
),
answers as (
    select r.household_id, r.grid_id, r.submitted_at, p.month, r.response_score
    from int_response_scores as r, p
    where r.grid_id in (select grid_id from thin)
    union all
    -- earlier months' counted responses, as their published runs scored them
    select s.household_id, c.grid_id, s.submitted_at_ts, w.month, c.response_score
    from run_window as w
    join counted_responses as c on c.run_id = w.window_run_id
    join raw_surveys as s on s.run_id = c.run_id and s.row_id = c.row_id
    cross join p
    where w.month >= p.pool_first_month and c.grid_id in (select grid_id from thin)
),
ranked as (
    select a.*, row_number() over (
        partition by case when p.household_scope = 'grid' then a.grid_id end, a.household_id
        order by a.submitted_at desc, a.month desc) as household_rank
    from answers as a, p
)
select household_id, grid_id, month, response_score
from ranked
where household_rank = 1
