-- Migration 13: the other warnings a run printed on the console (a compound answers name that grids.csv
-- does not list, answers naming another grid's compound, late answers of an earlier month, ...), as a
-- JSON list: a thirty-third trial's HR, reading the scorecard first as the README says, did not see them.
-- The scorecard lists them. Null for every run before (pipeline/run_notices.py).
alter table runs add column if not exists run_notices varchar;
