-- grain: one row per calendar day of the run's month
-- key: day
-- sources: run_params
select cast(t.d as date) as day
from run_params as p, range(p.month_start, p.month_end + interval 1 day, interval 1 day) as t(d)
