-- Migration 3: thin grids pooled over months. Each grid's row says which months and how many
-- counted answers its score rests on; each run records the published runs of the earlier months
-- it read (pooled answers, the response-rate trend), so that an audit reads the same ones even
-- after one of those months has been re-run. Runs from before pooling leave both empty.
alter table grid_scores add column if not exists window_months varchar;
alter table grid_scores add column if not exists window_responses integer;
create table if not exists run_windows (
    run_id varchar not null,        -- the run that read them
    month varchar not null,         -- an earlier month ...
    window_run_id varchar not null  -- ... and its run that was published when this run ran
);
