-- grain: one row per worker per grid per assigned day of the month. Overlapping assignment
-- periods count a day once; that day's weight is the largest of them. End dates are inclusive.
-- key: worker_id, grid_id, day
-- refs: int_month_days, stg_assignments
-- sources: run_params
select a.worker_id, a.grid_id, d.day, max(a.weight) as weight
from stg_assignments as a
join int_month_days as d
  on d.day >= a.start_date
 and d.day <= coalesce(a.end_date, (select month_end from run_params))
group by a.worker_id, a.grid_id, d.day
