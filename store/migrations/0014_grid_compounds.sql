-- Migration 14: the compounds (小区) each run's grids.csv listed for each grid, as answers name them. A
-- pooled window reads earlier months' answers; a grid listed with one compound reads its homes by door
-- alone, so without the compound of that month a door-only home of July and the same home named with its
-- compound in September were two homes (a fortieth trial: 11 answers for 9). A grid listed with none has one
-- row, its compound null: a run without rows is one from before the record, whose compounds are unknown.
create table if not exists raw_grid_compounds (
    run_id   varchar not null,
    grid_id  varchar not null,
    compound varchar
);
