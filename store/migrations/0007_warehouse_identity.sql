-- Migration 7: the warehouse's identity, a random id made once, when the warehouse is created (or
-- when an older one first meets this migration). Each published month's manifest names it with the
-- warehouse's path, so that a run with another warehouse (a forgotten --db) is refused rather than
-- publishing over the month, and the refusal can say which warehouse the month belongs to.
create table if not exists warehouse_identity (
    warehouse_id varchar not null,
    created_at timestamp not null
);
insert into warehouse_identity
select gen_random_uuid()::varchar, now()::timestamp
where not exists (select 1 from warehouse_identity);
