"""The lines of the HR scorecard's 12-month trend: the community's, and one per area (片区) its grids group
into. A grid's area is grids.csv's optional `area`, else its name without the numbered "...网格"
(transforms/sql/intermediate/int_grids.sql: 天桥新村一网格 -> 天桥新村), else the community's name. From
output format 12 a grid whose name gives no area is drawn in the community's line only: a field trial's
桂香网格 and 桂松网格 were drawn as a line labelled 青枫社区 beside 全社区, at 60 against 70, and read as the
community's; and 第一网格 gives no area 第 (a name's 第 before its number is dropped: 东区第一网格 -> 东区)."""
from __future__ import annotations

import duckdb

from gridpay.publishing.outputs import output_format_of

NAMED_AREAS_ONLY = 12


def drawn_area(area: str | None, community: str | None, output_format: int) -> str | None:
    """The trend line a grid's area is drawn in (None: the community's line only)."""
    if output_format < NAMED_AREAS_ONLY:
        return area
    name = (area or "").removesuffix("第")
    return None if name == community or len(name) < 2 else name


# the same rule in SQL, over grid_scores' area and community
_DRAWN_SQL = ("case when regexp_replace(area, '第$', '') = community or length(regexp_replace(area, '第$', '')) < 2 "
              "then null else regexp_replace(area, '第$', '') end")


def area_means(con: duckdb.DuckDBPyConnection, run_id: str, runs: list[str]) -> list[tuple]:
    """(month, area or None for the community, mean response score) of the given runs' counted answers."""
    if output_format_of(con, run_id) < NAMED_AREAS_ONLY:
        return con.execute(
            "select month, area, sum(raw_score * responses) / sum(responses) from grid_scores "
            "where run_id in (select unnest(?)) and responses > 0 group by grouping sets ((month, area), (month)) "
            "order by month, area", [runs]).fetchall()
    rows = con.execute(
        f"select month, drawn, grouping(drawn), sum(raw_score * responses) / sum(responses) from ("
        f"select month, {_DRAWN_SQL} as drawn, raw_score, responses from grid_scores "
        "where run_id in (select unnest(?)) and responses > 0) group by grouping sets ((month, drawn), (month)) "
        "order by month, drawn", [runs]).fetchall()
    return [(month, area, mean) for month, area, total, mean in rows if total or area is not None]
