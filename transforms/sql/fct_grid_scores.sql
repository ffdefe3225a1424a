-- grain: one row per grid per month; scores on 0-100. Sums are exact decimals so the result
-- does not depend on DuckDB's thread order; the interval is mean +- 1.96 standard errors.
with agg as (
    select
        grid_id,
        count(*) as responses,
        sum(response_score) as sum_score,
        sum(response_score * response_score) as sum_sq
    from int_response_scores
    group by grid_id
),
stats as (
    select
        g.grid_id, g.grid_name, g.community, g.households,
        coalesce(a.responses, 0) as responses,
        a.sum_score / a.responses as mean_score,
        case when a.responses > 1
            then sqrt(greatest((a.sum_sq - a.sum_score * a.sum_score / a.responses) / (a.responses - 1), 0))
                 / sqrt(a.responses)
        end as std_error
    from stg_grids as g
    left join agg as a using (grid_id)
)
select
    grid_id,
    grid_name,
    community,
    (select month from run_params) as month,
    responses,
    households,
    cast(round(case when households > 0 then responses / households end, 4) as decimal(9, 4)) as response_rate,
    cast(round(mean_score, 4) as decimal(9, 4)) as raw_score,
    cast(round(mean_score, 4) as decimal(9, 4)) as adjusted_score,
    cast(round(greatest(mean_score - 1.96 * std_error, 0), 4) as decimal(9, 4)) as ci_low,
    cast(round(least(mean_score + 1.96 * std_error, 100), 4) as decimal(9, 4)) as ci_high,
    responses < (select min_responses from run_params) as is_insufficient,
    case when responses < (select min_responses from run_params) then 'insufficient_responses' else '' end as flags
from stats
order by grid_id
