-- grain: one row per earlier month's counted answer of a thin grid's pooling window (int_window_responses) given from
-- the phone of a worker who covers the grid in the month run: a self-rating here too (scoring.window_self_ratings), left
-- out of the window. A forty-seventh trial's new hire's own 5-star answer, given before he was hired, counted in his
-- pooled score (+32.64 yuan); the run names these answers (trial 209's new hire's two answers, left out, moved the
-- leaver's pay 6.78 with nothing said).
-- key: run_id, row_id
-- refs: int_grid_stats, stg_assignments, stg_worker_phones
-- sources: counted_responses, raw_surveys, run_params, run_window
with p as (select * from run_params)
select c.run_id, c.row_id, c.grid_id, w.month, s.response_id, s.household_id, min(k.worker_id) as worker_id
from run_window as w
join counted_responses as c on c.run_id = w.window_run_id
join raw_surveys as s on s.run_id = c.run_id and s.row_id = c.row_id
-- an answer without a phone is no worker's (a forty-eighth trial's paper answers)
join stg_worker_phones as k on k.phone_hash = s.respondent_phone_hash
join stg_assignments as a on a.worker_id = k.worker_id and a.grid_id = c.grid_id
cross join p
where p.pool and p.window_self_ratings and p.exclude_self_rating and w.month >= p.pool_first_month
  and c.grid_id in (select grid_id from int_grid_stats where responses < p.min_responses)
  and a.start_date <= p.month_end and coalesce(a.end_date, p.month_end) >= p.month_start
group by c.run_id, c.row_id, c.grid_id, w.month, s.response_id, s.household_id
