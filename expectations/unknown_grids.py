"""Grid names that grids.csv does not have. A few such rows are invalid rows like any other; many
rows naming the same unknown grid are a typo in grids.csv or a renamed grid, and paying that month
would pay the grid's worker as if nobody had answered. The closest grids are found by edit
similarity (transforms/grid_names.py)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from gridpay.ingest.grid_aliases import listed_compound_names
from gridpay.ingest.survey_stage import stage_connection
from gridpay.ingest.unknown_grid_answers import ditto_sql
from gridpay.transforms.grid_names import (closest_grid_ids, closest_grids, grid_in_brackets, grid_numbers,
                                          grids_of_compound, likeness, numbers_differ, same_compound, same_letters,
                                          same_number, similar_grids)
from gridpay.transforms.grid_splits import grids_split_off
from gridpay.transforms.privacy import regex_masked_sql


@dataclass(frozen=True)
class UnknownGrid:
    value: str                       # as the survey rows name it (masked)
    rows: int
    closest: tuple[str, ...]         # "老街片区网格 (G05)", most similar first
    closest_ids: tuple[str, ...] = ()  # their grid ids, in that order
    split_off: tuple[str, ...] = ()    # grids split off the grid whose former name it is (closest_ids[0])
    gone: str = ""                     # "YH8 in the grids.csv of 2026-10": a grid grids.csv no longer has
    form: bool = False                 # the grid [survey.file_grids] gives a form (pipeline/gate_findings.py)
    shared: tuple[str, ...] = ()       # the grids whose name it reads like is a name of, several (第一网格 of 3 communities)
    in_brackets: tuple[str, ...] = ()  # the grid a worker's option names in brackets (赵敏（一网格）), where none is closest

    @property
    def two_grids(self) -> bool:      # 王芳（三/五网格）: a worker of two grids' option
        return len(self.in_brackets) > 1 and len(set(grid_numbers(self.value))) > 1

    def __str__(self) -> str:
        hint = f"; did you mean {' or '.join(repr(c) for c in self.closest)}?" if self.closest else ""
        if self.in_brackets and not self.closest:     # a form asking the worker by name (trial 305)
            hint = f"; a form's option naming a worker and {' or '.join(repr(c) for c in self.in_brackets)}?"
            if self.two_grids:
                hint = f"; a form's option naming a worker of {' and '.join(repr(c) for c in self.in_brackets)}?"
        if self.shared:         # no alias can say which (trial 302)
            hint = f"; it reads like the name of {len(self.shared)} grids ({', '.join(self.shared)}): no alias, type the grid"
        return f"'{self.value}' on {self.rows} row{'s' if self.rows != 1 else ''}{hint}"



def unknown_grids(workdir: Path, min_rows: int | None, similar_rows: int | None = None,
                  former: dict[str, tuple[str, str]] | None = None,
                  earlier: dict[str, dict[str, frozenset[str]]] | None = None) -> list[UnknownGrid]:
    """Values of the survey rows' grid that are not in grids.csv, on at least `min_rows` rows, or on
    at least `similar_rows` where the value reads like a known grid, names a compound grids.csv
    lists for one, or is a name a grid had in an earlier published month (`former`: name -> (grid_id,
    month); a renamed grid's old name), most rows first."""
    fewest = min(n for n in (min_rows, similar_rows) if n is not None)
    with stage_connection(workdir) as con:
        values = con.execute(
            # a ditto mark (同上) names no grid: the blank-grid stop's (trial 218 was offered it as an alias of G2)
            f"select {regex_masked_sql('grid_id')} as value, count(*) as n from surveys where grid_id is not null "
            f"and grid_id not in (select grid_id from grids) and not {ditto_sql('grid_id')} group by value "
            f"having count(*) >= ? order by n desc, value", [fewest]).fetchall()
        listed = "compounds" if values and "compounds" in {c for (c,) in con.execute(
            "select column_name from (describe grids)").fetchall()} else "null"
        grids = (con.execute(f"select grid_id, grid_name, {listed} from grids order by grid_id").fetchall()
                 if values else [])
        named: dict[str, list[tuple[str, int]]] = {}
        for value, compound, n in (con.execute(
                f"select {regex_masked_sql('grid_id')} as value, compound, count(*) as n from surveys where grid_id "
                f"not in (select grid_id from grids) and compound is not null group by all order by n desc, compound"
                ).fetchall() if listed != "null" else []):
            named.setdefault(value, []).append((compound, n))
    names = {gid: name for gid, name, _ in grids}
    compounds = {gid: listed_compound_names(cell) for gid, _, cell in grids}
    found = [UnknownGrid(value, n, *(_formerly(value, names, former or {}, compounds, earlier or {})
                                     or _closest(value, names, compounds, named.get(value, []))),
                         gone=_gone(value, names, former or {})) for value, n in values]
    # trial 302: 一网格 in 东城's sheet was offered 第一网格 (XC01), 西城's, one of three grids of that name; aliased as
    # advised, 东城's complaint counted for 西城 (W01 1926.54 for 1823.04, exit 0)
    found = [replace(g, shared=tuple(sorted(gid for gid, name in names.items() if name == names.get(g.closest_ids[0]))))
             if g.closest_ids and list(names.values()).count(names.get(g.closest_ids[0])) > 1 else g for g in found]
    # said, never a stop's reason: the gate stops on a name reading like a grid as it did (closest alone)
    found = [g if g.closest else replace(g, in_brackets=grid_in_brackets(g.value, names)) for g in found]
    return [g for g in found if (min_rows is not None and g.rows >= min_rows)
            or (similar_rows is not None and g.rows >= similar_rows and g.closest)]


def _formerly(value: str, names: dict[str, str], former: dict[str, tuple[str, str]],
              compounds: dict[str, tuple[str, ...]], earlier: dict[str, dict[str, frozenset[str]]]) -> tuple | None:
    """(labels, ids, split off) of the grid that had the name `value` in an earlier published month's grids.csv
    and is still in grids.csv: a grid renamed since, its residents still answering by the old name (a
    nineteenth trial was offered three other grids, took the first, and paid its answers to them); then the
    grids split off it since, listing compounds it listed then (transforms/grid_splits.py)."""
    gid, month = former.get(value, (None, None))
    if gid is not None and gid not in names:        # merged into another: the grid listing its compounds now
        return _merged_into(value, gid, month, names, compounds, earlier.get(month, {}))
    if gid not in names:
        return None
    split = grids_split_off(gid, earlier.get(month, {}), compounds)
    return ((f"{names[gid]} ({gid}), whose name it was in the grids.csv of {month}",
             *(f"{names[other]} ({other}), which lists {', '.join(sorted(taken))} as {gid} did in {month}"
               for other, taken in split.items())), (gid, *split), tuple(split))


def _gone(value: str, names: dict[str, str], former: dict[str, tuple[str, str]]) -> str:
    """'YH8 in the grids.csv of 2026-10' where `value` was the name of a grid grids.csv no longer has (a hundred-and-
    fifty-sixth trial's merged 八网格, listing no compound, was told to add it to grids.csv as a new grid: added back
    without a worker, its residents' 21 answers paid nobody and its neighbour's worker 141.84 yuan too much, exit 0)."""
    gid, month = former.get(value, (None, None))
    if gid is None:     # ... or its id (a form's grid in [survey.file_grids] by id: its re-check's "YH8")
        gid, month = next(((g, m) for g, m in former.values() if g == value), (None, None))
    return f"{gid} in the grids.csv of {month}" if gid is not None and gid not in names else ""


def _merged_into(value: str, gid: str, month: str, names: dict[str, str], compounds: dict[str, tuple[str, ...]],
                 then: dict[str, frozenset[str]]) -> tuple | None:
    """(labels, ids) of the grids listing now the compounds of `gid`, gone from grids.csv, whose name `value` was in
    `month`: a hundred-and-thirteenth trial's merged 柳岸四网格 was offered three neighbours by likeness, the first
    took it, and 杏花村's answers paid 梧桐里's worker, exit 0."""
    was = [c for c, grids in then.items() if gid in grids]
    takers = {other: tuple(c for c in was if any(same_compound(n, c) for n in listed))
              for other, listed in compounds.items()}
    takers = {other: taken for other, taken in takers.items() if taken}
    if not takers:
        return None
    return (tuple(f"{names[other]} ({other}), which lists {', '.join(sorted(taken))}, {gid}'s in {month} when "
                  f"'{value}' was {gid}'s name ({gid} is no longer in grids.csv: merged into it?)"
                  for other, taken in takers.items()), tuple(takers))


def _whose(pairs: list[tuple[str, int]], compounds_named: int) -> str:
    """'whose compound 柏树湾 its 5 rows name', or, where the rows name several of its compounds, each with its rows
    (a sixty-fifth trial read 'whose compound 红旗宿舍 of its 11 rows name' where the other 9 named its 梅园新村)."""
    if len(pairs) > 1:
        return "whose compounds its rows name (" + ", ".join(f"{c} on {n}" for c, n in pairs) + ")"
    compound, rows = pairs[0]
    rows_named = (f"{'its' if compounds_named == 1 else 'of its'} {rows} rows name" if rows != 1
                  else "its row names" if compounds_named == 1 else "1 of its rows names")
    return f"whose compound {compound} {rows_named}"


def _closest(value: str, names: dict[str, str], compounds: dict[str, tuple[str, ...]], named: list[tuple[str, int]]):
    """(labels, ids): the grids whose compound the value is, else the grids whose compounds its rows
    name (a renamed grid's old name: its rows' compound says whose it is, not its likeness to another
    grid's name), then those whose name it reads like."""
    labels, ids = grids_of_compound(value, names, compounds)
    if ids:
        return labels, ids
    found: dict[str, list[tuple[str, int]]] = {}
    for compound, rows in named:
        for gid in grids_of_compound(compound, names, compounds)[1]:
            # as grids.csv lists it (滨江小区), not as the stage keeps it (滨江): a seventy-fourth trial's
            # rows said 滨江小区, and "whose compound 滨江 its row names" read as another compound
            listed = next((n for n in compounds[gid] if same_compound(n, compound)), compound)
            found.setdefault(gid, []).append((listed, rows))
    owners = {gid: f"{names.get(gid) or gid} ({gid}), {_whose(pairs, len(named))}" for gid, pairs in found.items()}
    if not owners:
        return closest_grids(value, names), closest_grid_ids(value, names)
    # grids sharing the compound: the one whose name the value reads like first (a twenty-third trial's
    # '滨江苑二网络' offered 滨江苑一网格 first, all three listing 滨江苑; taken, it pays another worker)
    owners = dict(sorted(owners.items(), key=lambda o: (numbers_differ(value, names.get(o[0]) or o[0]),
                                                        -likeness(value, names.get(o[0]) or o[0]))))
    # ... and one of another number is not offered beside one of the same (its re-check: 网格二, CH02 or CH01)
    if any(not numbers_differ(value, names.get(g) or g) for g in owners):
        owners = {g: label for g, label in owners.items() if not numbers_differ(value, names.get(g) or g)}
    # ... nor one of no number beside one of the typed number (trial 146: 井湖村4网格 offered 井湖车站网格 as equal)
    if any(same_number(value, names.get(g) or g) for g in owners):
        owners = {g: label for g, label in owners.items() if same_number(value, names.get(g) or g)}
    # ... nor one of another zone's letter beside one of the typed letter (trial 163: 金水湾B区网络 offered A to D区)
    if any(same_letters(value, names.get(g) or g) for g in owners):
        owners = {g: label for g, label in owners.items() if same_letters(value, names.get(g) or g)}
        return tuple(owners.values()), tuple(owners)
    similar = [(label, gid) for label, gid in similar_grids(value, names) if gid not in owners]
    return (tuple(owners.values()) + tuple(label for label, _ in similar),
            tuple(owners) + tuple(dict.fromkeys(gid for _, gid in similar)))
