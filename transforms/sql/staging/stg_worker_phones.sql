-- grain: one row per worker and phone the run knows as the worker's: workers.csv's, and (policy 2027.9,
-- integrity.self_rating_past_phones) those earlier published runs were given for the same worker id, so that
-- her own rating from a phone she had then stays hers (a trial's July, corrected with today's workers.csv after
-- W01 changed phone, counted her July rating from the old phone as a resident's)
-- key: worker_id, phone_hash
-- sources: raw_workers, raw_worker_phones, run_params
select worker_id, phone_hash
from raw_workers
where run_id = (select run_id from run_params) and phone_hash is not null
union
select worker_id, phone_hash
from raw_worker_phones
where run_id = (select run_id from run_params)
