-- Migration 4: a survey row's answers are one list on its row (raw_surveys.answers, in the order
-- of the run's policy items: policy_items.position) instead of a row per answer in raw_answers.
-- A city's month of 10M responses stored 50M answer rows, and the models pivoted them back to a
-- row per response. Earlier runs' answers move onto their rows (an item left blank is a null in
-- the list), positions follow the order their items were recorded in; then raw_answers goes.
alter table policy_items add column if not exists position integer;
update policy_items set position = n.position
from (select rowid as rid, row_number() over (partition by run_id order by rowid) as position from policy_items) as n
where policy_items.rowid = n.rid and policy_items.position is null;
alter table raw_surveys add column if not exists answers varchar[];
update raw_surveys set answers = l.answers
from (
    select s.run_id, s.row_id, list(a.answer order by p.position) as answers
    from raw_surveys as s
    join policy_items as p on p.run_id = s.run_id
    left join raw_answers as a on a.run_id = s.run_id and a.row_id = s.row_id and a.item = p.item
    group by s.run_id, s.row_id
) as l
where raw_surveys.run_id = l.run_id and raw_surveys.row_id = l.row_id;
drop table if exists raw_answers;
