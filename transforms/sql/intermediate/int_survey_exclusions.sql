-- grain: one row per valid survey row that policy keeps out of the scores, with its reason.
-- Rules apply in this order so that an excluded row never displaces a genuine one: self-rating,
-- speeder, no item answered; then one household, one voice among the rows still standing.
-- key: row_id
with p as (select * from run_params),
valid as (
    -- only the columns the rules read: this set is used three times, and DuckDB keeps it whole
    select s.row_id, s.grid_id, s.household_id, s.respondent_phone_hash, s.submitted_at, s.source_file,
           s.row_number, s.duration_s, coalesce(n.answered_items, 0) as answered_items
    from stg_surveys as s
    left join int_response_answers as n on n.row_id = s.row_id
    where not s.is_invalid
),
self_rated as (
    select distinct v.row_id
    from valid as v
    join stg_assignments as a on a.grid_id = v.grid_id
    join stg_workers as w on w.worker_id = a.worker_id
    cross join p
    where p.exclude_self_rating
      and w.phone_hash = v.respondent_phone_hash
      and a.start_date <= p.month_end
      and coalesce(a.end_date, p.month_end) >= p.month_start
),
median_duration as (
    -- self-ratings do not move the bar that other answers are measured against
    select median(duration_s) as seconds
    from valid
    where duration_s is not null and row_id not in (select row_id from self_rated)
),
first_pass as (
    select
        v.row_id, v.household_id, v.submitted_at, v.source_file, v.row_number,
        case
            when v.row_id in (select row_id from self_rated)
                then 'excluded: self_rating (the respondent''s phone is that of a worker assigned to this grid)'
            when p.speeder = 'exclude' and v.duration_s < p.speeder_fraction * (select seconds from median_duration)
                then 'excluded: speeder (answered far faster than the month''s median time)'
            when v.answered_items = 0
                then 'excluded: no_items (no item answered)'
        end as reason
    from valid as v
    cross join p
),
ranked as (
    select
        row_id,
        row_number() over (
            partition by household_id
            order by submitted_at desc, source_file desc, row_number desc
        ) as household_rank
    from first_pass
    where reason is null
)
select row_id, reason
from first_pass
where reason is not null
union all
select row_id, 'excluded: duplicate_household (an older answer; the household''s latest answer counts)'
from ranked
where (select dedupe_household from p) and household_rank > 1
