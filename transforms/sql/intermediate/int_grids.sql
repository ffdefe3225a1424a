-- grain: one row per grid, with the area its trends are drawn by: the optional area column, else
-- the name without its "...网格" number (天桥新村一网格 -> 天桥新村), else the community
-- key: grid_id
-- refs: stg_grids
select
    grid_id,
    grid_name,
    community,
    households,
    coalesce(area, nullif(regexp_replace(grid_name, '[一二三四五六七八九十0-9]+网格$', ''), grid_name), community) as area
from stg_grids
