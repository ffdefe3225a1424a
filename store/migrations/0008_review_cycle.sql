-- Migration 8: the 公示 cycle. Each run keeps the appeals (appeals.csv) and verification calls
-- (verification/<YYYY-MM>.csv) it read, as it keeps its other inputs; each disclosure of phone
-- numbers for verification calls (gridpay callsheet) is recorded: who, when, how many, where to;
-- a finalization that overrode an open window or a pending appeal records why.
create table if not exists raw_appeals (
    run_id varchar, source_file varchar, row_number integer, appeal_id varchar, month varchar, worker_id varchar,
    response_id varchar, category varchar, statement varchar, filed_on varchar, decision varchar,
    decided_by varchar, decided_on varchar, decision_note varchar
);
create table if not exists raw_verification (
    run_id varchar, source_file varchar, row_number integer, response_id varchar, result varchar,
    called_by varchar, called_on varchar, note varchar
);
create table if not exists disclosures (
    month varchar, run_id varchar, disclosed_by varchar, disclosed_at timestamp, numbers integer,
    written_to varchar
);
alter table finalized add column if not exists forced_reason varchar;
