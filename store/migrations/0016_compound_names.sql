-- Migration 16: the other names each run's grids.csv gave its compounds (桂馨苑=桂园二期, as answers name
-- them). A thin grid's pooled window reads earlier months' homes by the names of their day: a fifty-eighth
-- trial's city renamed 桂园二期 桂馨苑, and one home answering in August and October counted twice (W10 paid
-- 1200.00 for 1234.35, exit 0). Empty for every run before.
create table if not exists raw_compound_names (
    run_id     varchar not null,
    other_name varchar not null,
    compound   varchar not null
);
