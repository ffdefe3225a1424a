-- grain: one row per survey row per answered item (blank items have no row)
-- key: row_id, item
-- materialized: view (read once, by int_answers: a 10M-row month has 50M of these)
select
    row_id,
    item,
    try_cast(answer as integer) as answer   -- null on rows validation already rejected
from raw_answers
where run_id = (select run_id from run_params)
  and answer is not null
