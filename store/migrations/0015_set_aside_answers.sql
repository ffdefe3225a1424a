-- Migration 15: the answers of later months a run's survey files held and set aside (a download made on
-- 3 August holds 1 to 3 August's answers): their month's run looks for them in its own files. A fifty-first
-- trial's August, run on another platform's download alone, published without the 24 answers July's
-- download held, exit 0. Empty for every run before.
create table if not exists raw_set_aside_answers (
    run_id       varchar not null,
    month        varchar not null,      -- the answer's month (YYYY-MM), after the run's
    source_file  varchar,
    response_id  varchar,
    submitted_at varchar
);
