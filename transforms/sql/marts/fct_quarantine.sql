-- grain: one row per survey row that did not count toward a score
-- key: source_file, row_number
-- refs: int_exclusions, int_surveys
-- stored_as: quarantine
select s.source_file, s.row_number, s.response_id, s.invalid_reason as reason, s.invalid_code as reason_code
from int_surveys as s
where s.is_invalid
union all
select s.source_file, s.row_number, s.response_id, e.reason, e.code as reason_code
from int_exclusions as e
join int_surveys as s on s.row_id = e.row_id
