"""A pooled grid's window holding months whose runs read homes by other rules. Their answers count as those
runs read them (households, compounds), so a home today's rules read otherwise may count twice. A
fifty-third trial upgraded gridpay in September: July's 马家村3组12号 of a shortened compound stayed 村3组12
beside September's 3组12 (10 homes for 9, W05 paid 300.00 less, nothing said). Only the rules that read
a home are compared: a fifty-seventh trial raised min_responses under a new version and was told to re-pay
two finalized months for a door-number reason that did not apply."""
from __future__ import annotations

import logging

import pandas as pd

from gridpay.pipeline.context import RunContext
from gridpay.pipeline.run_notices import headed
from gridpay.pipeline.policy_versions import archived_policy, changed_rules, policy_sha
from gridpay.core.wording import listed
from gridpay.ingest.grid_aliases import grid_aliases, listed_compounds
from gridpay.store.warehouse import connect

log = logging.getLogger("gridpay")
# the survey's rules that read a typed home (a door number, a compound), and the rules that say which
# answers are one home (a grid's, a month's, a window's); rules moving an answer between grids are not these
HOME_SWITCHES = {"door_number_dashes", "door_number_variants", "door_number_suffixes", "door_number_rooms",
                 "door_number_floors", "door_number_houses", "door_number_numerals", "door_number_streets",
                 "door_number_dates", "door_number_look_alikes", "door_number_basements",
                 "door_number_room_parts", "door_number_separators", "door_number_yards",
                 "one_compound_aliases", "household_compound", "one_compound_grids", "compound_suffix_dropped",
                 "compound_in_door_number", "grid_compound_in_door_number", "listed_compound_in_door_number",
                 "other_grid_compound_homes", "door_after_listed_name", "alias_compound_rules"}
HOME_RULES = {"scoring.household_scope", "scoring.window_homes_by_door", "scoring.window_homes_by_compound",
              "scoring.window_compound_names", "integrity.dedupe_household", "integrity.same_time_said"}


def home_rules_changed(before, after) -> list[str]:
    """The rules reading a home that differ between two parsed policies, as the policy file names them."""
    return [f"survey.{name}" if name in HOME_SWITCHES else name
            for name in changed_rules(before, after) if name in HOME_SWITCHES or name in HOME_RULES]


ALIAS_RULE = "survey.alias_compound_rules"     # reads a home otherwise only in a grid answered by an alias


def _window_months(ctx: RunContext) -> dict[str, tuple[str, tuple[str, ...]]]:
    """month -> (its policy version, the home rules it read otherwise) for each month of the run's windows read by
    other home rules; (version, ()) for one recorded before the warehouse kept compounds (migration 14)."""
    with connect(ctx.settings.db) as con:
        rows = con.execute("select w.month, r.policy_version, r.inputs_json, w.window_run_id in (select run_id from "
                           "raw_grid_compounds) from run_windows w join runs r on r.run_id = w.window_run_id "
                           "where w.run_id = ? order by w.month", [ctx.run_id]).fetchall()
    months = {}
    for month, version, inputs, recorded in rows:
        if not recorded:
            months[month] = (version, ())
            continue
        sha = policy_sha(inputs)
        if sha is None or sha == ctx.inputs.policy_file.sha256:
            continue
        theirs = archived_policy(ctx.settings.archive, sha, ctx.archive_keys)     # None: purged or unreadable
        if theirs is not None and (rules := home_rules_changed(theirs, ctx.policy)):
            months[month] = (version, tuple(rules))
    return months


def _aliased_grids(ctx: RunContext) -> set[str] | None:
    """The grids whose aliases survey.alias_compound_rules reads with their compounds (grids.csv as staged);
    None: not known (every grid then counts as one)."""
    staged = ctx.workdir / "grids.parquet"
    if not staged.exists():
        return None
    grids = pd.read_parquet(staged)
    listed = listed_compounds(grids)
    return {gid for gid in grid_aliases(grids).values()
            if gid in listed and (len(listed[gid]) > 1 or ctx.policy.one_compound_aliases)}


DOOR_RULES = "survey.door_number_"


def _doors_read_otherwise(ctx: RunContext, grid: str, month: str) -> bool:
    """Would today's door-number rules read a home of the grid's counted answers in the month's window run otherwise?
    Each as that run read it (its compound, then its door), read again: a rule added since reads only forms the
    earlier rules left as typed, so a door read otherwise is one today's rules read otherwise."""
    from gridpay.ingest.survey_files import survey_reading
    from gridpay.ingest.survey_values import door_rules
    from gridpay.transforms.door_numbers import normalized_household
    with connect(ctx.settings.db) as con:
        homes = [h for (h,) in con.execute(
            "select distinct s.household_id from run_windows w join counted_responses c on c.run_id = w.window_run_id "
            "join raw_surveys s on s.run_id = c.run_id and s.row_id = c.row_id where w.run_id = ? and w.month = ? "
            "and c.grid_id = ? and s.household_id is not null", [ctx.run_id, month, grid]).fetchall()]
    rules = door_rules(survey_reading(ctx.policy))
    return any(normalized_household(door, *rules) != door for door in (h.rpartition(" ")[2] for h in homes))


def _said(month: str, version: str, rules: tuple[str, ...]) -> str:
    return (f"{month} (policy {version}: {', '.join(rules)})" if rules
            else f"{month} (published before gridpay kept each month's compounds)")


def say_window_read_before(ctx: RunContext) -> None:
    """Warn where a pooled grid's window holds months whose homes were read by other rules."""
    with connect(ctx.settings.db) as con:
        pooled = con.execute("select grid_id, window_months from grid_scores where run_id = ? and "
                             "contains(flags, 'pooled') order by grid_id", [ctx.run_id]).fetchall()
    months = _window_months(ctx) if pooled else {}
    aliased = _aliased_grids(ctx) if any(ALIAS_RULE in rules for _, rules in months.values()) else None

    def rules_for(grid: str, month: str) -> tuple[str, ...] | None:
        """The rules reading the grid's homes otherwise in the month; None: none (a hundred-and-second trial's
        policy adopting survey.alias_compound_rules was told to re-run the windows of grids with no alias)."""
        if month not in months:
            return None
        rules = months[month][1]
        kept = tuple(r for r in rules if r != ALIAS_RULE or aliased is None or grid in aliased)
        if kept and all(r.startswith(DOOR_RULES) for r in kept) and not _doors_read_otherwise(ctx, grid, month):
            return None         # trial 192's re-check: door_number_yards adopted, no door of its read otherwise
        return kept if kept or not rules else None

    # each grid with the months of its own window read otherwise (a trial's line named a grid whose window held none)
    read = {(g, m): rules for g, window in pooled for m in (window or "").split(",")
            if (rules := rules_for(g, m)) is not None}
    grids = sorted({g for g, _ in read})
    shown = sorted({m for _, m in read})
    if grids:
        other = {m: _said(m, months[m][0], tuple(dict.fromkeys(r for (_, mm), rs in read.items() if mm == m
                                                              for r in rs))) for m in shown}
        log.warning("%s pooled with %s, whose homes were read by other rules than this run's policy %s: their "
                    "answers count as those runs read them, so a home today's rules read otherwise (a door number, "
                    "a compound) may count twice; to read them alike, re-run %s on today's policy and the reference "
                    "files it was published with (gridpay run --month %s --reference published --take policy "
                    "--reason \"...\"), which may change their pay", listed(tuple(grids)),
                    ", ".join(other[m] for m in shown), ctx.policy.version, "it" if len(shown) == 1 else "them",
                    shown[0], extra=headed("pooled_window"))
