-- grain: one row per appeal of this run's month (申诉复核, appeals.csv), codes and dates as
-- validation passed them (expectations/reviews.py)
-- key: appeal_id
-- sources: raw_appeals, run_params
select
    appeal_id,
    worker_id,
    response_id,
    category,
    statement,
    cast(filed_on as date) as filed_on,
    decision,
    decided_by,
    cast(decided_on as date) as decided_on,
    decision_note,
    resident_grid,
    resident_household
from raw_appeals
where run_id = (select run_id from run_params)
  and month = (select month from run_params)
