"""Answers naming a grid and a compound that grids.csv lists under one other grid of the same community
count for that grid, where the policy says so (survey.grid_by_compound): a grid split off, or a compound
moved to another grid, while residents keep choosing the grid they knew. A forty-fifth trial's 金桂小区
became 金桂网格 in October and 19 answers still named 湖畔网格; the stop's advice then (list 金桂小区
under 湖畔网格 again) paid November's such answers to 湖畔网格's worker, exit 0. Each move is said;
without the key such answers stop the month (gate.other_grid_compound_rows), as before. A compound several
grids list is moved only to the one that took it over from the grid named (survey.grid_by_compound_taken:
the only one of them not listing it when the grid named last did, in a published month)."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from gridpay.ingest.grid_compounds import OtherGridsCompound, one_compound_grids, other_grids_compounds
from gridpay.ingest.survey_stage import stage_connection


def moved_compound_answers(workdir: Path, policy, earlier: dict[str, dict[str, frozenset[str]]] | None = None
                           ) -> list[OtherGridsCompound]:
    """The staged answers to a grid naming a compound grids.csv lists under exactly one other grid, of
    the same community, not under it: each (grid, compound) pair given to that grid. Returns the pairs.
    A home's household follows its new grid's form: the door number alone in a grid of one compound
    (survey.one_compound_grids), the compound before it in a grid of several. `earlier`: month -> compound ->
    the grids listing it, of the months published before, for a compound several grids list (_taking_over)."""
    if not policy.grid_by_compound:
        return []
    grids = pd.read_parquet(workdir / "grids.parquet")
    community = dict(zip(grids["grid_id"], grids["community"])) if "community" in grids.columns else {}
    pairs = other_grids_compounds(workdir, policy.compound_suffix_dropped)
    if policy.grid_by_compound_taken and earlier:
        pairs = [_taking_over(pair, earlier) for pair in pairs]
    moved = [pair for pair in pairs
             if len(pair.owner_ids) == 1 and community.get(pair.owner_ids[0]) == community.get(pair.grid_id)]
    door_alone = set(one_compound_grids(grids)) if policy.one_compound_grids else set()
    with stage_connection(workdir) as con:
        for pair in moved:
            (owner,) = pair.owner_ids
            where = "where grid_id = ? and compound = ?"
            # its home as the new grid reads its own (the old grid's form may have been either: a grid of one
            # compound keeps another grid's compound, survey.other_grid_compound_homes)
            if policy.household_compound and owner not in door_alone:
                con.execute(f"update surveys set household_id = compound || ' ' || household_id {where} "
                            "and not contains(household_id, ' ')", [pair.grid_id, pair.compound])
            elif policy.household_compound:
                con.execute(f"update surveys set household_id = split_part(household_id, ' ', 2) {where} "
                            "and contains(household_id, ' ')", [pair.grid_id, pair.compound])
            con.execute(f"update surveys set grid_id = ? {where}", [owner, pair.grid_id, pair.compound])
    return moved


def _taking_over(pair: OtherGridsCompound, earlier: dict[str, dict[str, frozenset[str]]]) -> OtherGridsCompound:
    """A pair whose compound several grids list: its owners narrowed to those that did not list it in the
    last published month whose grids.csv listed it under the grid named (a grid split off a shared compound:
    the one that took it over, in every month after the split; a fifty-eighth trial's second month compared
    with the month before, when the grid named no longer listed it, and stopped)."""
    then = next((listing[pair.compound] for _, listing in sorted(earlier.items(), reverse=True)
                 if pair.grid_id in listing.get(pair.compound, frozenset())), None)
    if len(pair.owner_ids) < 2 or then is None:
        return pair
    new = [i for i, owner in enumerate(pair.owner_ids) if owner not in then]
    if len(new) != 1:
        return pair
    return replace(pair, owners=(pair.owners[new[0]],), owner_ids=(pair.owner_ids[new[0]],), taken=True)


def moved_line(pair: OtherGridsCompound) -> str:
    (owner,) = pair.owners
    return (f"{pair.rows} answer{'s' if pair.rows != 1 else ''} to {pair.grid_name} ({pair.grid_id}) name "
            f"{pair.compound}, which grids.csv lists under {owner}"
            f"{f', the one of its grids that took it over from {pair.grid_id} (the others listed it before)' if pair.taken else ''}"
            f": counted for {pair.owner_ids[0]} "
            f"(survey.grid_by_compound: a grid split off, or a compound moved; if {pair.grid_id} does span "
            f"{pair.compound}, list it for {pair.grid_id} too)")
