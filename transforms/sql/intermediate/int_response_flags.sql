-- grain: one row per counted response per review flag. Flags never exclude: they list answers
-- for HR to look at (a speeder when policy says "flag", straight-lining, bursts, one phone
-- answering for several households of a grid).
-- key: row_id, flag
-- refs: int_response_scores, int_surveys
-- sources: run_params
-- stored_as: response_flags
with p as (select * from run_params),
median_duration as (
    select median(duration_s) as seconds from int_response_scores where duration_s is not null
),
-- the answers a burst is counted among: the counted ones of a channel; under integrity.burst_all_answers (policy
-- 2027.17) every valid answer of the grid, whatever its channel or exclusion (trial 145's late-night batch, 4 of 7
-- set aside as speeders, left 3 under the 5 a burst needs; trial 148's alternated 微信 and 手机提交)
-- under integrity.burst_timed_only (policy 2027.24) none dated by day only (its time 00:00): it has no time to be near
-- another's (trial 196's volunteer's 18 paper forms typed by day, 16 flagged burst and put on the call list)
burst_answers as (
    select * from (
        select row_id, grid_id, coalesce(channel, '') as channel, submitted_at from int_response_scores
        where not (select burst_all_answers from p)
        union all
        select row_id, grid_id, '' as channel, submitted_at from int_surveys
        where (select burst_all_answers from p) and not is_invalid)
    where not ((select burst_timed_only from p) and cast(submitted_at as time) = time '00:00:00')
),
bursts as (
    select row_id, grid_id,
        count(*) over (
            partition by grid_id, channel
            order by submitted_at
            range between to_minutes((select burst_window_minutes from p)) preceding
                      and to_minutes((select burst_window_minutes from p)) following
        ) as nearby
    from burst_answers
),
phones as (     -- a counted answer's phone hash, and how many households of its grid that phone answered for
    select c.row_id, c.grid_id,
        count(distinct c.household_id) over (partition by c.grid_id, s.respondent_phone_hash) as households
    from int_response_scores as c
    join int_surveys as s using (row_id)
    where s.respondent_phone_hash is not null
      and (select shared_phone_households from p) is not null
)
select c.row_id, c.grid_id, 'speeder' as flag
from int_response_scores as c cross join p
where p.speeder = 'flag' and c.duration_s < p.speeder_fraction * (select seconds from median_duration)
union all
select c.row_id, c.grid_id, 'straight_line'
from int_response_scores as c cross join p
where c.answered_items >= p.straight_line_min_items and c.lowest_answer = c.highest_answer
union all
select b.row_id, b.grid_id, 'burst'
from bursts as b cross join p
where b.nearby >= p.burst_min_responses and b.row_id in (select row_id from int_response_scores)
union all
select h.row_id, h.grid_id, 'shared_phone'
from phones as h cross join p
where h.households >= p.shared_phone_households
