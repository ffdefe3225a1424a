-- Migration 22: beside an appeal's resident_grid (migration 21), the door of its answer as a home of that grid (its
-- compound read off the start: 滨河小区9-1-102 is 滨河小区's 9栋1单元102), computed when the run staged it
-- (ingest/moved_answers.py), so that one household, one voice meets the same home's own answer there (trial 201's
-- re-check: one home counted twice). Null where the door starts with no compound of that grid, and on every appeal before.
alter table raw_appeals add column if not exists resident_household varchar;
