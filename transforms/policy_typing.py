"""The policy's rules for reading survey cells as people type them ([survey]'s door-number, compound,
date and answer-word keys): each key absent from a policy written before it reads as before, so an
archived month reproduces. Parsed into transforms/policy.py's Policy."""
from __future__ import annotations

import re

from gridpay.transforms.folding import folded
from gridpay.transforms.policy_sections import PolicyError, choice_of

IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def typing_rules(doc: dict) -> dict:
    """How survey cells typed by people are read (each key absent in a policy from before it: as typed)."""
    survey = doc.get("survey", {})
    return dict(
        door_number_dashes=bool(survey.get("door_number_dashes", False)),
        door_number_variants=bool(survey.get("door_number_variants", False)),
        door_number_suffixes=bool(survey.get("door_number_suffixes", False)),
        door_number_rooms=bool(survey.get("door_number_rooms", False)),
        door_number_dates=choice_of(doc, "survey.door_number_dates", ("invalid", "as_typed"))
        == "invalid" if "door_number_dates" in survey else False,
        one_compound_aliases=bool(survey.get("one_compound_aliases", False)),
        household_compound=bool(survey.get("household_compound", False)),
        one_compound_grids=bool(survey.get("one_compound_grids", False)),
        compound_suffix_dropped=bool(survey.get("compound_suffix_dropped", False)),
        compound_in_door_number=bool(survey.get("compound_in_door_number", False)),
        grid_compound_in_door_number=bool(survey.get("grid_compound_in_door_number", False)),
        masked_phones_shown_digits=choice_of(doc, "survey.masked_phones", ("shown_digits", "as_typed"))
        == "shown_digits" if "masked_phones" in survey else False,
        written_times=bool(survey.get("written_times", False)),
        clock_durations=bool(survey.get("clock_durations", False)),
        yearless_dates=choice_of(doc, "survey.yearless_dates", ("run_month", "invalid"))
        == "run_month" if "yearless_dates" in survey else False,
        channel_words={folded(str(k)).strip(): str(v) for k, v in survey.get("channel_words", {}).items()},
        ambiguous_dates=choice_of(doc, "survey.ambiguous_dates", ("invalid", "month_first"))
        if "ambiguous_dates" in survey else "month_first",
        answer_words=_answer_words(survey),
        survey_aliases=header_aliases(survey.get("aliases", {}), "survey.aliases"),
        file_id_prefixes=tuple((str(k), str(v).strip()) for k, v in survey.get("file_id_prefixes", {}).items()),
    )


def _answer_words(survey: dict) -> dict[str, str]:
    words = {folded(str(k)).strip(): v for k, v in survey.get("answer_words", {}).items()}
    low, high = int(survey.get("scale_min", 1)), int(survey.get("scale_max", 5))
    wrong = [k for k, v in words.items() if isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high]
    if wrong:
        raise PolicyError(f"policy survey.answer_words: {wrong[0]!r} must be a point of the scale, {low} to {high}")
    return {k: str(v) for k, v in words.items()}


def header_aliases(aliases: dict, name: str) -> dict[str, str]:
    """[aliases] (and [survey.aliases], a survey file's own): a header as HR's sheets type it -> the
    column it is ("网格" = "grid_id"); a table written the other way round (grid_id = ["网格"]) is
    refused, not read as a header 'grid_id'."""
    for header, column in aliases.items():
        if not isinstance(column, str) or not IDENTIFIER.match(column):
            raise PolicyError(f"policy {name}: {header!r} = {column!r}: each alias is a header as typed = the "
                              f"column it is, e.g. \"网格\" = \"grid_id\"")
    return {str(k).strip(): v for k, v in aliases.items()}
