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
two: a thirty-second trial's were two). One equality join."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.ingest.door_prefixes import ONE_WAY, DoorPairs, pairs_by_grid, same_numbers_pairs


@dataclass(frozen=True)
class RewordedDoors(DoorPairs):
    def line(self) -> str:
        return (f"{self.grid_name} ({self.grid_id}): {self.door_pairs()} give the same numbers in other words ({self.named()}), "
                f"each counted as a household of its own: {ONE_WAY}")


def reworded_doors(workdir: Path, shown: int = 3, month: str | None = None) -> list[RewordedDoors]:
    """Per grid, the pairs of households with one place and the same numbers in other words."""
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
                              using (grid_id, place, coarse))
            {same_numbers_pairs("k", "len(a.numbers) >= 2 or a.place <> '' or contains(a.household_id || b.household_id, '别墅')")}""",
        RewordedDoors, shown, month)
