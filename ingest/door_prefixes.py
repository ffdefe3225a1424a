"""One home's door number written with a place in front and without it: 东湖村3组15号 on 问卷星 and
3组15号 on the paper sheet, 宿舍楼2号楼301 and 2号楼301. Door-number rules read building, unit and room
(7栋1单元101); a village's 组/号 or a dormitory's name before them stay as typed, so such a home is two
households and its two answers both count (a twelfth field trial: W01 1495.62 for 1553.94, exit 0, no
word). gridpay cannot know that the place is the grid's own, so the run names the pairs for HR (who
writes the home one way in the sheet HR types) and counts them as typed.

One candidate per door number (the text after its leading non-digits), found by an equality join, so
that a month of millions of households is one hash join, not a comparison of every pair."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.door_numbers import DOOR_DATE
from gridpay.transforms.privacy import regex_masked_sql


# how HR takes out the older of one home's two answers where both are in a platform's download: appeals are filed
# against a published month (trials 153 and 154 were told to appeal before it was, and every appeal was refused)
SET_ASIDE = ("once the month is published, set the older answer aside with an appeal upheld in its 公示 window (category "
             "other, 其他; worker_id blank, as HR's own correction; its decision_note naming the answer it repeats)")
# ... and what HR does about a pair of doors that may be one home (the pairs' lines end so)
ONE_WAY = (f"if they are one home (check the paper form, or call), write it one way in the sheet HR types or, in a "
           f"platform's download (never edited), {SET_ASIDE}; and run again (one household, one voice)")


@dataclass(frozen=True)
class DoorPairs:
    """Per grid, pairs of door numbers that may be one home written two ways (this module's, and
    ingest/unitless_doors.py's): the grid, how many pairs, and the first few, masked."""
    grid_id: str
    grid_name: str
    pairs: int
    shown: tuple[tuple[str, str], ...]          # the first few (the longer form, the shorter), masked

    def door_pairs(self) -> str:
        """'1 pair of door numbers', '3 pairs of door numbers'."""
        return "1 pair of door numbers" if self.pairs == 1 else f"{self.pairs} pairs of door numbers"

    def named(self, most: int = 3) -> str:
        """"'东湖村3组15' and '3组15', ... and 2 more": the first `most` pairs, the rest counted (the scorecard
        lists every pair shown: a ninety-second trial's HR was told of 4 more pairs it could find nowhere)."""
        more = f" and {self.pairs - most} more" if self.pairs > most else ""
        listed = " (the scorecard lists them)" if more and len(self.shown) > most else ""
        return ", ".join(f"'{longer}' and '{shorter}'" for longer, shorter in self.shown[:most]) + more + listed


def answers_view(con, workdir: Path, month: str | None) -> None:
    """Temp view `answers`: the staged survey rows but those an upheld appeal of `month` takes out.
    HR follows a line's advice (set the older answer aside with an appeal) and runs again: the line,
    and the scorecard's list, then no longer name the pair (a twenty-seventh trial's still did)."""
    appeals = workdir / "appeals.parquet"
    con.execute("create or replace temp table upheld_ids (response_id varchar)")
    if month and appeals.is_file():
        con.execute("insert into upheld_ids select response_id from read_parquet(?) where decision = 'upheld' "
                    "and month = ? and response_id is not null", [str(appeals), month])
    # a door number Excel made a date (3月2日 for 3-2) is no home to pair: its row is invalid (door_as_date), and
    # trial 131 was told to set the older of '3月2日' and '3栋2' aside, an appeal on an invalid row, which stops
    # ... nor a door invalid as naming no one home (A12栋 outside survey.house_compounds: trial 152's re-check was told
    # 'A-12' and 'A12栋' were "each counted", one of them in quarantine)
    validated = con.execute("select count(*) from information_schema.tables where table_name = 'survey_invalid'"
                            ).fetchone()[0]
    no_home = (" and s.row_id not in (select row_id from survey_invalid where contains(invalid_code, 'door_unknown'))"
               if validated else "")
    con.execute(f"create or replace temp view answers as select s.* from surveys s anti join upheld_ids using "
                f"(response_id) where not regexp_matches(coalesce(s.household_id, ''), '{DOOR_DATE}'){no_home}")


def same_numbers_pairs(table: str, where: str, also: str = "") -> str:
    """The SELECT of pairs_by_grid's rows over `table` (grid_id, household_id, place, numbers): the pairs of a grid's
    households with one place and the same numbers that meet `where` (SQL over a and b); `also`, the SELECT of more
    pairs (grid_id, the one household, the other: in text order)."""
    pairs = f"""select a.grid_id, a.household_id as one, b.household_id as other
                from {table} a join {table} b on a.grid_id = b.grid_id and a.place = b.place and a.numbers = b.numbers
                                           and a.household_id < b.household_id
                where {where}"""
    return f"""
            select grid_id, count(*), list(({regex_masked_sql('one')}, {regex_masked_sql('other')}) order by one, other)
            from ({pairs}{f" union {also}" if also else ""})
            group by grid_id order by grid_id"""


def pairs_by_grid(workdir: Path, sql: str, kind: type, shown: int = 3, month: str | None = None) -> list:
    """`kind` (a DoorPairs) per grid of `sql`'s rows (grid_id, pairs, list of masked pairs) over the
    staged answers (`answers`: those an upheld appeal of `month` takes out left out), with the grids' names."""
    with stage_connection(workdir) as con:
        answers_view(con, workdir, month)
        found = con.execute(sql).fetchall()
        names = dict(con.execute("select grid_id, grid_name from read_parquet(?)",
                                 [str(workdir / "grids.parquet")]).fetchall()) if found else {}
    return [kind(gid, names.get(gid, gid), n, tuple(tuple(p) for p in pairs[:shown])) for gid, n, pairs in found]


@dataclass(frozen=True)
class PrefixedDoors(DoorPairs):
    def line(self) -> str:
        homes = f"{self.pairs} home{'s' if self.pairs != 1 else ''}"
        return (f"{self.grid_name} ({self.grid_id}): {homes} may be written two ways, with a place before the door "
                f"number and without it ({self.named()}), each counted as a household of its own: if they are "
                f"one home and the place is the grid's own (its village or compound), give it in grids.csv's "
                f"compounds for the grid (where it lists the compound by another name, after that name and '=': "
                f"红旗老街=老街); else write it one way in the sheet HR types, or, in a "
                f"platform's download (never edited), {SET_ASIDE}; and run again (one household, one voice)")


def _numbers(door: str) -> str:
    """SQL: a door's numbers in order ('4-1-502' and '4栋1单元502' both '4.1.502'), for a key."""
    return f"array_to_string(regexp_extract_all({door}, '[0-9０-９]+'), '.')"


def prefixed_doors(workdir: Path, shown: int = 3, month: str | None = None,
                   by_numbers: bool = False) -> list[PrefixedDoors]:
    """Per grid, the door numbers answered both with a leading place name and without it (the staged
    answers); after a compound ('锦华苑 商铺1-S03' and '锦华苑 1-S03'), the door's own place only: the compound is the
    compound rule's (trial 152's shop was named in a grid of one compound, not in a grid of two). `by_numbers`
    (output format 31): the door after the place is compared with a door starting with a digit by its numbers, as
    the door rules read 4-1-502 as 4栋1单元502 but not 纺织厂宿舍4-1-502 (trial 266: one home counted twice, unsaid)."""
    after = "regexp_extract(door, '^[^0-9０-９]+([0-9０-９].*)$', 1)"
    keys = ((f"compound || '#' || {_numbers(after)}", f"case when regexp_matches(door, '^[0-9０-９]') then compound "
             f"|| '#' || {_numbers('door')} end") if by_numbers else (f"compound || {after}", "household_id"))
    return pairs_by_grid(workdir, f"""
            with h as (select distinct grid_id, household_id,
                              regexp_extract(household_id, '^(.* )?', 0) as compound,
                              regexp_extract(household_id, '[^ ]*$') as door from answers
                       where grid_id is not null and household_id is not null),
                 c as (select grid_id, household_id as longer, {keys[0]} as key
                       from h where regexp_matches(door, '^[^0-9０-９]+[0-9０-９]')),
                 k as (select grid_id, household_id, {keys[1]} as key from h)
            select c.grid_id, count(*), list(({regex_masked_sql('c.longer')}, {regex_masked_sql('k.household_id')})
                                               order by c.longer, k.household_id)
            from c join k on k.grid_id = c.grid_id and k.key = c.key
            group by c.grid_id order by c.grid_id""", PrefixedDoors, shown, month)
