"""Homes the staged answers may count twice, or once wrongly: a grid of several compounds whose answers
name none (ingest/grid_compounds.py), a door number written with a place before it and without it
(ingest/door_prefixes.py), with its unit and without it (ingest/unitless_doors.py), the same numbers in
other words (ingest/reworded_doors.py) or but for a letter (ingest/lettered_doors.py), under two compound
names that read alike (ingest/alike_compounds.py), a home answering for two grids (ingest/shared_homes.py),
one phone for two homes of a grid (ingest/phone_doors.py). Said on the console, never a stop: the answers are
counted as typed. From output format 3 on they are also recorded with the run, and the scorecard HR signs lists
them (a twenty-seventh trial's HR, reading only the scorecard, would have signed a home counted twice)."""
from __future__ import annotations

import logging

from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import ON_SCORECARD
from gridpay.pipeline.alias_doubts import say_aliases_like_other_grids
from gridpay.pipeline.ditto_doors import say_ditto_doors
from gridpay.pipeline.gridless_answers import say_few_unknown_grid_answers
from gridpay.pipeline.split_grids import say_split_names
from gridpay.store.runs import record_household_doubts
from gridpay.transforms.folding import visible

log = logging.getLogger("gridpay")
# a ninety-first trial's other community's download under this one's name printed 26 such homes before its stop,
# each advising an appeal: more than a few are said as one line
MANY_HOMES = 3
LISTED = 30           # door-number pairs the scorecard lists per grid (the console names 3)
PHONE_DOORS = 17      # the output format from which one phone's two homes of a grid are said
SEEN = 18             # ... and a pair's invisible characters named (<U+200B>)
LETTERED = 22         # ... and one home's door with a letter and without (A12栋 and 12号别墅)
SHORT_NAMES = 24      # ... and a door under a compound's name and its start (阳光家园, 阳光家园二期), or 1期 and 一期
PHASES = 27           # ... where grids.csv lists both, one the start of the other: two phases, never one by '='
NUMBERED = 31         # ... and a door with a place before it paired by its numbers (纺织厂宿舍4-1-502, 4栋1单元502)
FLOORS = 32           # ... and a floor and flat without a building beside the room they make (18楼08, 1808)


def say_household_doubts(ctx: RunContext) -> None:
    from gridpay.ingest.alias_doors import alias_doors
    from gridpay.ingest.alike_compounds import alike_compounds
    from gridpay.ingest.door_prefixes import prefixed_doors
    from gridpay.ingest.grid_compounds import mixed_compounds
    from gridpay.ingest.lettered_doors import lettered_doors
    from gridpay.ingest.phone_doors import phone_doors
    from gridpay.ingest.reworded_doors import reworded_doors
    from gridpay.ingest.shared_homes import homes_in_two_grids
    from gridpay.ingest.unitless_doors import groupless_doors, unitless_doors
    doubts = []
    # an answer an upheld appeal of the month takes out is left out: HR followed the advice
    work, month, fmt = ctx.workdir, ctx.month, ctx.request.output_format or 1
    # compounds grids.csv lists for no grid: a stop where the policy says so (pipeline/file_stops.py)
    unlisted = ctx.policy.outcome.unlisted_compounds != "stop"
    for grid in mixed_compounds(work, ctx.policy.compound_suffix_dropped, month, unlisted):    # door numbers repeat
        listed = grid.unnamed and grid.repeated_doors       # its first line then: the doubt listed below
        for index, line in enumerate(grid.lines()):
            log.warning("%s", line, extra=ON_SCORECARD if listed and index == 0 else None)
        if listed:
            doubts.append(_doubt("compounds", grid.grid_id, grid.grid_name, grid.repeated_doors,
                                 [f"'{door}'（{_named(ids)}）" for door, ids in grid.shown]))
    reworded = reworded_doors(work, LISTED, month, floors=fmt >= FLOORS)
    lettered = lettered_doors(work, LISTED, month) if fmt >= LETTERED else []
    for kind, found in (("prefixed", prefixed_doors(work, LISTED, month, by_numbers=fmt >= NUMBERED)),
                        ("unitless", unitless_doors(work, LISTED, month)),
                        ("groupless", groupless_doors(work, LISTED, month)), ("reworded", reworded),
                        ("lettered", lettered),
                        ("alias_doors", alias_doors(work, LISTED, month)),
                        # output format 17: an audit of an earlier month's scorecard lists no such kind
                        ("phone_doors", phone_doors(work, LISTED, month) if fmt >= PHONE_DOORS else []),
                        ("alike_compounds", alike_compounds(work, ctx.policy.compound_suffix_dropped, month,
                                                            short_names=fmt >= SHORT_NAMES, phases=fmt >= PHASES))):
        for doors in found:     # from format 18 invisible characters named: trial 116's pair read alike, '12栋...'
            seen = visible if fmt >= SEEN else str
            log.warning("%s", seen(doors.line()), extra=ON_SCORECARD)
            listed = getattr(doors, "both_listed", False)     # '=' cannot make them one (trial 166's re-check)
            doubts.append(_doubt("listed_compounds" if listed else kind, doors.grid_id, doors.grid_name, doors.pairs,
                                 [f"'{seen(a)}' / '{seen(b)}'" for a, b in doors.shown]))
    _say_streets_key(ctx, reworded + lettered)
    homes = homes_in_two_grids(work, ctx.policy.compound_suffix_dropped, month=month)
    for index, home in enumerate(homes):
        if index < MANY_HOMES:
            log.warning("%s", home.line(), extra=ON_SCORECARD)
        doubts.append(_doubt("two_grids", home.answers[0][0], home.answers[0][1], len(home.answers),
                             [f"{home.home}（{', '.join(f'{gid} {rid}' for gid, _, rid in home.answers)}）"]))
    if homes and homes[0].of > MANY_HOMES:
        log.warning("%s", _many_homes(homes[0].of), extra=ON_SCORECARD)
    if (ctx.request.output_format or 1) >= 3:
        record_household_doubts(ctx.settings.db, ctx.run_id, doubts)
    say_split_names(ctx)                # a split grid's old name: answers whose half cannot be told
    say_aliases_like_other_grids(ctx)   # an alias given to another grid than the one it reads like
    say_ditto_doors(ctx)                # 〃2单元402: the building of the row above, not typed (trial 293)
    say_few_unknown_grid_answers(ctx)   # a grid grids.csv lacks, too few to stop (3栋): validated, in no grid


# keys a policy copied before them may lack that read a pair the run names as one home: (the reading's field, the
# policy's key, since, what it reads)
ONE_HOME_KEYS = (("door_streets", "door_number_streets", "2027.11", "a street's house with or without 号, 第 or #"),
                 ("door_look_alikes", "door_number_look_alikes", "2027.18", "a letter typed for a digit, 4O1 or 10l"),
                 ("door_room_parts", "door_number_room_parts", "2027.20", "a rented room's 401-2 as 401之二, a "
                  "basement's B2-08 as 负二层8号"),
                 ("door_separators", "door_number_separators", "2027.21", "a door typed 4/3/501 or 5.3.302"),
                 ("door_yards", "door_number_yards", "2027.22", "a 胡同's house with or without 号, 12号东屋 as "
                  "12号院东屋, a 底商 as a shop front"),
                 ("door_spaced_places", "door_number_spaced_places", "2027.33", "numbers a space apart after a "
                  "compound's name, 一区 4 2 301 as 一区4-2-301"),
                 ("door_gates", "door_number_gates", "2027.34", "a unit written 门 before a room read out in "
                  "numerals, 5号楼1门三零二 as 5栋1单元302"))


def _say_streets_key(ctx: RunContext, reworded: list) -> None:
    """Pairs a policy without survey.door_number_streets (or door_number_look_alikes) names that the key reads as one
    home: a ninety-fourth trial's HR, on its own policy copied before the key, was told to retype the paper sheet or
    appeal each repeat."""
    from dataclasses import replace
    from gridpay.ingest.survey_files import survey_reading
    from gridpay.ingest.survey_values import door_rules
    from gridpay.transforms.door_numbers import normalized_household
    reading = survey_reading(ctx.policy)
    for field, key, since, what in ONE_HOME_KEYS:
        if getattr(reading, field):
            continue
        rules = door_rules(replace(reading, **{field: True}))
        one = sum(normalized_household(a, *rules) == normalized_household(b, *rules) for d in reworded for a, b in d.shown)
        if one:
            log.warning("%d of the pairs above %s one home by survey.%s (the shipped policy's since %s: %s), which "
                        "policy %s does not have: to read them so, add `%s = true` under its [survey] with a new version",
                        one, "is" if one == 1 else "are", key, since, what, ctx.policy.version, key)


def _many_homes(count: int) -> str:
    return (f"{count} homes answered for two grids each (the first {MANY_HOMES} above): so many at once is more "
            f"likely one download read for another grid's answers (another community's file under this one's name, "
            f"or a copy of a download) than residents choosing a grid they are not in, unless a grid was split or "
            f"buildings handed over since (then residents choosing the grid they knew read so); check the survey files "
            f"(gridpay inspect) before setting answers aside with appeals (the scorecard lists the homes)")


def _doubt(kind: str, grid_id: str, grid_name: str, count: int, shown: list[str]) -> dict:
    return {"kind": kind, "grid_id": grid_id, "grid_name": grid_name, "count": count, "shown": "；".join(shown)}


def _named(ids) -> str:
    """'79 南湖家园二期, P22 未填小区': each answer of a door number with the compound it names, or none."""
    return ", ".join(f"{rid} {compound or '未填小区'}" for rid, compound in ids)
