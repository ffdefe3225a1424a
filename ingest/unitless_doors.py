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


# what the shorter form leaves out, why gridpay cannot put it back, and how HR writes the home
_LEFT_OUT = {"unit": ("its unit", "a room number repeats in each unit of a building", "which unit", "its unit"),
             "group": ("its group (组)", "a village numbers its houses in each group", "which group", "its group")}


@dataclass(frozen=True)
class UnitlessDoors(DoorPairs):
    part: str = "unit"

    def line(self) -> str:
        what, why, which, written = _LEFT_OUT[self.part]
        return (f"{self.grid_name} ({self.grid_id}): {self.door_pairs()} may be one home written with {what} and without "
                f"it ({self.named()}), each counted as a household of its own: {why}, so gridpay cannot tell {which} "
                f"the shorter one is; if they are one home (check the paper form, or call), write it with {written} in "
                f"the sheet HR types or, in a platform's download (never edited), {SET_ASIDE}; and run again (one "
                f"household, one voice)")


@dataclass(frozen=True)
class GrouplessDoors(UnitlessDoors):
    part: str = "group"


def _pairs_sql(where: str, short: str, short_key: str, whole: str, whole_key: str) -> str:
    """Per grid, the households matching `short` whose key (`short_key`, a regexp_extract of household_id) is that of
    a household matching `whole` (`whole_key`) in the same grid: (grid, pairs, [(whole, short) masked])."""
    return f"""
            with h as (select distinct grid_id, household_id from answers
                       where grid_id is not null and household_id is not null{where}),
                 short as (select grid_id, household_id, {short_key} as k
                           from h where regexp_full_match(household_id, '{short}')),
                 whole as (select grid_id, household_id, {whole_key} as k
                           from h where regexp_full_match(household_id, '{whole}'))
            select s.grid_id, count(*),
                   list(({regex_masked_sql('f.household_id')}, {regex_masked_sql('s.household_id')})
                        order by f.household_id)
            from short s join whole f on f.grid_id = s.grid_id and f.k = s.k
            group by s.grid_id order by s.grid_id"""


def unitless_doors(workdir: Path, shown: int = 3, month: str | None = None) -> list[UnitlessDoors]:
    """Per grid, the households '<place>N栋R' whose '<place>N栋U单元R' the same grid's answers also hold."""
    parts = "['place', 'b', 'r']"
    return pairs_by_grid(workdir, _pairs_sql(
        " and (contains(household_id, '栋') or contains(household_id, '座'))",
        f"(.*[^0-9]|)({BUILDING})[0-9]+",
        f"regexp_extract(household_id, '^(.*[^0-9]|)({BUILDING})([0-9]+)$', {parts})",
        f"(.*[^0-9]|)({BUILDING})[0-9]+单元[0-9]+",
        f"regexp_extract(household_id, '^(.*[^0-9]|)({BUILDING})[0-9]+单元([0-9]+)$', {parts})"),
        UnitlessDoors, shown, month)


def groupless_doors(workdir: Path, shown: int = 3, month: str | None = None) -> list[GrouplessDoors]:
    """Per grid, the households 'M号' (a house number alone) whose '<place>N组M' the same grid's answers also hold
    (a ninety-eighth trial's 16号 beside 三组十六号 counted twice, exit 0, nothing said)."""
    return pairs_by_grid(workdir, _pairs_sql(
        "", "[0-9]+号?", "regexp_extract(household_id, '^([0-9]+)号?$', 1)",
        ".*[0-9]+(组|队)[0-9]+号?", "regexp_extract(household_id, '^.*[0-9]+(组|队)([0-9]+)号?$', 2)"),
        GrouplessDoors, shown, month)
