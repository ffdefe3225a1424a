"""The commands HR uses before a month is run: `gridpay inspect` (how a download will be read,
nothing stored, phones masked) and `gridpay questionnaire` (the recommended form, with the grids of
grids.csv as the options)."""
from __future__ import annotations

import argparse
from dataclasses import replace

from gridpay.core.logs import CommandLog
from gridpay.core.settings import absolute
from gridpay.flows.commands import settings_for


def _policy(args: argparse.Namespace):
    from gridpay.core.policy_file import load_policy
    return load_policy(settings_for(args).policy)


def inspect(args: argparse.Namespace, logs: CommandLog) -> int:
    """A download checked before the run: nothing is stored, phone numbers are masked."""
    from gridpay.core.errors import InputError
    from gridpay.ingest.formats import Source
    from gridpay.ingest.survey_files import survey_reading
    from gridpay.ingest.survey_inspect import inspect_lines
    from gridpay.transforms.typed_numbers import masked_any_way
    path = absolute(args.file)
    from gridpay.ingest.inbox import refuse_undecodable_name
    refuse_undecodable_name(path.name)
    if not path.is_file():
        raise InputError(str(path), "no such file")
    grids, aliases, spanning, listed = _grids(args)
    policy = _policy(args)
    scale = (policy.scale_min, policy.scale_max) if policy.outcome.form_answers == "stop" else None
    shown = masked_any_way(path.name)      # trial 162's 张阿姨13987654321补录.xlsx was printed in clear
    reading = replace(survey_reading(policy), listed_compounds=listed)     # as a run reads the file
    lines = inspect_lines(Source(shown, path), reading, list(grids), grids=grids, aliases=aliases,
                          spanning=spanning, form_scale=scale)
    if shown != path.name:
        lines.insert(1, "a run stops on this file's name: it holds a phone or ID number, which gridpay would write into "
                        "the run's record, the manifest and quarantine.csv; rename the file")
    print("\n".join(lines))
    return 0


def _grids(args: argparse.Namespace) -> tuple[dict[str, str], dict[str, str], tuple[str, ...], tuple[str, ...]]:
    """grids.csv's ids and names in order when the inbox has one (a codes export numbers grids so), its
    aliases (alias -> grid id: an answer naming one is the grid's, as in a run), the grids it
    gives more than one compound, and the compounds it lists."""
    from gridpay.ingest.formats import read_table
    from gridpay.ingest.grid_aliases import grid_aliases, listed_compounds
    from gridpay.ingest.grid_compounds import spanning_grids
    grids = settings_for(args).inbox / "grids.csv"
    if not grids.is_file():
        return {}, {}, (), ()
    table = read_table(grids, "grids", _policy(args).aliases).dropna(subset=["grid_id"])
    listed = tuple(sorted({c for names in listed_compounds(table).values() for c in names}))
    return (dict(zip(table["grid_id"], table["grid_name"].fillna(""))), grid_aliases(table), tuple(spanning_grids(table)),
            listed)


def questionnaire(args: argparse.Namespace, logs: CommandLog) -> int:
    from gridpay.core.errors import InputError
    from gridpay.ingest.formats import read_table
    from gridpay.reports.questionnaire import questionnaire_text
    s, policy = settings_for(args), _policy(args)
    if not (s.inbox / "grids.csv").is_file():
        raise InputError("grids.csv", f"is missing from the inbox {s.inbox}")
    grids = read_table(s.inbox / "grids.csv", "grids", policy.aliases)
    from gridpay.ingest.staging import refuse_unread_grid_columns
    refuse_unread_grid_columns(grids, replay=False)     # trial 244's form lacked the 小区 question `run` stopped on
    grids, community = _community_grids(grids, getattr(args, "community", None), s.community)
    from gridpay.ingest.grid_aliases import listed_compound_names, refuse_list_commas
    refuse_list_commas(grids)                # 柏林花园、柏林新村 printed as one option (trial 169)
    cells = [listed_compound_names(cell) for cell in grids.get("compounds", ())]
    compounds = tuple(dict.fromkeys(name for names in cells for name in names))
    print(questionnaire_text(community, list(grids["grid_name"].dropna()), policy.items, policy.questions,
                             compounds, optional_compound=not all(cells), options=policy.form_words).rstrip("\n"))
    return 0


def _community_grids(grids, chosen: str | None, project: str = ""):
    """(grids.csv's rows of the form's community, its name): one form per community, each named for it (a
    forty-sixth trial's one form for two communities listed 第一网格 twice, and its download, named for both,
    was read as the first's). Without --community, gridpay.toml's community where grids.csv names it, or
    names none (a sixty-fourth trial's form was titled for no community)."""
    from gridpay.core.errors import ConfigError
    named = list(dict.fromkeys(grids["community"].dropna())) if "community" in grids.columns else []
    if chosen is None and project and (project in named or not named):
        if not named:
            return grids, project
        chosen = project
    if chosen is None and len(named) > 1:
        raise ConfigError(f"grids.csv names {len(named)} communities ({', '.join(named)}): each asks its residents on "
                          f"a form of its own, named for it; print one with --community, e.g. gridpay questionnaire "
                          f"--community {named[0]}")
    if chosen is not None and chosen not in named:
        raise ConfigError(f"--community {chosen}: grids.csv names no such community ({', '.join(named) or 'none'})")
    return (grids[grids["community"] == chosen], chosen) if chosen is not None else (grids, "、".join(named))
