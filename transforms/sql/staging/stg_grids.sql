-- grain: one row per grid (this run's grids.csv)
-- key: grid_id
-- sources: raw_grids, run_params
select
    grid_id,
    grid_name,
    community,
    cast(households as integer) as households,
    area                                     -- optional: int_grids derives it where blank
from raw_grids
where run_id = (select run_id from run_params)
