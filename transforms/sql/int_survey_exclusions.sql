-- grain: one row per valid survey row that policy keeps out of the scores, with the reason
with valid as (
    select s.*,
        row_number() over (
            partition by household_id
            order by submitted_at desc, source_file desc, row_number desc
        ) as household_rank,
        (select count(*) from stg_answers as a where a.row_id = s.row_id) as answered_items
    from stg_surveys as s
    where not is_invalid
)
select
    row_id,
    case
        when (select dedupe_household from run_params) and household_rank > 1
            then 'excluded: older answer of a household that answered again (the latest counts)'
        when answered_items = 0
            then 'excluded: no item answered'
    end as reason
from valid
where ((select dedupe_household from run_params) and household_rank > 1)
   or answered_items = 0
