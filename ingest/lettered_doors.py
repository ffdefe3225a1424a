"""One home's door number with a letter and without it, or with a letter for a word: a villa 12号别墅 that the
estate's plan calls A12栋, a basement 42栋B1 beside 42栋负一层, a shared flat's room 502B beside 502之二. The
door-number rules read a letter as typed (A12 may be block A's villa 12 or villa A12; B1 a basement or unit B's
room 1), so each is a household of its own and, where they are one home, both answers count (a hundred-and-fifty-
second trial's villa: W02 1864.62 for 1973.34, exit 0, nothing said). The run names such pairs, per grid, as the
same numbers in other words are named (ingest/reworded_doors.py), from output format 22.

Read after the door-number rules, one place (a compound: '锦绣花园 ') and the same numbers once a basement's B1 (B2-08,
B103, 地下室) is read 负N层 and a room's last letter its order (502B as 502之2), one of the two holding a letter and the
other none (A12栋 and B12栋 are two villas; 502B and 502b are named as reworded), and not a place written before the
door and not (ingest/door_prefixes.py names A座1203 and 1203). One equality join on the numbers' text."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.ingest.door_prefixes import ONE_WAY, DoorPairs, pairs_by_grid, same_numbers_pairs

_NUMBER = "负?[0-9]+|[零〇一二两三四五六七八九十]+"


@dataclass(frozen=True)
class LetteredDoors(DoorPairs):
    def line(self) -> str:
        return (f"{self.grid_name} ({self.grid_id}): {self.door_pairs()} give the same numbers, one with a letter "
                f"({self.named()}), each counted as a household of its own: a letter may name a block, a floor below "
                f"ground (B1) or a room of a shared flat (502B), so gridpay cannot tell; {ONE_WAY}")


def _numbers(col: str, letters: str = "") -> str:
    """The numbers of `col` (and its letters, with `letters`) as one text, leading zeros aside ('07栋' and '7栋'
    alike): with its letters, the key ingest/reworded_doors.py pairs on, whose pairs it names."""
    return (f"array_to_string(list_transform(regexp_extract_all({col}, '{_NUMBER}{letters}'), "
            "lambda x: coalesce(nullif(ltrim(x, '0'), ''), '0')), ',')")


def lettered_doors(workdir: Path, shown: int = 3, month: str | None = None) -> list[LetteredDoors]:
    """Per grid, the pairs of households with one place and the same numbers once letters are read, one holding a
    letter and the other none."""
    return pairs_by_grid(workdir, f"""
            with h as (select distinct grid_id, household_id from answers
                       where grid_id is not null and household_id is not null),
                 -- a basement's B1 (at the end, or before its room: B2-08, B103) and 地下室 are 负N层
                 b as (select grid_id, household_id,
                              regexp_replace(regexp_replace(regexp_replace(household_id,
                                  '([栋幢座元-])[Bb]([0-9])-?([0-9]{{1,3}})号?$', '\\1负\\2层\\3号'),
                                  '([栋幢座元])[Bb]([0-9])[层楼]?$', '\\1负\\2层'), '地下室', '负1层') as door_read
                       from h),
                 r as (select grid_id, household_id, if(regexp_matches(door_read, '[0-9][A-Za-z]$'),
                              door_read[:-2] || '之' || (ascii(upper(door_read[-1])) - 64)::varchar, door_read) as door_read
                       from b),
                 k as materialized (
                       select grid_id, household_id, regexp_matches(household_id, '[A-Za-z]') as lettered,
                              regexp_extract(door_read, '^([^0-9A-Za-z零〇一二两三四五六七八九十]*)', 1) as place,
                              {_numbers('door_read')} as numbers,
                              {_numbers('household_id', '|[A-Za-z]+')} as typed,
                              regexp_extract(household_id, '^(.* )?', 0) ||
                                regexp_extract(household_id, '^(?:.* )?[^0-9]+([0-9].*)$', 1) as bare
                       from r where regexp_matches(door_read, '[0-9]')),
                 -- only numbers some home of the grid types with a letter: a month of homes without is no join
                 l as (select * from k semi join (select grid_id, place, numbers from k
                                                  where regexp_matches(household_id, '[A-Za-z]'))
                                      using (grid_id, place, numbers))
            {same_numbers_pairs("l", "a.typed <> b.typed and a.lettered <> b.lettered and a.bare <> b.household_id "
                                     "and b.bare <> a.household_id")}""", LetteredDoors, shown, month)
