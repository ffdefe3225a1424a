-- Migration 21: an upheld 非本网格 (wrong_grid) appeal may name the grid the resident lives in (appeals.csv's
-- optional resident_grid): the answer then counts there instead of nowhere (trials 199 and 201: a split grid's and a
-- new compound's residents who chose the old grid lost their voice when HR took their answers out). Null on every
-- appeal before, which took its answer out, as it still does without the column.
alter table raw_appeals add column if not exists resident_grid varchar;
