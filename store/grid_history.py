"""What the warehouse knew of each grid when it last published a month."""
from __future__ import annotations

from pathlib import Path

from gridpay.store.warehouse import connect


def last_listed_grids(db: Path, month: str) -> dict[str, tuple[str, frozenset[str], str]]:
    """grid_id -> (name, compounds, month) as the last published month before `month` listed it; {} without
    a warehouse. A run from before compounds were recorded (migration 14) gives none."""
    if not Path(db).exists():
        return {}
    with connect(db) as con:
        rows = con.execute("""
            with last as (
                select g.grid_id, g.grid_name, g.run_id, p.month
                from raw_grids g join published p using (run_id)
                where p.month < ?
                qualify row_number() over (partition by g.grid_id order by p.month desc) = 1
            )
            select l.grid_id, l.grid_name, l.month, list(c.compound) filter (where c.compound is not null)
            from last l left join raw_grid_compounds c on c.run_id = l.run_id and c.grid_id = l.grid_id
            group by all""", [month]).fetchall()
    return {gid: (name, frozenset(compounds or ()), listed) for gid, name, listed, compounds in rows}


def compound_listings(db: Path, month: str) -> dict[str, dict[str, frozenset[str]]]:
    """month -> compound -> the grids listing it, for each month published before `month` whose run recorded
    its compounds (migration 14); {} without a warehouse."""
    if not Path(db).exists():
        return {}
    with connect(db) as con:
        rows = con.execute("select p.month, c.compound, list(distinct c.grid_id) from raw_grid_compounds c "
                           "join published p using (run_id) where p.month < ? and c.compound is not null "
                           "group by all", [month]).fetchall()
    listings: dict[str, dict[str, frozenset[str]]] = {}
    for listed, compound, grids in rows:
        listings.setdefault(listed, {})[compound] = frozenset(grids)
    return listings


def last_communities(db: Path, month: str) -> tuple[str | None, dict[str, str]]:
    """(that month, grid_id -> its community) as grids.csv gave them to the last month published before `month`;
    (None, {}) where none was."""
    if not Path(db).exists():
        return None, {}
    with connect(db) as con:
        if (last := last_published(con, month)) is None:
            return None, {}
        return last[0], dict(con.execute("select grid_id, trim(community) from raw_grids where run_id = ? and "
                                          "grid_id is not null and community is not null", [last[1]]).fetchall())


def last_published(con, month: str) -> tuple[str, str] | None:
    """(month, run id) of the last month published before `month`; None where none was."""
    rows = con.execute("select month, run_id from published where month < ? order by month desc limit 1",
                       [month]).fetchall()
    return rows[0] if rows else None


def last_counted(db: Path, month: str) -> dict[str, int] | None:
    """grid_id -> its counted answers in the last month published before `month`; None where none was (or no
    warehouse yet)."""
    if not Path(db).exists():
        return None
    with connect(db) as con:
        if (last := last_published(con, month)) is None:
            return None
        return dict(con.execute("select grid_id, responses from grid_scores where run_id = ?", [last[1]]).fetchall())


def last_households(db: Path, month: str) -> dict[str, int]:
    """grid_id -> its households as grids.csv gave them to the last month published before `month` ({} without)."""
    if not Path(db).exists():
        return {}
    with connect(db) as con:
        if (last := last_published(con, month)) is None:
            return {}
        return dict(con.execute("select grid_id, try_cast(households as integer) from raw_grids where run_id = ? "
                                "and try_cast(households as integer) is not null", [last[1]]).fetchall())


def last_dropped(db: Path, month: str) -> tuple[str | None, set[str]]:
    """(the last month published before `month`, the grids it flagged answers_dropped); (None, set()) without one."""
    if not Path(db).exists():
        return None, set()
    with connect(db) as con:
        if (last := last_published(con, month)) is None:
            return None, set()
        return last[0], {g for (g,) in con.execute("select grid_id from grid_scores where run_id = ? and "
                                                   "list_contains(string_split(flags, ';'), 'answers_dropped')",
                                                   [last[1]]).fetchall()}


def last_files(db: Path, month: str) -> tuple[str | None, dict[str, str]]:
    """(the last month published before `month`, grid_id -> the survey file that held most of its rows then):
    a grid whose download is missing is named with the form it came in (trial 86's clerk worked out which form
    from the grids' names). (None, {}) without such a month."""
    if not Path(db).exists():
        return None, {}
    with connect(db) as con:
        if (last := last_published(con, month)) is None:
            return None, {}
        files = con.execute("select grid_id, source_file from raw_surveys where run_id = ? and grid_id is not null "
                            "group by grid_id, source_file qualify row_number() over (partition by grid_id "
                            "order by count(*) desc, source_file) = 1", [last[1]]).fetchall()
    return last[0], dict(files)


def last_channels(db: Path, month: str) -> tuple[str, dict[str, int]] | None:
    """(the last month published before `month`, channel -> its counted answers); None where none was."""
    if not Path(db).exists():
        return None
    with connect(db) as con:
        if (last := last_published(con, month)) is None:
            return None
        return last[0], dict(con.execute(
            "select coalesce(s.channel, ''), count(*) from counted_responses c join raw_surveys s using (run_id, row_id) "
            "where c.run_id = ? group by 1", [last[1]]).fetchall())
