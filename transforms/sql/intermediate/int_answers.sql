-- grain: one row per survey row per answered item, with the item's weight from the run's policy
-- key: row_id, item
select a.row_id, a.item, a.answer, w.weight as item_weight
from stg_answers as a
join policy_items as w on w.item = a.item
where w.run_id = (select run_id from run_params)
