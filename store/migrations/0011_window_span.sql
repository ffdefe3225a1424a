-- Migration 11: the first month a run's scoring reads (pooled answers, the response-rate trend,
-- the month before to compare with). run_windows lists the earlier runs it read; this says which
-- months it would have read, so that a month published later inside that span (one run out of
-- order, after a gate stop) shows the run as scored without it (store/stale_windows.py). Empty
-- for a run that reads no earlier month, and for every run recorded before.
alter table runs add column if not exists window_from varchar;
