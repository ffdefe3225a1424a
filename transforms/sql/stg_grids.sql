-- grain: one row per grid (this run's grids.csv)
select
    grid_id,
    grid_name,
    community,
    cast(households as integer) as households,
    -- the optional area column; else the name without its "...网格" number (天桥新村一网格 -> 天桥新村)
    coalesce(area, nullif(regexp_replace(grid_name, '[一二三四五六七八九十0-9]+网格$', ''), grid_name), community) as area
from raw_grids
where run_id = (select run_id from run_params)
