-- grain: one row per valid survey row that policy keeps out of the scores, with its reason's code
-- and text (the text is the exclusion_reason macro's, transforms/reasons.py).
-- Rules apply in this order so that an excluded row never displaces a genuine one: self-rating,
-- speeder, no item answered; then one household, one voice among the rows still standing (under
-- integrity.calls_before_household, not counting an answer a verification call found not genuine:
-- int_review_exclusions excludes it, and the household's earlier answer counts; under
-- appeals.wrong_grid_before_household, nor an answer an upheld appeal found another grid's, 非本网格: the same door
-- of another compound is another home, and this grid's home's own answer counts). A
-- household is its household_id within its grid under scoring.household_scope = "grid" (door
-- numbers such as 1栋1单元601 repeat from compound to compound), month-wide under "month".
-- Each rule reads the columns it needs from int_surveys: a set of the month's valid rows with
-- all of them (phone hashes are 64 characters) spilled 5 GB to disk at 10M rows under the 2 GB cap.
-- key: row_id
-- refs: stg_appeals, stg_assignments, int_surveys, stg_verification, stg_worker_phones
-- sources: run_params
with p as (select * from run_params),
called as (
    select distinct v.response_id
    from stg_verification as v
    cross join p
    where p.calls_before_household and v.result in ('denied', 'coached')
    union
    select a.response_id
    from stg_appeals as a
    cross join p
    where p.wrong_grid_before_household and a.decision = 'upheld' and a.category = 'wrong_grid'
      and not moves_answer(a.decision, a.category, a.resident_grid)   -- it counts there, a home among its homes
),
self_rated as (
    select distinct s.row_id
    from int_surveys as s
    join stg_worker_phones as w on w.phone_hash = s.respondent_phone_hash
    join stg_assignments as a on a.worker_id = w.worker_id and a.grid_id = s.grid_id
    cross join p
    where p.exclude_self_rating
      and not s.is_invalid
      and a.start_date <= p.month_end
      and coalesce(a.end_date, p.month_end) >= p.month_start
),
median_duration as (
    -- self-ratings do not move the bar that other answers are measured against
    select median(duration_s) as seconds
    from int_surveys
    where not is_invalid and duration_s is not null and row_id not in (select row_id from self_rated)
),
first_pass as (
    select
        s.row_id,
        -- the household's 64-bit hash (its grid's and its id's under household_scope "grid"), not
        -- its text, to keep 10M rows and groups small; a collision only ranks a few more rows, each
        -- alone in its household
        hash(case when p.household_scope = 'grid' then s.grid_id end, s.household_id) as household_hash,
        -- the rule (code) and which of its texts (variant: transforms/reasons.py EXCLUSIONS)
        case
            when s.row_id in (select row_id from self_rated) then {'code': 'self_rating', 'variant': ''}
            when p.speeder = 'exclude' and s.duration_s < p.speeder_fraction * (select seconds from median_duration)
                then {'code': 'speeder', 'variant': ''}
            when not list_bool_or(list_transform(s.answers, lambda answer: answer is not null))
                then {'code': 'no_items', 'variant': ''}
            -- only items the policy weighs 0 answered: no score to give (it would divide by zero)
            when not list_bool_or(list_transform(s.answers, lambda answer, i: answer is not null and p.item_weights[i] > 0))
                then {'code': 'no_items', 'variant': 'weighed'}
        end as exclusion,
        coalesce(s.response_id in (select response_id from called), false) as called
    from int_surveys as s
    cross join p
    where not s.is_invalid
),
repeated as (
    -- households that may have answered more than once: only their rows are ranked (a city's month
    -- has millions of households, nearly all answering once: ranking them all sorted the month).
    select household_hash from first_pass where exclusion is null and not called
    group by household_hash having count(*) > 1
),
numbered as (
    -- integrity.same_time_by_id: of one file's answers at the same time (seconds Excel dropped), the platform's
    -- later answer number (问卷星's 序号) is the later answer, whatever order HR sorted the rows in (a sixty-first
    -- trial's file, sorted newest first, kept a household's first, all-1 answer: 136.80 yuan); under
    -- integrity.same_time_by_id_digits an id's number after the letters a platform puts before it (a layout's
    -- id_prefix, a file's file_id_prefixes), as one file's ids share them (腾讯问卷's T202: a
    -- two-hundred-and-forty-sixth trial's sorted file kept T201, 129.06 yuan); not a paper form's number HR typed
    -- (trial 254's P13 and P14, dated by day, are no order of submission)
    select s.*, case when p.same_time_by_id then coalesce(try_cast(s.response_id as bigint),
        case when p.same_time_by_id_digits and list_contains(p.id_prefixes,
                                                             regexp_extract(s.response_id, '^([A-Za-z]+)[0-9]+$', 1))
             then try_cast(regexp_extract(s.response_id, '^[A-Za-z]+([0-9]+)$', 1) as bigint) end) end as answer_number
    from first_pass as f
    join int_surveys as s using (row_id)
    cross join p
    where f.exclusion is null and not f.called and f.household_hash in (select household_hash from repeated)
),
ranked as (
    select
        s.row_id,
        row_number() over household as household_rank,
        -- no later time: the answer that counts is only the row later in the files (a form dated by day),
        -- unless the answer numbers of one file told which was given later
        p.same_time_said and s.submitted_at = max(s.submitted_at) over household
            and (s.answer_number is null or first_value(s.answer_number) over household is null
                 or s.source_file <> first_value(s.source_file) over household) as same_time,
        -- integrity.same_day_said: an answer dated by day only (00:00: a paper form) on the day the one that counts
        -- was given at a time: which was given later is not known (trial 183's paper 不满意 lost to an online
        -- 非常满意 of the same day, its reason "an older answer", nothing said)
        p.same_day_said and s.submitted_at < max(s.submitted_at) over household
            and cast(s.submitted_at as time) = time '00:00:00'
            and cast(s.submitted_at as date) = cast(max(s.submitted_at) over household as date) as same_day
    from numbered as s
    cross join p
    window household as (
        partition by case when p.household_scope = 'grid' then s.grid_id end, s.household_id
        order by s.submitted_at desc, s.source_file desc, s.answer_number desc nulls last, s.row_number desc
        rows between unbounded preceding and unbounded following)
)
select row_id, exclusion.code, exclusion_reason(exclusion.code, exclusion.variant, null) as reason
from first_pass
where exclusion is not null
union all
select row_id, 'duplicate_household' as code,
       exclusion_reason('duplicate_household', (select household_scope from p) || case when same_time then '_same_time'
                                                                                    when same_day then '_same_day'
                                                                                    else '' end, null) as reason
from ranked
where (select dedupe_household from p) and household_rank > 1
