-- grain: one row per manual adjustment line of this run's month
-- key: source_file, row_number
-- sources: raw_adjustments, run_params
select
    source_file,
    row_number,
    worker_id,
    month,
    cast(amount as decimal(12, 2)) as amount_yuan,
    reason,
    approved_by
from raw_adjustments
where run_id = (select run_id from run_params)
  and month = (select month from run_params)
