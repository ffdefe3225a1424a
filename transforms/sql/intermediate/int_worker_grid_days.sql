-- grain: one row per worker per grid assigned on at least one day of the month
-- key: worker_id, grid_id
-- refs: int_worker_grid_day
-- stored_as: worker_grid_days
select
    worker_id,
    grid_id,
    count(*) as assigned_days,
    sum(weight) as weight_days
from int_worker_grid_day
group by worker_id, grid_id
