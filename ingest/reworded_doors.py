"""One home's door number in other words with the same numbers: 7弄5号301 on 问卷星 and 7-5-301 on the
paper sheet (which the door-number rules read as 7栋5单元301, the usual meaning of a dashed number), or
a village's 3组9号 beside 3栋9. gridpay cannot know which words the home's address uses, so each is a
household of its own and, where they are one home, its two answers both count (a twenty-seventh field
trial's lane home: every worker's pay moved, exit 0, no word). The run names such pairs, per grid, for
HR to check and write the home one way in the sheet HR types.

Both are read after the door-number rules (transforms/door_numbers.py): the same place before the first
number or letter (a compound: '锦绣花园 ') and the same numbers and letters in the same order (leading
zeros aside), at least two of them or one after a place (a street's 银杏街7号 and 银杏街7号（门面）: a ninety-second
trial's street grid counted both, nothing said), in one grid; a number in Chinese numerals the rules left as typed is
a number too, so that 7弄12号 and 7弄12号之一, two houses, are not named (a twenty-ninth trial was told to
set one aside), while A-1203 and A座1203, 3队9号 and 3组9号, 12-1号 and 12号之1 are (each may be one home or
two: a thirty-second trial's were two). One equality join.

With `floors` (output format 32), also a floor and its flat written without a building and the room they make:
枣园公寓's 18楼08 (or 18F08, or 18-08, read as 18栋8) and 1808, 9楼12 and 912, 12楼1201 and 1201 (trial 277: a
tower's couples each counted twice, unsaid). The floor rule reads them as one room only after a building or a unit
(3栋2单元12楼01): alone, N楼 is as often the building (5楼 for 5号楼), so the run names such pairs rather than reading
them as one home."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.ingest.door_prefixes import ONE_WAY, DoorPairs, pairs_by_grid, same_numbers_pairs


@dataclass(frozen=True)
class RewordedDoors(DoorPairs):
    def line(self) -> str:
        return (f"{self.grid_name} ({self.grid_id}): {self.door_pairs()} give the same numbers in other words ({self.named()}), "
                f"each counted as a household of its own: {ONE_WAY}")


def reworded_doors(workdir: Path, shown: int = 3, month: str | None = None, floors: bool = False) -> list[RewordedDoors]:
    """Per grid, the pairs of households with one place and the same numbers in other words; with `floors`, also a
    floor and flat without a building beside the room they make."""
    return pairs_by_grid(workdir, f"""
            -- a letter typed for a digit (4O1, 10l) is the digit here: a policy before 2027.18 names such a pair
            -- ... and 别墅 is a word, not a place: 别墅7号 and 7号别墅 are one villa's door (trial 155: counted twice, unsaid);
            -- a letter's case is no number (502B and 502b: its re-check's pair was named as "one with a letter")
            with h as (select distinct grid_id, household_id,
                              upper(replace(translate(household_id, 'OoIl', '0011'), '别墅', '')) as alike from answers
                       where grid_id is not null and household_id is not null),
                 -- the numbers' characters but zeros: equal for any two homes of equal numbers, and one regex
                 -- a home where the list below (a lambda per number) cost 5 s a 1M month, twice (a benchmark)
                 c as materialized (
                       select grid_id, household_id, alike,
                              regexp_extract(alike, '^([^0-9A-Za-z零〇一二两三四五六七八九十]*)', 1) as place,
                              regexp_replace(alike, '[^1-9A-Za-z零〇一二两三四五六七八九十]+', '', 'g') as coarse
                       from h),
                 k as materialized (
                       select grid_id, household_id, place,
                              -- a floor below ground is another number (5栋负1层 is not 5栋1层: trial 152)
                              list_transform(regexp_extract_all(alike, '负?[0-9]+|[零〇一二两三四五六七八九十]+|[A-Za-z]+'),
                                             lambda x: coalesce(nullif(ltrim(x, '0'), ''), '0')) as numbers
                       from c semi join (select grid_id, place, coarse from c group by all having count(*) > 1)
                              using (grid_id, place, coarse)){_FLOORED if floors else ""}
            {same_numbers_pairs("k", "len(a.numbers) >= 2 or a.place <> '' or contains(a.household_id || b.household_id, '别墅')",
                                _FLOOR_PAIRS if floors else "")}""",
        RewordedDoors, shown, month)


# a floor and flat after the place and nothing else (18楼08, 12层01, 18F08, 9楼12室: the door rules keep 号 after 层; and
# 18栋8, which the door rules make of a dashed 18-08: its re-check's couple counted twice so, unsaid) and the
# room they make as the floor rule makes it after a building (transforms/door_numbers.py _room): 1808, 1201, 912; a
# flat that repeats the floor (12楼1201) is that room; any other (5楼301: building 5's 301?) none
_FLOORED = """,
                 f as (select grid_id, household_id, place, regexp_extract(rest, '^([0-9]{1,3})', 1) as fl,
                              regexp_extract(rest, '[楼层F栋]([0-9]{1,4})', 1) as fa
                       from (select *, substr(alike, length(place) + 1) as rest from c)
                       where regexp_full_match(rest, '[0-9]{1,3}[楼层F栋][0-9]{1,4}[室号户]?')),
                 floored as (select grid_id, household_id, place || case
                                    when length(fa) <= 2 then cast(cast(fl as int) as varchar) || lpad(cast(cast(fa as int) as varchar), 2, '0')
                                    when starts_with(fa, fl) and length(fa) = length(fl) + 2 then cast(cast(fa as int) as varchar) end as room
                             from f)"""
_FLOOR_PAIRS = """select f.grid_id, least(f.household_id, r.household_id), greatest(f.household_id, r.household_id)
                  from floored f join c r on r.grid_id = f.grid_id and r.alike = f.room and r.household_id <> f.household_id"""
