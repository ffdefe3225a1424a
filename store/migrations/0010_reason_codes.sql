-- Migration 10 (issue 28): a reason's code is stored beside its text. The rules now write both
-- from the same data (transforms/reasons.py): raw_surveys.invalid_code ('blank:household_id;
-- unknown_channel'), quarantine.reason_code (quarantine.csv's column), validation_rules.code.
-- Rows written before carry only the text: their codes are read from it here, once, by the rules
-- the code used to apply to every text it published (transforms/reason_codes.py up to 3c1880e),
-- so a month published before shows and audits with the same codes. Nothing else parses a text.
alter table raw_surveys add column if not exists invalid_code varchar;
alter table quarantine add column if not exists reason_code varchar;
alter table validation_rules add column if not exists code varchar;
-- one rule's text (its value, where it shows one, between quotes) -> its code
create or replace temp macro rule_code_of(part) as case
    when regexp_full_match(part, 'response_id(?: ''.*'')? is used more than once in the month') then 'repeated_response_id'
    when regexp_full_match(part, 'grid_id(?: ''.*'')? is not in grids\.csv') then 'unknown_grid'
    when regexp_full_match(part, 'submitted_at(?: ''.*'')? is blank or not a date-time') then 'bad_time'
    when regexp_full_match(part, 'submitted_at(?: ''.*'')? is outside the month') then 'outside_month'
    when regexp_full_match(part, 'channel(?: ''.*'')? is not one of .*') then 'unknown_channel'
    when regexp_full_match(part, 'duration_s(?: ''.*'')? is not a whole number') then 'bad_duration'
    when regexp_full_match(part, 'duration_s(?: ''.*'')? is over [0-9]+ seconds') then 'long_duration'
    when regexp_full_match(part, '[A-Za-z0-9_]+(?: ''.*'')? is not [0-9]+-[0-9]+ or blank')
        then 'answer_out_of_scale:' || regexp_extract(part, '^[A-Za-z0-9_]+')
    when regexp_full_match(part, '[A-Za-z0-9_]+ is blank') then 'blank:' || regexp_extract(part, '^[A-Za-z0-9_]+')
    else 'invalid' end;
-- a row's reason -> its code: the exclusion's, or its rules' codes in order, each once
create or replace temp macro rule_codes_of(parts) as
    array_to_string(list_filter(parts, lambda code, i: list_position(parts, code) = i), ';');
create or replace temp macro reason_code_of(reason) as case
    when starts_with(reason, 'excluded: ') then split_part(substr(reason, 11), ' ', 1)
    else rule_codes_of(list_transform(
        string_split(case when starts_with(reason, 'invalid: ') then substr(reason, 10) else reason end, '; '),
        lambda part: rule_code_of(part))) end;
update quarantine set reason_code = reason_code_of(reason) where reason_code is null and reason is not null;
update raw_surveys set invalid_code = reason_code_of(invalid_reason)
where invalid_code is null and invalid_reason is not null;
update validation_rules set code = rule_code_of(reason) where code is null and table_name = 'surveys';
drop macro reason_code_of;
drop macro rule_codes_of;
drop macro rule_code_of;
