"""The pay policy as a typed value, parsed from TOML text (reading the file is the flows' job)."""
from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass, field
from decimal import Decimal

from gridpay.transforms.platform_layouts import PlatformLayout
from gridpay.transforms.coefficient_rule import CoefficientRule, coefficient_rule
from gridpay.transforms.policy_sections import (  # noqa: F401  (the sections are named from here too)
    INTEGRITY_SWITCHES, IntegrityRules, OutcomeRules, PolicyError, ScoringRules, at_least_two, choice_of, decimal_of, get_key,
    outcome_rules, thin_grid_rules)
from gridpay.transforms.review_cycle import ReviewCycle, review_cycle
from gridpay.transforms.policy_survey import survey_platform
from gridpay.transforms.policy_typing import IDENTIFIER, header_aliases, typing_rules
from gridpay.transforms.rounding import RULES

@dataclass(frozen=True)
class Policy:
    version: str
    sha256: str
    items: tuple[str, ...]
    item_weights: dict[str, Decimal]
    overall_item: str
    callback_at_or_below: int
    scale_min: int
    scale_max: int
    channels: tuple[str, ...]
    max_invalid_share: float
    integrity: IntegrityRules
    scoring: ScoringRules
    coefficient: CoefficientRule
    rounding: str
    budget: str                                 # "target" or "neutral"
    budget_pool: str                            # a neutral pool's scope: "community" (the payer's) or "month" (before)
    comments_in_worker_scorecard: bool
    payroll_artifact: bool                      # the per-worker pay table as a Prefect artifact
    aliases: dict[str, str]
    questions: dict[str, str]                   # canonical column -> text its platform question contains
    sources: dict[str, str]                     # platform 来源 -> channel
    option_codes: dict[str, str]                # codes export: option number -> answer (5 = best)
    platforms: tuple[PlatformLayout, ...]       # survey-platform layouts, tried in this order
    timezone: str                               # survey times are local times in this zone
    outcome: OutcomeRules = OutcomeRules()
    review: ReviewCycle = ReviewCycle()
    max_duration_s: int | None = None           # a longer duration_s is invalid; None: a policy from before the rule
    door_number_dashes: bool = False            # '3-2-301' read as 3栋2单元301; False: a policy from before the rule
    door_number_variants: bool = False          # 7栋1-101, 七栋一单元101, 7座... read as 7栋1单元101; False: before
    door_number_suffixes: bool = False          # 5栋1单元1201号, 201户, 6幢2-502 read so too; False: before
    door_number_rooms: bool = False             # 5号楼302室, 5-302 read as 5栋302, 二零一 as 201; False: before
    door_number_floors: bool = False            # 3栋2单元12楼01, 3-2-12-01 read as 3栋2单元1201; False: before
    note_rows_set_aside: bool = False           # a note alone in its row under a sheet's answers; False: invalid (before)
    door_number_houses: bool = False            # 七弄五号三零一, 7弄5-301 read as 7弄5号301, 12弄21号 as 12弄21; False: before
    door_number_numerals: bool = False   # 叁组拾伍号 read as 三组十五号 (then 3组15); False: before
    door_number_streets: bool = False    # 梧桐路18, 梧桐路第18号, 梧桐路18# read as 梧桐路18号; 1 1 202 as 1-1-202
    door_number_look_alikes: bool = False    # 4O1, 10l read as 401, 101; invisible characters dropped (2027.18)
    door_number_basements: bool = False      # 5栋-1层, 5栋负一层 read as 5栋负1层, not the first floor (2027.19)
    door_number_room_parts: bool = False     # 401-2 as 401之二, 地下室5号 as 负1层5号: rented rooms (2027.20)
    answer_marks_dropped: bool = False          # 非常满意。 read as 非常满意; False: invalid (before)
    answer_text_cleaned: bool = False           # 不满意〖下水道堵了〗, 满意(5分), 满意+zero-width read as the word (2027.5)
    channel_words_within: bool = False          # 入户调查, 纸质版 read as visit, paper; False: invalid (before)
    dotted_dates: bool = False                  # 10.14 read as 10月14日 (yearless_dates); False: invalid (before)
    grid_names_by_file: bool = False            # a name two grids share: its file's community's; False: the last's
    grid_by_compound: bool = False              # an answer to a grid naming another grid's compound: that grid's
    grid_by_compound_taken: bool = False        # ... of several grids listing it: the one that took it from the grid named
    grid_numbers_refused: bool = False          # a codes export's grid numbers refused; False: read in grids.csv order
    codes_export_words: bool = False            # ... one with a few words among its numbers is one (2027.34)
    other_grid_compound_homes: bool = False     # a one-compound grid's answer naming another grid's compound keeps it
    door_after_listed_name: bool = False        # 刘家湾村4组13号 typed in 刘家湾 (of 刘家湾村) is 4组13; False: 村4组13
    other_months_near: bool = False             # rows set aside as other months' within -3..+1 years; False: any
    csv_rows_complete: bool = False             # a survey CSV row of fewer or more cells than its header stops; False: padded
    door_number_dates: bool = False             # a door number Excel made a date (2012-01-03) is invalid; False: before
    household_compound: bool = False            # a survey row's compound (小区) is part of its household; False: before
    one_compound_grids: bool = False            # a grid of one compound (grids.csv): homes by door alone; False: before
    one_compound_aliases: bool = False          # so too for an answer by a grid's alias; False: compound kept (before)
    compound_suffix_dropped: bool = False       # 丽都家园小区 is the compound 丽都家园; False: as typed (before)
    masked_phones_shown_digits: bool = False    # 138****5678 by its shown digits (a worker's, or none); False: before
    two_phone_cells_checked: bool = False       # a cell of two numbers, one a worker's: hers (2027.12); False: none
    landline_mobile_cells: bool = False         # ... a landline and a mobile too (2027.35); False: one number
    comment_phones_all: bool = False            # a comment's landlines, dotted mobiles masked (2027.13); False: mobiles
    duplicate_columns_refused: bool = False     # two headers of a sheet read as one column, unlike (2027.14); False: 1st
    reworded_questions: bool = False            # an item's question asked by two headers read as one (2027.15)
    questions_also: dict[str, tuple[str, ...]] = field(default_factory=dict)  # its other texts (a list: 2027.15)
    sheet_scales_checked: bool = False          # a typed sheet's own legend, its answers above the scale (2027.15)
    title_legends_checked: bool = False         # ... a legend above its header too (2027.36); False: under it alone
    unknown_doors_invalid: bool = False         # a door number typed 看不清, 不详: invalid (2027.15); False: a home
    numberless_doors_invalid: bool = False      # a door with no number at all (保密): invalid too (2027.17)
    numeral_doors_worded: bool = False          # ... or a numeral in a name alone (王二婶家, 刘三爷): invalid (2027.32)
    group_doors_invalid: bool = False           # ... or a village group alone (5组, 6队), a door of 0: invalid (2027.37)
    rounded_phones_unread: bool = False         # a sheet's phones Excel rounded (15955600000): unreadable (2027.17)
    lone_rounded_phones_unread: bool = False    # ... one alone ending in 000000 too (15200000000, 2027.36)
    typed_durations_unread: bool = False        # a sheet typed by hand: its durations not read (2027.18)
    alias_compound_rules: bool = False          # an answer by a grid's alias read with its compounds (2027.12)
    yearless_dates: bool = False                # 10月3日 read as a day of the run's month; False: invalid (before)
    written_times: bool = False                 # 9号, 14时30分, 下午3:20 read as written on paper; False: invalid
    clock_durations: bool = False               # a duration written 00:02:05 is 125 s; False: invalid (before)
    compound_in_door_number: bool = False       # 桂花苑3栋201 answered in 桂花苑 is 3栋201; False: as typed (before)
    grid_compound_in_door_number: bool = False  # ... or in a grid grids.csv lists with 桂花苑 alone; False: before
    listed_compound_in_door_number: bool = False  # ... or with 王庄 among others; False: before
    items_required: bool = False                # a survey file without an item stops; False: left out (before)
    csv_totals_rows_set_aside: bool = False     # a CSV's 合计 row set aside as a sheet's; False: invalid (before)
    unsaved_formulas_refused: bool = False      # a workbook's formula cells with no value saved refused; False: said
    channel_words: dict[str, str] = field(default_factory=dict)  # a channel typed in words (纸质) -> channel; {}: before
    ambiguous_dates: str = "month_first"        # '10/08/2026': "invalid", "by_file" (2027.4), or month-first (before)
    answer_words: dict[str, str] = field(default_factory=dict)  # an answer in words (比较满意) -> its point; {}: before
    form_words: tuple[str, ...] = ()            # the form's options, top first (2027.28); (): the shipped five
    phone_questions: tuple[str, ...] = ()       # 联系电话, 手机号: a download's phone question worded otherwise; (): before
    survey_aliases: dict[str, str] = field(default_factory=dict)  # a survey file's own headers (手机号); {}: before
    file_id_prefixes: tuple[tuple[str, str], ...] = ()  # (text in a survey file's name, prefix of its ids); (): none
    file_grids: tuple[tuple[str, str], ...] = ()  # (text in a download's name, its grid): one form per grid (2027.20)
    stated_keys: tuple[str, ...] = ()           # every key and table the file sets (absent ones keep earlier rules)
    door_number_separators: bool = False        # 4/3/501, 5.3.302, 4，3，301 read as 4-3-501 (2027.21); False: as typed
    other_questions: tuple[str, ...] | None = None  # a form's questions on no worker (2027.16); None: unchecked
    door_parts: tuple[str, ...] = ()            # 楼栋, 单元 asked apart from 门牌号, read as one door (2027.16)
    door_parts_typed: bool = False              # ... its unit and room as typed: 1单元 302, 1/302 (2027.23)
    door_parts_rooms: bool = False              # ... a room in words (二零一), by floor (6楼01) under them (2027.33)
    house_compounds: tuple[str, ...] = ()       # compounds of houses: a building alone (A12栋) is a home (2027.19)
    door_number_yards: bool = False             # 槐树胡同15, 15号, 12号东屋, 底商5 read as one home each way (2027.22)
    door_number_spaced_places: bool = False     # 一区 4 2 301: numbers a space apart after a place, dashed (2027.33)
    door_number_gates: bool = False             # 5号楼1门三零二, 五号楼一门302: 门 a unit before spoken rooms (2027.34)
    digit_compound_doors: bool = False          # 7号院3-2-301 in 7号院 is 3-2-301: a compound's name starting with a digit
    header_scales: bool = False                 # a question or title stating 0-10分 beside a policy of 1-10 stops (2027.26)
    two_phones_by_grid: bool = False            # a cell of two workers' phones read as the answer's grid's worker's (2027.27)
    grid_invisible_dropped: bool = False        # an answer's grid without its zero-width characters (2027.29)
    grid_dots_dropped: bool = False             # an answer's grid and aliases without a name's dots (·•・, 2027.30)
    unread_compounds_refused: bool = False      # a column of listed compounds not read as the compound stops (2027.30)
    good_at_or_above = property(lambda self: self.scale_max - 1)    # 好评: the top two points of the scale (4, 5)
    satisfied_at_or_above = property(lambda self: -(-(self.scale_min + self.scale_max) // 2))  # 满意: midpoint, up

    @property
    def question_texts(self) -> dict[str, str | tuple[str, ...]]:      # a list: the texts of a question reworded
        return {k: (v, *self.questions_also[k]) if k in self.questions_also else v for k, v in self.questions.items()}


def _items(doc: dict) -> tuple[tuple[str, ...], dict[str, Decimal], str]:
    items = tuple(get_key(doc, "survey.items"))
    bad = [i for i in items if not IDENTIFIER.match(str(i))]
    if bad or not items:
        raise PolicyError(f"policy survey.items must be lower-case column names, not {bad or 'empty'}")
    if (overall := str(get_key(doc, "survey.overall_item"))) not in items:
        raise PolicyError(f"policy survey.overall_item '{overall}' is not one of survey.items")
    weights = {item: decimal_of(doc.get("survey", {}).get("item_weights", {}).get(item, 1)) for item in items}
    if any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
        raise PolicyError("policy survey.item_weights must be >= 0 with a positive sum")
    return items, weights, overall


def policy_from_toml(text: str) -> Policy:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:     # trial 300: a word added to [survey.answer_words], which listed it
        twice = ("Cannot overwrite" in str(exc)) * (": a key given twice in one table (a word [survey.answer_words] "
                                                     "already lists: change its line there, or delete one)")
        raise PolicyError(f"policy is not valid TOML: {exc}{twice}") from exc
    items, weights, overall = _items(doc)
    if not 0 <= (share := float(get_key(doc, "gate.max_invalid_share"))) <= 1:
        raise PolicyError("policy gate.max_invalid_share must be between 0 and 1")
    integrity = _integrity_rules(doc)
    scoring = ScoringRules(
        min_responses=int(get_key(doc, "scoring.min_responses")),
        mode=choice_of(doc, "scoring.mode", ("linear", "vbp")),
        shrinkage=bool(get_key(doc, "scoring.shrinkage")),
        confidence=float(get_key(doc, "scoring.confidence")),
        vbp_baseline_months=int(get_key(doc, "scoring.vbp.baseline_months")),
        vbp_top_share=float(get_key(doc, "scoring.vbp.top_share")),
        household_scope=(choice_of(doc, "scoring.household_scope", ("grid", "month"))
                         if "household_scope" in doc.get("scoring", {}) else "month"),
        **{key: bool(doc.get("scoring", {}).get(key, False)) for key in (
            "window_homes_by_door", "window_homes_by_compound", "window_compound_names", "window_self_ratings",
            "worker_score_from_shown", "thin_month_at_most_neutral", "window_before_start_neutral")},
        **thin_grid_rules(doc),
    )
    if not 0 < scoring.confidence < 1:
        raise PolicyError("policy scoring.confidence must be between 0 and 1")
    return Policy(
        version=str(get_key(doc, "version")),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        items=items, item_weights=weights, overall_item=overall,
        callback_at_or_below=int(get_key(doc, "survey.callback_at_or_below")),
        scale_min=int(get_key(doc, "survey.scale_min")), scale_max=int(get_key(doc, "survey.scale_max")),
        channels=tuple(get_key(doc, "survey.channels")),
        max_invalid_share=share, integrity=integrity, scoring=scoring,
        coefficient=coefficient_rule(doc),
        **_pay_rules(doc),
        comments_in_worker_scorecard=bool(get_key(doc, "report.comments_in_worker_scorecard")),
        payroll_artifact=bool(doc.get("report", {}).get("payroll_artifact", False)),
        aliases=header_aliases(doc.get("aliases", {}), "aliases"),
        **survey_platform(doc, items),
        outcome=outcome_rules(doc),
        review=review_cycle(doc),
        **typing_rules(doc),
        stated_keys=tuple(stated_keys(doc)),
    )


def _straight_line(doc: dict) -> int | None:
    """Answers alike throughout flagged from this many items; None: not (straight_line = "off", 2027.8: trials 77, 80)."""
    off = "straight_line" in doc.get("integrity", {}) and choice_of(doc, "integrity.straight_line", ("off", "flag")) == "off"
    return None if off else int(get_key(doc, "integrity.straight_line_min_items"))


def _integrity_rules(doc: dict) -> IntegrityRules:
    integrity = IntegrityRules(
        dedupe_household=bool(get_key(doc, "integrity.dedupe_household")),
        exclude_self_rating=bool(get_key(doc, "integrity.exclude_self_rating")),
        speeder=choice_of(doc, "integrity.speeder", ("exclude", "flag", "off")),
        speeder_fraction=float(get_key(doc, "integrity.speeder_fraction")),
        straight_line_min_items=_straight_line(doc),
        burst_window_minutes=int(get_key(doc, "integrity.burst_window_minutes")),
        burst_min_responses=int(get_key(doc, "integrity.burst_min_responses")),
        shared_phone_households=at_least_two(doc.get("integrity", {}).get("shared_phone_households")),
        **{key: bool(doc.get("integrity", {}).get(key, False)) for key in INTEGRITY_SWITCHES},
    )
    if not 0 < integrity.speeder_fraction < 1:      # 33.33 made 91 of 92 answers speeders (a sixty-eighth trial)
        raise PolicyError("policy integrity.speeder_fraction must be between 0 and 1 (a third is 0.3333)")
    return integrity


def _pay_rules(doc: dict) -> dict:
    """[pay]: the rounding, the budget, and a neutral pool's scope (absent before policy 2027.1: the month)."""
    pool = choice_of(doc, "pay.budget_pool", ("community", "month")) if "budget_pool" in doc.get("pay", {}) else "month"
    return {"rounding": choice_of(doc, "pay.rounding", RULES), "budget": choice_of(doc, "pay.budget", ("target", "neutral")), "budget_pool": pool}


WORD_TABLES = ("item_weights", "aliases", "questions", "sources", "option_codes", "channel_words", "answer_words",
               "file_id_prefixes", "file_grids", "platforms")  # words or layouts a community chooses, not rules: one key


def stated_keys(doc: dict, prefix: str = ""):
    """Every key and table a policy document sets: 'gate', 'gate.blank_grid_rows', 'survey.channel_words'."""
    for key, value in doc.items():
        yield f"{prefix}{key}"
        if isinstance(value, dict) and key not in WORD_TABLES:
            yield from stated_keys(value, f"{prefix}{key}.")
