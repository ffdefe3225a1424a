-- grain: one row per survey row with at least one answered item: the columns the scoring models
-- read, and its answers summed once (weights from the run's policy, by position). The models
-- after it read this table rather than join the month's rows again (10M rows at city scale).
-- key: row_id
-- refs: int_surveys
-- sources: run_params
with p as (select * from run_params),
answered as (
    select s.*, len(list_filter(s.answers, lambda answer: answer is not null)) as answered_items
    from int_surveys as s
)
select
    a.row_id,
    a.grid_id,
    a.household_id,
    a.submitted_at,
    a.channel,
    a.duration_s,
    a.is_invalid,
    a.answers,
    a.answered_items,
    list_sum(list_transform(a.answers, lambda answer, i: p.item_weights[i] * (answer - p.scale_min))) as weighted_points,
    list_sum(list_transform(a.answers, lambda answer, i: case when answer is not null then p.item_weights[i] end))
        as weight_total,
    list_min(a.answers) as lowest_answer,
    list_max(a.answers) as highest_answer,
    a.answers[p.overall_position] as overall_answer
from answered as a
cross join p
where a.answered_items > 0
