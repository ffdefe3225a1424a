"""A door number typed with its compound before it (桂花苑3栋201 answered in 桂花苑) read as the door
number after it, so that the home typed both ways is one household: the mapping tables the stage
joins (map_door_compound, map_grid_door), computed once per distinct text."""
from __future__ import annotations

import re

from gridpay.core.table_rows import insert_rows
from gridpay.ingest.survey_files import SurveyReading
from gridpay.ingest.survey_values import compound_name, door_rules, folded
from gridpay.transforms.door_numbers import normalized_household
from gridpay.transforms.spaced_doors import spaced_numbers


_BUILDING_END = re.compile(r"(号楼|号|栋|幢|座|#)$")
_DIGIT_FIRST = r"regexp_matches({}, '^\s*[0-9０-９]')"


def door_after_compound(door: str, compound: str, reading: SurveyReading, others: tuple[str, ...] = ()) -> str | None:
    """'桂花苑3栋201' answered in the compound 桂花苑 is its door number 3栋201: residents type the
    compound into the door-number field as well (a field trial's home answered as 3栋201 and as
    桂花苑3栋201 in 桂花苑, one home counted twice). None when the door number does not start with
    the compound as named or as typed (桂花苑小区3栋201), or by one of its `others` names in grids.csv
    (老街36号 in 红旗老街=老街: a thirty-fourth trial's home so typed counted twice)."""
    # 一区 4 2 301: numbers alone after the place, not glued (trial 284); a room's digits a space apart still are
    typed = spaced_numbers(folded(door).strip(), False, True, reading.door_spaced_places)
    text, name = "".join(typed.split()), compound_name(compound, reading.compound_suffix_dropped)
    names = (name, *others)
    prefixes = {p for n in names if n for p in (n, f"{n}小区", f"{n}社区")} | {compound_name(compound)}
    # a name starting with a digit that reads as a building once its 小区 is dropped (4号楼 of 4号楼小区) is never
    # taken off a door: 4号楼2单元301 there is building 4's home (survey.digit_compound_doors)
    if reading.digit_compound_doors:
        prefixes = {p for p in prefixes if not (p[:1].isdigit() and _BUILDING_END.search(p))}
    for prefix in sorted((p for p in prefixes if p), key=len, reverse=True):
        rest = text[len(prefix):].lstrip("-_、,，:：") if text.startswith(prefix) else ""
        if rest:
            return normalized_household(rest, *door_rules(reading))
    return None


def door_tables(con, reading: SurveyReading, others: dict[str, str]) -> None:
    """Table map_door_compound (compound, door, value): door_after_compound() of each distinct pair
    whose door number starts with no digit, where the policy says so (survey.compound_in_door_number);
    the compound the answer names, or where it names none the one its grid's grids.csv row lists
    (table one_compound_grid: filled where survey.grid_compound_in_door_number says so)."""
    digits, named = _digit_names(con, reading, others), "coalesce(s.compound, oc.compound)"
    pairs = con.execute(
        "select distinct coalesce(s.compound, oc.compound), s.household_id from survey_text s "
        "left join map_grid gr on gr.raw = s.grid_id left join one_compound_grid oc on oc.grid_id = gr.value "
        "where coalesce(s.compound, oc.compound) is not null and s.household_id is not null "
        f"and (not {_DIGIT_FIRST.format('s.household_id')}{_digit_compound(digits, named)})",
        [digits] if digits is not None else []).fetchall() if reading.compound_in_door else []
    names_of: dict[str, tuple[str, ...]] = {}          # a compound -> its other names in grids.csv
    for other, name in others.items():
        names_of[name] = (*names_of.get(name, ()), other)

    listed = ({c for (c,) in con.execute("select distinct compound from any_listed_compound").fetchall()}
              if reading.door_after_listed_name else set())

    def also(compound: str) -> tuple[str, ...]:
        name = compound_name(compound, reading.compound_suffix_dropped) or ""
        if not reading.door_after_listed_name:
            return names_of.get(name, ())
        # 刘家湾 typed for 刘家湾村 (its other name in grids.csv, or the listed name's beginning): a door number typed
        # after the listed name loses all of it (a fifty-first trial's 刘家湾村4组13号 was read as 村4组13, and the
        # home's 4组13号 of the next month counted again in its grid's pooled window)
        own = {others.get(name, name)} | {n for n in listed if name and n.startswith(name)}
        return tuple(sorted({*own, *(o for n in own for o in names_of.get(n, ()))} - {name}))
    found = [(c, d, v) for c, d in pairs if (v := door_after_compound(d, c, reading, also(c))) is not None]
    con.execute("create or replace temp table map_door_compound (compound varchar, door varchar, value varchar)")
    insert_rows(con, "map_door_compound", found)
    _door_after_listed_compound(con, reading, also, digits)


def _door_after_listed_compound(con, reading: SurveyReading, also, digits: list[str] | None = None) -> None:
    """Table map_grid_door (grid_id, door, compound, value): in a grid grids.csv lists with several
    compounds (table listed_compound), an answer naming none whose door number starts with one of them
    (王庄3组9号 on a paper form without the 小区 line) is that compound's home, the door number after it:
    the online 王庄 / 3组9号 of the same home (a twentieth trial's paper and online answers of one home
    counted twice). The longest such compound where two start it (王庄 and 王庄二期)."""
    pairs = con.execute(
        "select distinct gr.value, s.household_id, lc.compound from survey_text s "
        "join map_grid gr on gr.raw = s.grid_id join listed_compound lc on lc.grid_id = gr.value "
        "left join map_compound cp on cp.raw = s.compound "
        "where cp.value is null and s.household_id is not null "
        f"and (not {_DIGIT_FIRST.format('s.household_id')}{_digit_compound(digits, 'lc.compound')})",
        [digits] if digits is not None else []).fetchall()
    found: dict[tuple[str, str], tuple[str, str]] = {}
    for grid, door, listed in sorted(pairs, key=lambda p: len(p[2])):      # a longer compound after
        if (value := door_after_compound(door, listed, reading, also(listed))) is not None:
            found[grid, door] = (compound_name(listed, reading.compound_suffix_dropped), value)
    con.execute("create or replace temp table map_grid_door (grid_id varchar, door varchar, compound varchar, "
                "value varchar)")
    insert_rows(con, "map_grid_door", [(*k, *v) for k, v in found.items()])


def _digit_names(con, reading: SurveyReading, others: dict[str, str]) -> list[str] | None:
    """Under survey.digit_compound_doors, the names grids.csv gives compounds that start with a digit (7号院, the 5号院 of
    三里屯5号院=5号院): a door typed after one starts with a digit too (trial 296: 7号院3-2-301 and 5号院3-2-301 kept as
    typed beside their homes' 3-2-301, five homes counted twice, unsaid); None without the key."""
    if not reading.digit_compound_doors:
        return None
    listed = [c for (c,) in con.execute("select distinct compound from any_listed_compound").fetchall()]
    return sorted({n for n in (*others, *others.values(), *listed) if n and n[:1].isdigit()})


def _digit_compound(digits: list[str] | None, compound: str) -> str:
    """SQL: ... or the door starts with its compound's name, or with one of `digits` (a parameter); '' without them."""
    if digits is None:
        return ""
    door = "translate(s.household_id, '０１２３４５６７８９', '0123456789')"      # ７号院: typed full-width (its re-check)
    return (f" or starts_with({door}, {compound}) "
            f"or len(list_filter(?::varchar[], lambda n: starts_with({door}, n))) > 0")
