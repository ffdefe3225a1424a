-- grain: one row per policy item for the month: its community score on 0-100 and how closely it
-- moves with the overall item across counted responses (Pearson r from exact integer sums, so the
-- figure is the same on every run)
-- key: item
-- refs: int_grid_item_sums, int_item_scores
-- sources: run_params
-- stored_as: item_drivers
with sums as (
    select item, sum(pairs) as n, sum(sum_x) as sx, sum(sum_y) as sy, sum(sum_xx) as sxx, sum(sum_yy) as syy,
           sum(sum_xy) as sxy
    from int_grid_item_sums
    group by item
)
select
    i.item,
    cast(round(sum(i.item_score * i.answered) / sum(i.answered), 4) as decimal(9, 4)) as item_score,
    sum(i.answered) as answered,
    cast(round(case when i.item <> (select overall_item from run_params)
                     and (s.n * s.sxx - s.sx * s.sx) > 0 and (s.n * s.syy - s.sy * s.sy) > 0
        then (s.n * s.sxy - s.sx * s.sy) / sqrt((s.n * s.sxx - s.sx * s.sx) * (s.n * s.syy - s.sy * s.sy))
    end, 4) as decimal(9, 4)) as corr_with_overall
from int_item_scores as i
left join sums as s using (item)
group by i.item, s.n, s.sx, s.sy, s.sxx, s.syy, s.sxy
order by i.item
