"""A door that names a building alone (3栋, A12栋) is many homes in a block of flats and one in a compound of villas
or townhouses. Under survey.unknown_doors = "no_number" such an answer is invalid (door_unknown): a hundred-and-
fifty-second trial's villa compound lost its answers so, the quarantine calling them 门牌号不明, exit 0 where they
were few, and the line of the month they stopped called a whole house's door "not known". The compounds of houses
are the community's to say (survey.house_compounds, policy 2027.19): there a building alone is a home; elsewhere
the run says the answers lost so, naming the key."""
from __future__ import annotations

import logging
from pathlib import Path

import pandas as pd

from gridpay.expectations.surveys import GROUP_ONLY, building_only_sql, door_sql
from gridpay.ingest.grid_aliases import compound_other_names, listed_compounds
from gridpay.ingest.survey_values import compound_name
from gridpay.transforms.policy import Policy
from gridpay.transforms.privacy import regex_masked_sql

log = logging.getLogger("gridpay")
SHOWN = 3          # doors named per grid; the rest are counted


def houses_sql(workdir: Path, policy: Policy) -> str:
    """SQL of the staged rows whose home is a whole house: naming a compound survey.house_compounds lists, or naming
    none in a grid grids.csv lists with such compounds only. 'false' where the policy lists none."""
    if not policy.house_compounds:
        return "false"
    grids = pd.read_parquet(workdir / "grids.parquet")
    others = compound_other_names(grids, policy.compound_suffix_dropped)       # 翠湖别墅=翠湖山庄's other name too
    houses = {others.get(name, name) for name in (compound_name(n, policy.compound_suffix_dropped)
                                                  for n in policy.house_compounds)}
    listed = {gid: {compound_name(n, policy.compound_suffix_dropped) for n in names}
              for gid, names in listed_compounds(grids).items()}
    if unknown := sorted(houses - set().union(*listed.values())):      # a typo reads no house: said
        log.warning("survey.house_compounds names %s, which grids.csv lists for no grid (its compounds column): a "
                    "door naming a building alone there stays invalid; write the compound as grids.csv does",
                    ", ".join(unknown), extra={"notice": "invalid_rows"})
    whole = [gid for gid, names in listed.items() if names <= houses]
    # never null (a null compound or grid in `in` is null, and `not null` would pass a building alone as a home)
    return (f"(coalesce(compound in ({_texts(houses)}), false) "
            f"or (compound is null and coalesce(grid_id in ({_texts(whole)}), false)))")


def _texts(values) -> str:
    """SQL text literals (GX formats its query: braces doubled)."""
    quoted = ["'" + str(v).replace("'", "''").replace("{", "{{").replace("}", "}}") + "'" for v in sorted(values)]
    return ", ".join(quoted) or "null"


def say_building_doors(con) -> None:
    """Per grid, the answers invalid for a door naming a building alone, with the key that reads them as homes."""
    for grid, n, doors in con.execute(
            f"select grid_id, count(*), list(distinct {regex_masked_sql(door_sql('household_id'))} order by 1) "
            f"from surveys join survey_invalid using (row_id) where contains(invalid_code, 'door_unknown') "
            f"and {building_only_sql('household_id')} group by grid_id order by grid_id").fetchall():
        shown = ", ".join(f"'{d}'" for d in doors[:SHOWN]) + (f" and {len(doors) - SHOWN} more" if len(doors) > SHOWN
                                                              else "")
        log.warning("%d answer%s of grid %s give%s a building alone as the door (%s): invalid (door_unknown), a "
                    "building of flats being many homes. If they are whole houses (villas, townhouses, a lane's "
                    "houses), list their compound in survey.house_compounds in a policy of your own (a new version) "
                    "and run the month again", n, "s" if n > 1 else "", grid, "" if n > 1 else "s", shown,
                    extra={"notice": "invalid_rows"})
    for grid, n, doors in con.execute(      # a village's group alone (policy 2027.37: survey.group_doors_invalid)
            f"select grid_id, count(*), list(distinct {regex_masked_sql(door_sql('household_id'))} order by 1) "
            f"from surveys join survey_invalid using (row_id) where contains(invalid_code, 'door_unknown') "
            f"and regexp_matches({door_sql('household_id')}, '{GROUP_ONLY}') group by grid_id order by grid_id"
            ).fetchall():
        log.warning("%d answer%s of grid %s give%s a village's group alone, or 0, as the door (%s): invalid "
                    "(door_unknown), a group being many homes: the house's number (李家村5组23号) tells one home from "
                    "another; a sheet HR types takes it from the paper form", n, "s" if n > 1 else "", grid,
                    "" if n > 1 else "s", ", ".join(f"'{d}'" for d in doors[:SHOWN]), extra={"notice": "invalid_rows"})
