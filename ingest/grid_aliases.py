"""grids.csv's optional `aliases` column: other names residents or a platform's form give a grid
("新河小区3网格" for 新河小区三网格), separated by ';' or '；'. HR maps a misspelt option of a
platform's form to its grid here instead of editing the platform's download, which is archived as
it came. Applied to the staged survey rows after staging (the single-process and the Dask paths
alike), before validation: a grid answered by an alias is that grid's answer."""
from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

import pandas as pd

from gridpay.core.errors import InputError
from gridpay.core.table_rows import has_column
from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.unknown_grid_answers import refuse_unknown_aliases, refuse_unknown_compounds
from gridpay.transforms.folding import dots_dropped
from gridpay.transforms.grid_names import grids_of_compound
from gridpay.transforms.parsing import normalized_cell

_SEPARATORS = re.compile(r"[;；]")
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


def listed_names(cell) -> tuple[str, ...]:
    """A grids.csv cell that lists names (aliases, compounds) separated by ';' or '；': each name as
    survey rows hold one (NFKC, trimmed), in order, once; a blank cell lists none."""
    typed = _SEPARATORS.split(cell if isinstance(cell, str) else "")
    return tuple(dict.fromkeys(n for n in map(normalized_cell, typed) if n))


def compound_entries(cell) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A `compounds` cell's compounds, each with the other names answers give it after '=' (湖滨花园二期=湖滨二期:
    residents shorten a name, and a thirty-third trial told to add the short one as a compound of its own
    counted one home under both, exit 0, nothing said)."""
    entries = (tuple(part.strip() for part in entry.split("=") if part.strip()) for entry in listed_names(cell))
    return tuple((names[0], names[1:]) for names in entries if names)


def listed_compound_names(cell) -> tuple[str, ...]:
    """A `compounds` cell's compounds by the name grids.csv gives first (without their other names)."""
    return tuple(dict.fromkeys(name for name, _ in compound_entries(cell)))


def listed_compounds(grids: pd.DataFrame) -> dict[str, tuple[str, ...]]:
    """grid_id -> the compounds grids.csv lists for it (its optional `compounds` column), for each grid it
    lists some for."""
    if "compounds" not in grids.columns:
        return {}
    return {row.grid_id: names for row in grids.itertuples(index=False)
            if (names := listed_compound_names(row.compounds))}


def compounds_by_answer(grids: pd.DataFrame, policy) -> dict[str, tuple[str, ...]]:
    """listed_compounds() as the stage reads a grid answer, before aliases are applied: under the policy's
    survey.alias_compound_rules each alias too, so that an answer naming its grid by an alias is read with the grid's
    compounds (a door typed with a listed compound is that compound's home) as one naming it by its name is (a
    ninety-eighth trial's 柳河村3组15号 was 柳河村's home online and a home of its own on the sheets naming 三组)."""
    listed = listed_compounds(grids)
    if policy.alias_compound_rules:
        for alias, gid in grid_aliases(grids).items():
            # a one-compound grid's alias only where survey.one_compound_aliases reads it so (a hand-made policy)
            if gid in listed and (len(listed[gid]) > 1 or policy.one_compound_aliases):
                listed.setdefault(alias, listed[gid])
    return listed


def compound_other_names(grids: pd.DataFrame, suffix_dropped: bool = False) -> dict[str, str]:
    """Each other name a `compounds` cell gives after '=' -> the compound's name, both as answers name a
    compound (compound_name). An other name that is a listed compound, or that names two compounds,
    stops the run (exit 2) naming the row."""
    from gridpay.ingest.survey_values import compound_name
    if "compounds" not in grids.columns:
        return {}
    listed = {compound_name(n, suffix_dropped) for names in listed_compounds(grids).values() for n in names}
    others: dict[str, str] = {}
    for row in grids.itertuples(index=False):
        for name, names in compound_entries(row.compounds):
            meant = compound_name(name, suffix_dropped)
            for other in (compound_name(n, suffix_dropped) for n in names):
                if other == meant:          # 湖滨花园二期=湖滨花园二期小区: one name as answers read it
                    continue
                if other in listed or others.get(other, meant) != meant:
                    said = (f"'{other}', given after '=' as another name of {name}, is "
                            + ("a compound grids.csv lists itself" if other in listed else
                               f"already another name of {others[other]}")
                            + ": a name can mean one compound only")
                    raise InputError(row.source_file, said, row=int(row.row_number), column="compounds")
                others[other] = meant
    return others


def has_alias_column(con) -> bool:
    """Does the stage's surveys table keep the alias each answer named its grid by (apply_grid_aliases)?"""
    return has_column(con, "surveys", "grid_alias")


def grid_aliases(grids: pd.DataFrame) -> dict[str, str]:
    """alias -> grid_id, each alias as the survey rows hold a grid answer (NFKC, trimmed). An alias
    that is another grid's id or name, or that two grids give, is refused (exit 2), naming the row."""
    if "aliases" not in grids.columns:
        return {}
    taken = {normalized_cell(v): gid for gid, name in zip(grids["grid_id"], grids["grid_name"])
             for v in (gid, name) if normalized_cell(v)}
    aliases: dict[str, str] = {}
    for row in grids.itertuples(index=False):
        for alias in listed_names(row.aliases):
            if taken.get(alias) == row.grid_id:
                continue
            other = taken.get(alias) or (aliases.get(alias) if aliases.get(alias) != row.grid_id else None)
            if other is not None:
                raise InputError(row.source_file, f"alias '{alias}' of {row.grid_id} already names {other}: "
                                                  f"a name can mean one grid only (a form asking the worker by name, "
                                                  f"a worker of two grids: give it to one; her other grid's answers "
                                                  f"are then HR's own 非本网格 corrections naming it, resident_grid in "
                                                  f"appeals.csv, or ask the grid on the form: docs/platforms.md)",
                                 row=int(row.row_number), column="aliases")
            aliases[alias] = row.grid_id
    return aliases


def refuse_list_commas(grids: pd.DataFrame) -> None:
    """A list cell (aliases, compounds) whose names are run together by 、 or ， (HR's Excel writes 柏林花园、柏林新村):
    read as one name, it went onto the form as one option and stopped the month as a sheet sorted wrongly (trial
    169). Exit 2, naming the row, the separator to use. Not inside brackets: a form's option 王芳（三网格、五网格） is one
    name (trial 305's, refused, could be given as no alias)."""
    for column in ("aliases", "compounds"):
        for row in grids.itertuples(index=False) if column in grids.columns else ():
            cell = getattr(row, column)
            bare = _BRACKETED.sub("", cell) if isinstance(cell, str) else ""
            if bare and (mark := next((m for m in "、，" if m in bare), None)):
                raise InputError(row.source_file, f"'{cell}' runs names together with '{mark}': names in {column} are "
                                 f"separated by ';' ({cell.replace(mark, ';')}), each a name of its own",
                                 row=int(row.row_number), column=column)


def shared_compound_alias(grids: pd.DataFrame, aliases: dict[str, str]) -> None:
    """Refuse (exit 2) an alias that is a compound grids.csv lists for more than one grid: an answer
    naming only 锦江花园, which two grids split by building, cannot say which grid it is, and a
    twenty-fifth trial, told 'add it to the aliases of that grid', paid every such answer to the first
    grid offered (W2 1670.22 for 1730.34), exit 0."""
    names, compounds = dict(zip(grids["grid_id"], grids["grid_name"])), listed_compounds(grids)
    for alias, gid in aliases.items():
        grids_of = grids_of_compound(alias, names, compounds)[1]
        if len(grids_of) > 1:
            row = grids[grids["grid_id"] == gid].iloc[0]
            said = (f"alias '{alias}' of {gid} is a compound grids.csv lists for {' and '.join(grids_of)}: an "
                    f"answer naming only the compound cannot say which of them it is. Take the alias out, and "
                    f"correct those answers' grid by the home's building in the sheet HR types")
            raise InputError(str(row["source_file"]), said, row=int(row["row_number"]), column="aliases")


def apply_grid_aliases(workdir: Path, one_compound: Collection[str] = (), replay: bool = False, dots: bool = False
                       ) -> int:
    """Staged survey rows answering a grid by one of its aliases get the grid's id; where that grid is
    one of `one_compound` (policy survey.one_compound_aliases), their household the door number alone,
    as the stage made it for answers naming the grid by its name (its household '<compound> <door>':
    a door number holds no space). Returns the rows changed. An alias that is a compound of several
    grids is refused, but not in an audit (`replay`), which reproduces what its run read. With `dots`
    (survey.grid_dots_dropped) an alias is also matched without a name's dots, as the stage read the answers."""
    grids = pd.read_parquet(workdir / "grids.parquet")
    aliases = grid_aliases(grids)
    if dots:
        aliases = {dots_dropped(alias): gid for alias, gid in aliases.items()} | aliases
    if not replay:
        shared_compound_alias(grids, aliases)
        refuse_unknown_aliases(grids, aliases)      # 不清楚 made an alias: answers about nobody paid to a worker
        refuse_unknown_compounds(grids)             # ... or a compound: its doors homes apart from the grid's
        refuse_list_commas(grids)
    if not aliases:
        return 0
    with stage_connection(workdir) as con:
        con.execute("create or replace temp table grid_alias (alias varchar, grid_id varchar)")
        con.executemany("insert into grid_alias values (?, ?)", list(aliases.items()))
        changed = con.execute("select count(*) from surveys s join grid_alias a on s.grid_id = a.alias").fetchone()[0]
        con.execute("update surveys set household_id = split_part(household_id, ' ', 2) from grid_alias a "
                    "where surveys.grid_id = a.alias and a.grid_id in (select unnest(?::varchar[])) "
                    "and contains(household_id, ' ')", [list(one_compound)])
        # the alias answered, kept: two aliases may be two places (ingest/alias_doors.py: a merged grid's groups)
        con.execute("alter table surveys add column if not exists grid_alias varchar")
        con.execute("update surveys set grid_alias = a.alias, grid_id = a.grid_id from grid_alias a "
                    "where surveys.grid_id = a.alias")
    return changed
