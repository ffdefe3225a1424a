"""The policy's rules for reading survey cells as people type them ([survey]'s door-number, compound,
date and answer-word keys): each key absent from a policy written before it reads as before, so an
archived month reproduces. Parsed into transforms/policy.py's Policy."""
from __future__ import annotations

import re

from gridpay.transforms.folding import folded
from gridpay.transforms.policy_sections import PolicyError, choice_of

IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


# rules that are on or off; each absent from a policy written before it: off
SWITCHES = ("numeral_doors_worded", "door_number_dashes", "door_number_variants", "door_number_suffixes", "door_number_rooms",
            "door_number_floors", "one_compound_aliases", "household_compound", "one_compound_grids",
            "compound_suffix_dropped", "compound_in_door_number", "grid_compound_in_door_number",
            "listed_compound_in_door_number", "written_times", "clock_durations", "items_required",
            "csv_totals_rows_set_aside", "door_number_houses", "note_rows_set_aside",
            "door_number_numerals", "door_number_streets", "answer_marks_dropped", "channel_words_within", "dotted_dates",
            "grid_names_by_file", "other_months_near", "csv_rows_complete", "grid_by_compound",
            "grid_numbers_refused", "codes_export_words", "other_grid_compound_homes", "door_after_listed_name",
            "grid_by_compound_taken", "answer_text_cleaned", "unsaved_formulas_refused", "alias_compound_rules",
            "rounded_phones_unread", "door_number_look_alikes", "typed_durations_unread",
            "door_number_basements", "door_number_room_parts", "door_number_separators", "door_number_yards",
            "door_number_spaced_places", "door_number_gates", "digit_compound_doors",
            "door_parts_typed", "door_parts_rooms", "header_scales", "two_phones_by_grid", "grid_invisible_dropped",
            "grid_dots_dropped", "unread_compounds_refused", "landline_mobile_cells",
            "lone_rounded_phones_unread", "title_legends_checked", "group_doors_invalid")


def typing_rules(doc: dict) -> dict:
    """How survey cells typed by people are read (each key absent in a policy from before it: as typed)."""
    survey = doc.get("survey", {})

    def chosen(key: str, allowed: tuple[str, str]) -> bool:
        """A two-way key set to its first word; absent: the second (the rule before it)."""
        return key in survey and choice_of(doc, f"survey.{key}", allowed) == allowed[0]
    return dict(
        **{key: bool(survey.get(key, False)) for key in SWITCHES},
        door_number_dates=chosen("door_number_dates", ("invalid", "as_typed")),
        masked_phones_shown_digits=chosen("masked_phones", ("shown_digits", "as_typed")),
        two_phone_cells_checked=chosen("two_phone_cells", ("checked", "unread")),
        comment_phones_all=chosen("comment_numbers", ("all", "mobiles")),
        duplicate_columns_refused=chosen("duplicate_columns", ("refused", "first")),
        reworded_questions=chosen("reworded_questions", ("one", "stop")),
        sheet_scales_checked=chosen("sheet_scales", ("checked", "as_typed")),
        # "no_number" (policy 2027.17): a door with no number at all (保密) too; trial 146's two 保密 were one home
        unknown_doors_invalid="unknown_doors" in survey and choice_of(
            doc, "survey.unknown_doors", ("no_number", "invalid", "as_typed")) != "as_typed",
        numberless_doors_invalid=survey.get("unknown_doors") == "no_number",
        yearless_dates=chosen("yearless_dates", ("run_month", "invalid")),
        channel_words={folded(str(k)).strip(): str(v) for k, v in survey.get("channel_words", {}).items()},
        ambiguous_dates=choice_of(doc, "survey.ambiguous_dates", ("invalid", "month_first", "by_file"))
        if "ambiguous_dates" in survey else "month_first",
        answer_words=_answer_words(survey),
        form_words=_form_words(survey),
        survey_aliases=header_aliases(survey.get("aliases", {}), "survey.aliases"),
        file_id_prefixes=tuple((str(k), str(v).strip()) for k, v in survey.get("file_id_prefixes", {}).items()),
        file_grids=tuple((str(k), str(v).strip()) for k, v in survey.get("file_grids", {}).items()),
        other_questions=_texts(survey, "other_questions") if "other_questions" in survey else None,
        door_parts=_texts(survey, "door_parts"),
        house_compounds=_texts(survey, "house_compounds"),
    )


def _texts(survey: dict, key: str) -> tuple[str, ...]:
    """A list of texts (policy 2027.16: survey.other_questions, survey.door_parts; 2027.19: survey.house_compounds)."""
    value = survey.get(key, [])
    if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
        raise PolicyError(f"policy survey.{key} must be a list of texts in quotes: [\"楼栋\", \"单元\"]")
    return tuple(t.strip() for t in value)


def _answer_words(survey: dict) -> dict[str, str]:
    """A word -> its point as text; "blank" (policy 2027.1: 不了解, a form's "no opinion") -> "" (not answered)."""
    words = {folded(str(k)).strip(): v for k, v in survey.get("answer_words", {}).items()}
    low, high = int(survey.get("scale_min", 1)), int(survey.get("scale_max", 5))
    wrong = [k for k, v in words.items() if v != "blank" and (
        isinstance(v, bool) or not isinstance(v, int) or not low <= v <= high)]
    if wrong:
        raise PolicyError(f"policy survey.answer_words: {wrong[0]!r} must be a point of the scale, {low} to {high}, "
                          f"or \"blank\"")
    return {k: "" if v == "blank" else str(v) for k, v in words.items()}


def _form_words(survey: dict) -> tuple[str, ...]:
    """survey.form_words (policy 2027.28): the form's options, top first, each read as a point of the scale, lower
    each (gridpay questionnaire asks with them; the notice names them); (): the shipped words, as before (trial 215's
    很满意 ... 很不满意 form was printed with 非常满意 ..., and its notice named words its residents never saw). The
    shipped five left as they are in a policy whose answer_words read them otherwise (trial 170's three-option form,
    满意 = 5) are no form of its own: (), as before."""
    from gridpay.transforms.parsing import LIKERT_WORDS
    if "form_words" not in survey:
        return ()
    words, read = _texts(survey, "form_words"), {**LIKERT_WORDS, **_answer_words(survey)}
    points = [read.get(folded(word).strip()) for word in words]
    if words == ("非常满意", "满意", "基本满意", "不满意", "非常不满意") and points != list("54321"):
        return ()
    for word, point in zip(words, points):
        if not point:
            raise PolicyError(f"policy survey.form_words: {word!r} is read as nothing: give it the point it means on "
                              f"your form in [survey.answer_words] (\"{word}\" = 4, say)")
    if any(int(a) <= int(b) for a, b in zip(points, points[1:])):
        # the point a word is read as is what it means: never re-pointed to fit an order (trial 215's re-check,
        # told to give 满意 5, read the whole scale upside down and published it)
        ordered = sorted(zip(words, points), key=lambda wp: -int(wp[1]))
        raise PolicyError(f"policy survey.form_words: the options are read as {', '.join(f'{w} {p}' for w, p in zip(words, points))}: "
                          f"a form's options go from its top down, one point each, so put the words in the order of "
                          f"their points ({', '.join(w for w, _ in ordered)}); two read as one point are two readings of "
                          f"one option: keep one")
    return words


def header_aliases(aliases: dict, name: str) -> dict[str, str]:
    """[aliases] (and [survey.aliases], a survey file's own): a header as HR's sheets type it -> the
    column it is ("网格" = "grid_id"); a table written the other way round (grid_id = ["网格"]) is
    refused, not read as a header 'grid_id'."""
    for header, column in aliases.items():
        if not isinstance(column, str) or not IDENTIFIER.match(column):
            raise PolicyError(f"policy {name}: {header!r} = {column!r}: each alias is a header as typed = the "
                              f"column it is, e.g. \"网格\" = \"grid_id\"")
    return {str(k).strip(): v for k, v in aliases.items()}
