-- Migration 9 (issue 30): how a run's survey files were staged when they were partitioned
-- (`gridpay run --dask-workers N`): the number of partitions (one per district survey file), the
-- Dask workers the cluster had, and its scheduler ("local cluster tcp://127.0.0.1:port" for the
-- run's own cluster, else GRIDPAY_DASK_ADDRESS). Empty for a run staged in one process, and for
-- every run recorded before it.
alter table runs add column if not exists partitions integer;
alter table runs add column if not exists partition_workers integer;
alter table runs add column if not exists dask_scheduler varchar;
