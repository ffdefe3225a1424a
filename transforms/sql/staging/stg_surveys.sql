-- grain: one row per survey row read this month (valid or not)
-- key: row_id
-- sources: raw_surveys, run_params
-- materialized: view (scanned from the warehouse by each model: a copy of a 10M-row month held in memory made every later model spill)
select
    row_id,
    source_file,
    row_number,
    response_id,
    grid_id,
    household_id,
    respondent_phone_hash,
    submitted_at_ts as submitted_at,
    channel,
    try_cast(duration_s as integer) as duration_s,  -- invalid rows stay here, flagged
    comment,
    -- one per policy item, in run_params.items order; null where blank (or on rows validation rejected)
    list_transform(answers, lambda answer: try_cast(answer as integer)) as answers,
    invalid_reason,
    invalid_code,
    invalid_reason is not null as is_invalid
from raw_surveys
where run_id = (select run_id from run_params)
