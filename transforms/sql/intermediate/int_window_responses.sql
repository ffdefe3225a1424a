-- grain: one row per household that answered for a thin grid (fewer counted responses this month
-- than scoring.min_responses) within its pooling window: this month, and the runs of the
-- scoring.pool_months - 1 months before it that were published when this month ran (run_window,
-- recorded with the run). A household's latest counted answer in the window stands for it: one
-- household, one voice across the window, a household being its household_id within its grid
-- under scoring.household_scope = "grid" (as in int_survey_exclusions), month-wide under "month".
-- A door number answered without its compound in one month and with it in another (a grid listed with one
-- compound, its homes by door alone, and then with two: a fortieth trial's two homes counted twice in the
-- window) is that compound's home where the window holds one such home of the grid and the door-only
-- answer's month none (scoring.window_homes_by_door); else each stands as typed. Where the window knows each
-- month's compounds (raw_grid_compounds, scoring.window_homes_by_compound), a door-only home of a month whose
-- grids.csv listed one compound for the grid is that compound's home, in a grid some answer of the window
-- named a compound in, and whose every month of the window is recorded (a forty-fourth trial's grid gained a
-- compound whose home shared a door of the old one's: by the door alone the two were one home).
-- An earlier month's answer given from the phone of a worker who covers the grid this month is a self-rating
-- here too (scoring.window_self_ratings): int_window_self_ratings names them.
-- An earlier month's home named by a compound's other name of today's grids.csv (桂园二期 in August, 桂馨苑
-- after the city renamed it, listed 桂馨苑=桂园二期: raw_compound_names) is that compound's (scoring.window_compound_names: a
-- fifty-eighth trial's renamed compound counted its homes twice in the window).
-- Empty unless the policy says insufficient = "pool".
-- key: grid_id, household_id
-- refs: int_grid_stats, int_response_scores, int_window_self_ratings
-- sources: counted_responses, raw_compound_names, raw_grid_compounds, raw_surveys, run_params, run_window
with p as (select * from run_params),
thin as (
    select grid_id from int_grid_stats, p where p.pool and responses < p.min_responses
),
answers as (
    select r.household_id, r.grid_id, r.submitted_at, p.month, r.response_score, p.run_id
    from int_response_scores as r, p
    where r.grid_id in (select grid_id from thin)
    union all
    -- earlier months' counted responses, as their published runs scored them
    select s.household_id, c.grid_id, s.submitted_at_ts, w.month, c.response_score, c.run_id
    from run_window as w
    join counted_responses as c on c.run_id = w.window_run_id
    join raw_surveys as s on s.run_id = c.run_id and s.row_id = c.row_id
    cross join p
    where w.month >= p.pool_first_month and c.grid_id in (select grid_id from thin)
      and not exists (select 1 from int_window_self_ratings as x where x.run_id = c.run_id and x.row_id = c.row_id)
),
renamed as (
    select a.* replace (coalesce(n.compound || ' ' || regexp_extract(a.household_id, '[^ ]*$'),
                                 a.household_id) as household_id)
    from answers as a cross join p
    left join raw_compound_names as n
        on p.window_compound_names and n.run_id = p.run_id
        and n.other_name = regexp_extract(a.household_id, '^(.*) [^ ]*$', 1)
),
doors as (   -- a home's door number: after its compound and a space, or the whole of a door-only home
    select *, regexp_extract(household_id, '[^ ]*$') as door, contains(household_id, ' ') as named
    from renamed
),
compounds as (select * from raw_grid_compounds where run_id in (select run_id from answers)),
one_compound as (   -- the grids each run's grids.csv listed with one compound
    select run_id, grid_id, min(compound) as compound from compounds group by run_id, grid_id
    having count(compound) = 1
),
read_grids as (     -- grids some answer of the window names a compound in, every month's compounds recorded
    select a.grid_id from doors as a left join (select distinct run_id from compounds) as r using (run_id)
    group by a.grid_id having bool_or(a.named) and bool_and(r.run_id is not null)
),
named_homes as (
    select grid_id, door, count(distinct household_id) as homes, min(household_id) as home,
           list(distinct month) as months
    from doors where named group by grid_id, door
),
homes as (
    select d.*, case when p.window_homes_by_compound and not d.named and o.compound is not null
                          and d.grid_id in (select grid_id from read_grids) then o.compound || ' ' || d.door
                     when p.window_homes_by_door and not d.named and n.homes = 1
                          and not list_contains(n.months, d.month) then n.home else d.household_id end as home
    from doors as d left join named_homes as n using (grid_id, door)
    left join one_compound as o on o.run_id = d.run_id and o.grid_id = d.grid_id, p
),
ranked as (
    select h.*, row_number() over (
        partition by case when p.household_scope = 'grid' then h.grid_id end, h.home
        order by h.submitted_at desc, h.month desc) as household_rank
    from homes as h, p
)
select home as household_id, grid_id, month, response_score
from ranked
where household_rank = 1
