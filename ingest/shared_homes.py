"""One home answering for two grids. A home is its compound and door number (锦绣花园 7栋1单元101), and it
lies in one grid; households are told apart within a grid (scoring.household_scope = "grid", since
door numbers repeat between compounds), so the same compound's same door in two grids' answers is
two voices, one of them about a grid the home is not in. A twenty-first field trial's home in 枫林苑,
which grids.csv lists for two grids, answered for both; both answers counted, no word. gridpay
cannot know which grid the home is in, so the run names the answers and counts them as given: HR
sets the wrong one aside with an appeal (wrong_grid, 非本网格).

A home's compound is the one its answer names or, in a grid grids.csv lists with one compound, that
compound (its household is the door number alone); an answer with neither is left out: without a
compound, one door number in two grids is two homes as often as one. So is an answer to a grid
grids.csv lacks (第一网格 for 荷塘里一网格): it counts nowhere, and the unknown-grid stop says what to do
(a twenty-seventh trial was told to appeal it as wrong_grid)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from gridpay.ingest.door_prefixes import answers_view
from gridpay.ingest.grid_compounds import one_compound_grids
from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.survey_values import compound_name
from gridpay.transforms.privacy import regex_masked_sql


@dataclass(frozen=True)
class SharedHome:
    home: str                                   # '枫林苑 8栋1单元1201', its digits masked as door numbers are
    answers: tuple[tuple[str, str, str], ...]   # (grid_id, grid_name, response_id) in grid order
    of: int = 1                                 # the homes so answered, this one among them

    def line(self) -> str:
        grids = "; ".join(f"{name} ({gid}): answer {rid}" for gid, name, rid in self.answers)
        return (f"the home {self.home} answered for {len({a[0] for a in self.answers})} grids ({grids}): a home is "
                f"in one grid, so one answer speaks of a grid the home is not in, and each counts in its grid; "
                f"check which grid the home is in and, once the month is published, set the other answer aside with an "
                f"appeal upheld in its 公示 window (wrong_grid, 非本网格; no resident_grid: the home's answer of its own grid "
                f"stands), then run again" + (f" ({self.of} homes so answered in all)" if self.of > 1 else ""))


def homes_in_two_grids(workdir: Path, suffix_dropped: bool = False, shown: int = 10,
                       month: str | None = None) -> list[SharedHome]:
    """The staged answers' homes (compound and door number) given in more than one grid, the first
    `shown` by home (an answer an upheld appeal of `month` takes out left out: the appeal this line advises)."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    one = [(gid, compound_name(name, suffix_dropped)) for gid, name in one_compound_grids(grids).items()]
    with stage_connection(workdir) as con:
        answers_view(con, workdir, month)
        con.execute("create temp table one_compound_frame (grid_id varchar, compound varchar)")
        if one:
            con.executemany("insert into one_compound_frame values (?, ?)", one)
        found = con.execute(f"""
            with a as (
                select s.grid_id, s.response_id, coalesce(s.compound, o.compound) as compound,
                       case when s.compound is not null and starts_with(s.household_id, s.compound || ' ')
                            then substr(s.household_id, length(s.compound) + 2) else s.household_id end as door
                from answers s left join one_compound_frame o on o.grid_id = s.grid_id
                where s.household_id is not null and s.grid_id in (select unnest(?::varchar[])))
            select {regex_masked_sql("compound || ' ' || door")} as home,
                   list((grid_id, response_id) order by grid_id, response_id), count(*) over ()
            from a where compound is not null
            group by compound, door having count(distinct grid_id) > 1
            order by home limit {int(shown)}""", [list(grids["grid_id"].dropna())]).fetchall()
    names = dict(zip(grids["grid_id"], grids["grid_name"]))
    return [SharedHome(home, tuple((gid, names.get(gid, gid), rid) for gid, rid in answers), homes)
            for home, answers, homes in found]
