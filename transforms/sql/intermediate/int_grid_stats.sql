-- grain: one row per grid of grids.csv: exact sums of the month's counted response scores and
-- the counts behind 好评率 / 满意率 (thresholds from the policy's scale: run_params), for the
-- statistics in transforms/grid_scores.py.
-- key: grid_id
-- refs: int_grids, int_response_flags, int_response_scores
-- sources: run_params
with agg as (
    select
        r.grid_id,
        count(*) as responses,
        sum(r.response_score) as sum_score,
        sum(r.response_score * r.response_score) as sum_sq,
        count(r.overall_answer) as overall_answered,
        count(*) filter (where r.overall_answer >= p.good_at_or_above) as good,
        count(*) filter (where r.overall_answer >= p.satisfied_at_or_above) as satisfied
    from int_response_scores as r
    cross join run_params as p
    group by r.grid_id
),
flags as (
    select f.grid_id, f.flag, count(*) as n
    from int_response_flags as f
    group by f.grid_id, f.flag
)
select
    g.grid_id,
    g.grid_name,
    g.community,
    g.area,
    g.households,
    coalesce(a.responses, 0) as responses,
    coalesce(a.sum_score, 0) as sum_score,
    coalesce(a.sum_sq, 0) as sum_sq,
    coalesce(a.overall_answered, 0) as overall_answered,
    coalesce(a.good, 0) as good,
    coalesce(a.satisfied, 0) as satisfied,
    coalesce((select string_agg(f.flag || ':' || f.n, ';' order by f.flag) from flags as f
              where f.grid_id = g.grid_id), '') as review_flags
from int_grids as g
left join agg as a using (grid_id)
order by g.grid_id
