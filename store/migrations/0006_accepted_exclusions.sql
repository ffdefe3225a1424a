-- Migration 6: the outcome suite. A month whose exclusion rules removed a large share of a grid's
-- answers stops unless the run is given --accept-exclusions; what the run accepted is recorded
-- with it (the scorecard prints it, and an audit re-runs the month accepting the same).
alter table runs add column if not exists accepted_exclusions varchar;
