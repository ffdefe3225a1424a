"""One phone answering for two homes of a grid in the month, each counted: one home under two door numbers no rule
reads alike, such as a building the street office renumbered (a hundred-and-seventh trial's 3栋 became 13栋: one
home answered online as 3栋2单元301 and on the volunteer's sheet as 13-2-301 with the same phone, counted twice,
exit 0, nothing said). Said, never a stop: a family that moved within the grid, or a daughter answering for her
parents' home too, are two homes. A phone answering for more homes (a volunteer's own, typed on the forms she
carried) is the shared_phone flag's; a masked phone or a cell of two numbers is no one phone; a worker's phone has
its own line (pipeline/verdicts.py: a worker's phone answering for homes of a grid she does not work)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gridpay.ingest.door_prefixes import SET_ASIDE, DoorPairs, pairs_by_grid
from gridpay.ingest.duckdb_reader import sql_text
from gridpay.transforms.privacy import MASKED_PREFIX, TWO_PREFIX, regex_masked_sql


@dataclass(frozen=True)
class PhoneDoors(DoorPairs):
    def line(self) -> str:
        phones = "1 phone" if self.pairs == 1 else f"{self.pairs} phones"
        return (f"{self.grid_name} ({self.grid_id}): {phones} answered for two homes of the grid ({self.named()}), "
                f"each counted as a household of its own: if they are one home (a building renumbered, a door "
                f"typed two ways), {SET_ASIDE}, and run again; a family that moved within the grid, or a relative "
                f"answering for two homes, needs nothing")


def phone_doors(workdir: Path, shown: int = 3, month: str | None = None) -> list[PhoneDoors]:
    """Per grid, the phones that answered for exactly two of its homes in the staged answers (a worker's but)."""
    workers = workdir / "workers.parquet"
    theirs = (f"and respondent_phone_hash not in (select phone_hash from read_parquet({sql_text(workers.as_posix())}) "
              f"where phone_hash is not null)") if workers.exists() else ""
    return pairs_by_grid(workdir, f"""
            -- each home's latest answer, the one that counts: an older answer set aside under another home's door
            -- (two households of one yard), typed in again under its own with its phone as the complaint line says,
            -- was "a phone answering for two homes" and its appeal advised, which stops the month (trial 191's re-check)
            with latest as (select * from answers where grid_id is not null and household_id is not null
                            qualify row_number() over (partition by grid_id, household_id
                                                       order by submitted_at_ts desc nulls last, row_id desc) = 1),
                 homes as (select distinct grid_id, respondent_phone_hash as phone, household_id from latest
                           where respondent_phone_hash is not null
                             and not starts_with(respondent_phone_hash, '{MASKED_PREFIX}')
                             and not starts_with(respondent_phone_hash, '{TWO_PREFIX}') {theirs}),
                 two as (select grid_id, min(household_id) as a, max(household_id) as b from homes
                         group by grid_id, phone having count(*) = 2)
            select grid_id, count(*), list(({regex_masked_sql('a')}, {regex_masked_sql('b')}) order by a, b)
            from two group by grid_id order by grid_id""", PhoneDoors, shown, month)
