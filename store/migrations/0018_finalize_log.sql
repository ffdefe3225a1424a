-- Migration 18: every finalization of a month, kept. `finalized` holds the month's current one and was replaced
-- by the next (insert or replace): a seventy-third trial's October, finalized with --force and a reason, then
-- corrected and finalized again, kept no trace of the forced finalize or its reason, which `history` promises.
-- Rows begin with what `finalized` holds when the warehouse is upgraded; earlier replaced ones are lost.
create table if not exists finalize_log (
    month varchar not null,
    run_id varchar not null,
    finalized_by varchar not null,
    finalized_at timestamp not null,
    forced_reason varchar
);
insert into finalize_log select month, run_id, finalized_by, finalized_at, forced_reason from finalized;
