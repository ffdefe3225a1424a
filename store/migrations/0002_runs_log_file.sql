-- Migration 2: each run records the log file of the command that ran it, where its traceback is
-- if it failed unexpectedly (`gridpay history` shows it).
alter table runs add column if not exists log_file varchar;
