"""One home's door number written with its unit and without it: 5栋1单元802 online and 5幢802 on the paper
form. A building's room numbers repeat in each of its units (1单元802 and 2单元802 are two homes), so
gridpay cannot read 5栋802 as either: each is a household of its own, and where they are one home its
two answers both count (a twenty-third field trial: W01 1899.36 for 1912.68, ten workers' pay moved,
exit 0, no word). The run names such pairs, per grid, for HR to check (a call, or the paper form)
and write the home one way in the sheet HR types.

Both forms are read after the door-number rules (transforms/door_numbers.py): '<place>N栋R' beside
'<place>N栋U单元R' (or A座R beside A座U单元R) in one grid, the place (a compound: '锦绣花园 ') the same. One equality join."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.ingest.door_prefixes import SET_ASIDE, DoorPairs, pairs_by_grid
from gridpay.transforms.privacy import regex_masked_sql

# a building by its number (5栋) or its letter (A座: a ninety-sixth trial's towers; A座1201 beside A座1单元1201 unsaid)
BUILDING = "[0-9]+栋|[A-Za-z]+座"


@dataclass(frozen=True)
class UnitlessDoors(DoorPairs):
    def line(self) -> str:
        return (f"{self.grid_name} ({self.grid_id}): {self.door_pairs()} may be one home written with its unit and without it "
                f"({self.named()}), each counted as a household of its own: a room number repeats in each unit of a "
                f"building, so gridpay cannot tell which unit the shorter one is; if they are one home (check the "
                f"paper form, or call), write it with its unit in the sheet HR types or, in a platform's download "
                f"(never edited), {SET_ASIDE}; and run again (one household, one voice)")


def unitless_doors(workdir: Path, shown: int = 3, month: str | None = None) -> list[UnitlessDoors]:
    """Per grid, the households '<place>N栋R' whose '<place>N栋U单元R' the same grid's answers also hold."""
    return pairs_by_grid(workdir, f"""
            with h as (select distinct grid_id, household_id from answers
                       where grid_id is not null and household_id is not null
                             and (contains(household_id, '栋') or contains(household_id, '座'))),
                 short as (select grid_id, household_id,
                                  regexp_extract(household_id, '^(.*[^0-9]|)({BUILDING})([0-9]+)$', ['place', 'b', 'r'])
                                      as k
                           from h where regexp_full_match(household_id, '(.*[^0-9]|)({BUILDING})[0-9]+')),
                 whole as (select grid_id, household_id,
                                  regexp_extract(household_id, '^(.*[^0-9]|)({BUILDING})[0-9]+单元([0-9]+)$',
                                                 ['place', 'b', 'r']) as k
                           from h where regexp_full_match(household_id, '(.*[^0-9]|)({BUILDING})[0-9]+单元[0-9]+'))
            select s.grid_id, count(*),
                   list(({regex_masked_sql('f.household_id')}, {regex_masked_sql('s.household_id')})
                        order by f.household_id)
            from short s join whole f on f.grid_id = s.grid_id and f.k = s.k
            group by s.grid_id order by s.grid_id""", UnitlessDoors, shown, month)


@dataclass(frozen=True)
class GrouplessDoors(DoorPairs):
    def line(self) -> str:
        return (f"{self.grid_name} ({self.grid_id}): {self.door_pairs()} may be one home written with its group (组) and "
                f"without it ({self.named()}), each counted as a household of its own: a village numbers its houses in "
                f"each group, so gridpay cannot tell which group the shorter one is; if they are one home (check the "
                f"paper form, or call), write it with its group in the sheet HR types or, in a platform's download "
                f"(never edited), {SET_ASIDE}; and run again (one household, one voice)")


def groupless_doors(workdir: Path, shown: int = 3, month: str | None = None) -> list[GrouplessDoors]:
    """Per grid, the households 'M号' (a house number alone) whose '<place>N组M' the same grid's answers also hold
    (a ninety-eighth trial's 16号 beside 三组十六号 counted twice, exit 0, nothing said)."""
    return pairs_by_grid(workdir, f"""
            with h as (select distinct grid_id, household_id from answers
                       where grid_id is not null and household_id is not null),
                 short as (select grid_id, household_id, regexp_extract(household_id, '^([0-9]+)号?$', 1) as r
                           from h where regexp_full_match(household_id, '[0-9]+号?')),
                 whole as (select grid_id, household_id,
                                  regexp_extract(household_id, '^.*[0-9]+(组|队)([0-9]+)号?$', 2) as r
                           from h where regexp_full_match(household_id, '.*[0-9]+(组|队)[0-9]+号?'))
            select s.grid_id, count(*),
                   list(({regex_masked_sql('f.household_id')}, {regex_masked_sql('s.household_id')})
                        order by f.household_id)
            from short s join whole f on f.grid_id = s.grid_id and f.r = s.r
            group by s.grid_id order by s.grid_id""", GrouplessDoors, shown, month)
