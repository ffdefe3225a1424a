-- grain: one row per survey row per answered item (blank items have no row)
select
    a.row_id,
    a.item,
    try_cast(a.answer as integer) as answer,  -- null on rows validation already rejected
    w.weight as item_weight
from raw_answers as a
join policy_items as w on w.run_id = a.run_id and w.item = a.item
where a.run_id = (select run_id from run_params)
  and a.answer is not null
