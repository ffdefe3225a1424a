-- Migration 1: the schema as gridpay 0.1 (up to commit 29d43e6) created it, idempotent, so that a
-- warehouse of that code is taken over as at version 1.
-- The warehouse keeps every run: inputs as read (phones hashed), results, and which run is
-- published for each month. Nothing here is ever updated in place except runs.status and published.
create table if not exists runs (
    run_id varchar primary key,
    month varchar not null,
    started_at timestamp not null,
    finished_at timestamp,
    status varchar not null,            -- running, published, gate_failed, failed
    policy_version varchar,
    policy_sha256 varchar,
    code_version varchar,
    inputs_json varchar,
    validation_json varchar,
    message varchar,
    user_name varchar,                  -- who started it (the operating-system user)
    kind varchar,                       -- run, correction (of a finalized month), audit
    reason varchar,                     -- why: required for a correction
    outputs_json varchar                -- published files and their SHA-256
);
create table if not exists finalized (
    month varchar primary key,
    run_id varchar not null,
    finalized_by varchar not null,
    finalized_at timestamp not null
);
create table if not exists published (
    month varchar primary key,
    run_id varchar not null,
    published_at timestamp not null
);
create table if not exists raw_grids (
    run_id varchar, source_file varchar, row_number integer,
    grid_id varchar, grid_name varchar, community varchar, households varchar, area varchar
);
create table if not exists raw_workers (
    run_id varchar, source_file varchar, row_number integer,
    worker_id varchar, name varchar, phone_hash varchar, perf_pay_target varchar
);
create table if not exists raw_assignments (
    run_id varchar, source_file varchar, row_number integer,
    worker_id varchar, grid_id varchar, start_date varchar, end_date varchar, weight varchar
);
create table if not exists raw_adjustments (
    run_id varchar, source_file varchar, row_number integer,
    worker_id varchar, month varchar, amount varchar, reason varchar, approved_by varchar
);
create table if not exists raw_surveys (
    run_id varchar, row_id integer, source_file varchar, row_number integer,
    response_id varchar, grid_id varchar, household_id varchar, respondent_phone_hash varchar,
    submitted_at varchar, submitted_at_ts timestamp, channel varchar, duration_s varchar,
    comment varchar, invalid_reason varchar
);
create table if not exists raw_answers (
    run_id varchar, row_id integer, item varchar, answer varchar
);
create table if not exists policy_items (
    run_id varchar, item varchar, weight decimal(9, 4)
);
create table if not exists counted_responses (
    run_id varchar, month varchar, row_id integer, grid_id varchar, response_score decimal(18, 6)
);
create table if not exists validation_rules (
    run_id varchar, month varchar, table_name varchar, rule varchar, column_name varchar,
    reason varchar, failed_rows integer, success boolean
);
create table if not exists quarantine (
    run_id varchar, month varchar, source_file varchar, row_number integer, response_id varchar,
    reason varchar
);
create table if not exists grid_scores (
    run_id varchar, month varchar, grid_id varchar, grid_name varchar, community varchar, area varchar,
    responses integer, households integer,
    response_rate decimal(9, 4), response_rate_low decimal(9, 4), response_rate_high decimal(9, 4),
    raw_score decimal(9, 4), ci_low decimal(9, 4), ci_high decimal(9, 4),
    adjusted_score decimal(9, 4), adjusted_se decimal(9, 4), adjusted_ci_low decimal(9, 4), adjusted_ci_high decimal(9, 4),
    shrink_factor decimal(9, 4),
    good_rate decimal(9, 4), good_rate_low decimal(9, 4), good_rate_high decimal(9, 4),
    satisfied_rate decimal(9, 4), satisfied_rate_low decimal(9, 4), satisfied_rate_high decimal(9, 4),
    achievement_points decimal(9, 4), improvement_points decimal(9, 4), pay_score decimal(9, 4),
    is_insufficient boolean, flags varchar, review_flags varchar
);
create table if not exists item_scores (
    run_id varchar, month varchar, grid_id varchar, item varchar, answered integer, item_score decimal(9, 4)
);
create table if not exists item_drivers (
    run_id varchar, month varchar, item varchar, item_score decimal(9, 4), answered integer,
    corr_with_overall decimal(9, 4)
);
create table if not exists worker_scores (
    run_id varchar, month varchar, worker_id varchar, name varchar, perf_pay_target_yuan decimal(12, 2),
    assigned_days integer, days_in_month integer, score decimal(9, 4), scored_share decimal(9, 6),
    responses integer, has_insufficient_grid boolean, score_se decimal(9, 4)
);
create table if not exists response_flags (
    run_id varchar, month varchar, row_id integer, flag varchar
);
create table if not exists worker_grid_days (
    run_id varchar, month varchar, worker_id varchar, grid_id varchar, assigned_days integer,
    weight_days decimal(18, 4)
);
create table if not exists payroll (
    run_id varchar, worker_id varchar, name varchar, month varchar, score decimal(9, 4),
    responses integer, coefficient decimal(9, 4), perf_pay_target_yuan decimal(12, 2),
    assigned_days integer, days_in_month integer, performance_pay_yuan decimal(12, 2),
    adjustment_yuan decimal(12, 2), total_pay_yuan decimal(12, 2), flags varchar
);
create table if not exists purges (
    month varchar, purged_at timestamp, rows_removed bigint, files_removed integer
);
create table if not exists audits (
    month varchar, run_id varchar, audited_at timestamp, user_name varchar, rerun_code_version varchar,
    passed boolean, differences_json varchar
);
