-- grain: one row per counted response per review flag. Flags never exclude: they list answers
-- for HR to look at (a speeder when policy says "flag", straight-lining, bursts).
-- key: row_id, flag
with p as (select * from run_params),
counted as (
    select s.row_id, s.grid_id, s.channel, s.submitted_at, s.duration_s
    from stg_surveys as s
    where s.row_id in (select row_id from int_response_scores)
),
median_duration as (
    select median(duration_s) as seconds from counted where duration_s is not null
),
bursts as (
    select row_id,
        count(*) over (
            partition by grid_id, coalesce(channel, '')
            order by submitted_at
            range between to_minutes((select burst_window_minutes from p)) preceding
                      and to_minutes((select burst_window_minutes from p)) following
        ) as nearby
    from counted
)
select c.row_id, 'speeder' as flag
from counted as c cross join p
where p.speeder = 'flag' and c.duration_s < p.speeder_fraction * (select seconds from median_duration)
union all
select a.row_id, 'straight_line'
from int_response_answers as a cross join p
where a.answered_items >= p.straight_line_min_items and a.lowest_answer = a.highest_answer
  and a.row_id in (select row_id from counted)
union all
select b.row_id, 'burst'
from bursts as b cross join p
where b.nearby >= p.burst_min_responses
