-- grain: one row per verification call of this run's month (回访, verification/<YYYY-MM>.csv)
-- key: response_id
-- sources: raw_verification, run_params
select
    response_id,
    result,
    called_by,
    cast(called_on as date) as called_on,
    note
from raw_verification
where run_id = (select run_id from run_params)
