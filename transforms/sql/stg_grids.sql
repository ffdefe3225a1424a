-- grain: one row per grid (this run's grids.csv)
select
    grid_id,
    grid_name,
    community,
    cast(households as integer) as households
from raw_grids
where run_id = (select run_id from run_params)
