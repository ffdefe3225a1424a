-- grain: one row per grid and policy exclusion rule (int_survey_exclusions: self_rating, speeder,
-- no_items, duplicate_household; not HR's review, which int_grid_reviews counts) that kept at least
-- one of the grid's valid answers out of its score this month: the rule's code, the grid's valid
-- rows and how many it excluded.
-- The outcome suite (expectations/outcomes.py) reads it: a rule that removes a large share of a
-- grid's answers is a month HR should look at before it is paid.
-- key: grid_id, rule
-- refs: int_grids, int_survey_exclusions, int_surveys
with valid as (
    select grid_id, count(*) as valid_rows
    from int_surveys
    where not is_invalid
    group by grid_id
),
excluded as (
    select s.grid_id, e.code as rule, count(*) as excluded_rows
    from int_survey_exclusions as e
    join int_surveys as s using (row_id)
    group by s.grid_id, rule
)
select e.grid_id, g.grid_name, e.rule, v.valid_rows, e.excluded_rows
from excluded as e
join valid as v using (grid_id)
join int_grids as g using (grid_id)
order by e.grid_id, e.rule
