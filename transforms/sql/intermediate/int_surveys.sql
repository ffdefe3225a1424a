-- grain: one row per survey row read this month (valid or not), with the grid it counts for: the one it names,
-- unless an upheld 非本网格 appeal of the month names the grid its resident lives in (appeals.csv's resident_grid:
-- HR's correction of the resident's choice). Trials 199 and 201: residents of a split grid's handed-over buildings
-- and of an old compound who chose the new grid lost their voice when the appeal could only take them out. Its door
-- is read as a home of that grid where it starts with a compound the grid lists (ingest/moved_answers.py).
-- key: row_id
-- refs: stg_appeals, stg_surveys
-- materialized: view (read through as stg_surveys is: a 10M-row month copied would spill)
select s.* replace (coalesce(m.resident_grid, s.grid_id) as grid_id,
                    coalesce(m.resident_household, s.household_id) as household_id),
       s.grid_id as named_grid_id
from stg_surveys as s
left join (select response_id, min(resident_grid) as resident_grid, min(resident_household) as resident_household
           from stg_appeals
           where moves_answer(decision, category, resident_grid)
           group by response_id) as m
       on m.response_id = s.response_id and not s.is_invalid
