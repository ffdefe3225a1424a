"""One door number answered under two of a grid's other names (grids.csv's aliases): 15号 under 一组 and under
二组. An alias may be a misspelt option of the form (one place) or a place of its own: a ninety-eighth trial's
village merged 二组 into 一组's grid, kept both names as aliases, and its groups number their houses each from 1;
一组's 15号 (all 非常满意) was dropped as an older answer of 二组's 15号, exit 0, nothing said (W01 32.25 yuan
under). gridpay counts them as one household, as before, and names them for HR, who writes each home with its
group in the sheet HR types where they are two."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.ingest.door_prefixes import DoorPairs, pairs_by_grid
from gridpay.ingest.grid_aliases import has_alias_column
from gridpay.ingest.survey_stage import stage_connection
from gridpay.transforms.privacy import regex_masked_sql


@dataclass(frozen=True)
class AliasDoors(DoorPairs):
    def named(self, most: int = 3) -> str:
        more = f" and {self.pairs - most} more" if self.pairs > most else ""
        return ", ".join(f"'{door}' under {names}" for door, names in self.shown[:most]) + more

    def line(self) -> str:
        doors = "1 door number" if self.pairs == 1 else f"{self.pairs} door numbers"
        return (f"{self.grid_name} ({self.grid_id}): {doors} answered under two of the grid's other names "
                f"({self.named()}), each counted as one household: if the names are two places (grids merged, groups "
                f"or villages that number their houses each from 1), they are two homes: write each with its place "
                f"(二组15号) in the sheet HR types and run again; if the names are one place, nothing is wrong")


def alias_doors(workdir: Path, shown: int = 3, month: str | None = None) -> list[AliasDoors]:
    """Per grid, the households answered under two of its aliases (ingest/grid_aliases.py keeps the alias)."""
    with stage_connection(workdir) as con:
        if not has_alias_column(con):
            return []
    return pairs_by_grid(workdir, f"""
            with named as (select distinct grid_id, household_id, grid_alias from answers
                           where household_id is not null and grid_alias is not null),
                 doors as (select grid_id, household_id, string_agg(grid_alias, '、' order by grid_alias) as names
                           from named group by all having count(*) > 1)
            select grid_id, count(*), list(({regex_masked_sql('household_id')}, names) order by household_id)
            from doors group by grid_id order by grid_id""", AliasDoors, shown, month)
