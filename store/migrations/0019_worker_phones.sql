-- Migration 19: the phones a run counts as a worker's besides workers.csv's (policy 2027.9,
-- integrity.self_rating_past_phones): those earlier published runs were given for the same worker id, so
-- that her own rating from a phone she had then is still hers (pipeline/steps.py writes them, store/warehouse.py
-- load_raw keeps them). Empty for a run of a policy without the key: the models read as before.
create table if not exists raw_worker_phones (
    run_id varchar, worker_id varchar, phone_hash varchar
);
