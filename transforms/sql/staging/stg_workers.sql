-- grain: one row per worker (this run's workers.csv)
-- key: worker_id
-- sources: raw_workers, run_params
select
    worker_id,
    name,
    phone_hash,
    cast(perf_pay_target as decimal(12, 2)) as perf_pay_target_yuan
from raw_workers
where run_id = (select run_id from run_params)
