-- grain: one row per assignment period (a line of assignments.csv: worker x grid x start date)
-- key: source_file, row_number
-- sources: raw_assignments, run_params
select
    source_file,
    row_number,
    worker_id,
    grid_id,
    cast(start_date as date) as start_date,
    cast(end_date as date) as end_date,
    coalesce(cast(weight as decimal(9, 4)), 1) as weight
from raw_assignments
where run_id = (select run_id from run_params)
