"""The policy's sections as typed values, each parsed from the TOML document by a function named
for what it returns: the integrity rules, the rules for thin grids and the outcome alarms (the 公示
cycle: transforms/review_cycle.py; the coefficient rule: transforms/coefficient_rule.py).
transforms/policy.py assembles them into the Policy."""
from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal


class PolicyError(ValueError):
    """The policy file is not usable; the message names the key."""


@dataclass(frozen=True)
class IntegrityRules:
    dedupe_household: bool
    exclude_self_rating: bool
    speeder: str                                # "exclude", "flag" or "off"
    speeder_fraction: float
    straight_line_min_items: int | None         # None: integrity.straight_line = "off" (policy 2027.8)
    burst_window_minutes: int
    burst_min_responses: int
    shared_phone_households: int | None = None  # None: a policy from before the rule (no flag)
    same_time_said: bool = False                # a household's answers tied on time: said so; False: "older"
    calls_before_household: bool = False        # an answer a call found not genuine pushes no earlier one out; False: before
    same_time_by_id: bool = False               # tied times in one file: the later answer number counts; False: the row
    self_rating_past_phones: bool = False       # a worker's phones of earlier published runs are hers too (2027.9)
    past_phones_while_held: bool = False        # ... in the months she held them only (2027.13); False: any month
    burst_all_answers: bool = False             # a burst counted among every valid answer, any channel (2027.17)
    same_day_said: bool = False                 # a day-only answer beside a timed one of its day: said (2027.21)
    burst_timed_only: bool = False              # an answer dated by day only is in no burst (2027.24)
    same_time_by_id_digits: bool = False        # ... an id's number after its letters (腾讯问卷's T202) too (2027.31)
    past_phones_not_others: bool = False        # a past phone the month's workers.csv gives another worker: not hers (2027.32)


# [integrity]'s true-or-false keys, each false where a policy from before it lacks it
INTEGRITY_SWITCHES = tuple(f.name for f in fields(IntegrityRules) if f.default is False)


@dataclass(frozen=True)
class ScoringRules:
    min_responses: int
    mode: str                                   # "linear" or "vbp"
    shrinkage: bool
    confidence: float
    vbp_baseline_months: int
    vbp_top_share: float
    # a grid with fewer than min_responses counted answers this month: "pool" scores it on the
    # answers of its last pool_months months, "neutral" pays its share at the neutral
    # coefficient, "shrunk" uses its shrunken score whatever the count
    insufficient: str = "neutral"
    pool_months: int | None = None              # None: a policy from before pooling (no window columns)
    min_response_rate: float | None = None      # None: a policy from before the response-rate watch
    low_rate_months: int = 3
    # one household, one voice: "grid" ranks a household's answers within its grid (door numbers repeat from
    # compound to compound), "month" month-wide (every policy before the key, so their months audit unchanged)
    household_scope: str = "month"
    # a door-only home of one month is the one compound-named home of its door in the window (policy 2026.12)
    window_homes_by_door: bool = False
    # a door-only home of a month whose grids.csv listed one compound for the grid is that compound's (2027.2)
    window_homes_by_compound: bool = False
    # an earlier month's home named by a compound's other name of today's grids.csv is that compound's (2027.3)
    window_compound_names: bool = False
    # an earlier month's answer from the phone of a worker covering the grid now is a self-rating (policy 2027.1)
    window_self_ratings: bool = False
    worker_score_from_shown: bool = False       # the exact mean of the grids' scores as printed (policy 2027.8)
    # a grid nobody answered in the month is paid at most the neutral coefficient (policy 2027.16)
    thin_month_at_most_neutral: bool = False
    # a worker's share of a grid whose pooled window holds another worker's days before hers: neutral (policy 2027.22)
    window_before_start_neutral: bool = False


@dataclass(frozen=True)
class OutcomeRules:
    """Alarms on the month's outcome, not only its input. None switches one off: a policy written
    before them (every archived policy up to 2026.2) names none, and its months audit unchanged."""
    unknown_grid_rows: int | None = None        # this many rows naming one unknown grid stop the month
    similar_grid_rows: int | None = None        # ... or this many, where it reads like a known grid (None: as above)
    # a response id two survey files both use: "stop" the month, or "quarantine" its rows as
    # within one file (every policy written before the key)
    ids_across_files: str = "quarantine"
    ids_within_file: str = "quarantine"         # a response id one file uses on two rows: "stop", or as before
    unpaid_adjustments: str = "said"            # an adjustment no payroll line pays: "stop" the month, or "said"
    overlapping_assignments: str = "largest"    # one worker's grid twice on a day, two weights: "stop", or the larger
    verification_dates: str = "unchecked"       # a call dated before its answer or after the run: "stop", or unchecked
    verification_drawn: str = "unchecked"       # a call of an answer no published call list named: "stop", or unchecked
    misfiled_downloads: str = "unchecked"       # this month's download in a neighbouring month's folder: "stop"
    payroll_doubts: str = "said"                # a negative total, an adjustment twice, one phone, two ids: "stop"
    published_answers: str = "unchecked"        # a re-run whose files lack answers the published run counted: "stop"
    paid_workers_unassigned: str = "unchecked"  # last month's paid worker given none of its days, nor this month's: "stop"
    silent_communities: str = "unchecked"   # a community with no answer in a month its others answered: "stop"
    reused_worker_ids: str = "unchecked"    # a worker id now another name and phone than when last paid: "stop"
    reused_grid_ids: str = "unchecked"      # a grid id now another name and other compounds than when published: "stop"
    early_downloads: str = "unchecked"      # the month before's download, made as this month began, in its place: "stop"
    silent_grids: str = "unchecked"         # a staffed grid with no answer in a month of scored grids: "stop" (2027.9)
    foreign_community_files: str = "unchecked"  # a file named for another community, naming unknown places: "stop"
    unlisted_compounds: str = "unchecked"   # answers naming a compound grids.csv lists for no grid: "stop" (2027.10)
    lone_file_surges: str = "unchecked"     # a grid's answers doubled through a file of its own: "stop" (2027.10)
    appeal_dates: str = "unchecked"         # an appeal filed or decided after the day of the run: "stop" (2027.12)
    unreadable_phones: str = "said"         # phones Excel saved as numbers (1.39E+10): "stop", or said (2027.4)
    short_downloads: str = "said"           # a 问卷星 download holding fewer answers than its name says: "stop" (2027.4)
    downloads_before_month_end: str = "said"    # a download made before the month ended, others' answers after: "stop"
    first_month_downloads: bool = False     # ... in a warehouse's first month too, nothing else to its end (2027.33)
    form_answers: str = "unchecked"         # a download's answer words read otherwise than its form means: "stop" (2027.5)
    typed_form_answers: bool = False        # ... a typed sheet's two words of one point, none at the top, too (2027.35)
    set_aside_answers: str = "unchecked"    # this month's answers another month's files held, in none of its: "stop"
    published_reviews: str = "unchecked"    # a re-run whose files lack an appeal or call the published run applied
    target_times_median: int | None = None  # a worker's target this many times the median, or under it / this: said (2027.6)
    deduction_words: tuple[str, ...] = ()   # an adjustment above zero whose reason holds one: said (2027.6)
    max_excluded_share: float | None = None     # one exclusion rule removing more of a grid's valid answers ...
    min_excluded_rows: int = 5                  # ... and at least this many of them stops the month
    max_grid_invalid_share: float | None = None  # a grid's survey rows invalid above this share ...
    min_grid_invalid_rows: int = 5              # ... and at least this many of them stops the month
    blank_grid_rows: int | None = None          # a survey file with this many answers naming no grid stops it
    other_grid_compound_rows: int | None = None  # this many answers to a grid naming another grid's compound stop it
    other_grid_compound_unlisted: bool = False  # ... a grid listing no compound too (2027.4); False: only grids listing some
    other_grid_compound_by_grid: bool = False   # ... counted over all the compounds a grid's answers name (2027.17)
    other_community_rows: int | None = None     # this many of a file named for one community counted for another's
    other_grid_building_rows: int | None = None  # this many answers to a grid with a door of another's building (2027.30)
    unlisted_building_rows: int | None = None   # ... with a door in a building no grid lists (2027.31)
    file_invalid_rows: int | None = None        # a survey file of this many rows or more, every one invalid (2027.32)
    praised_low_rows: int | None = None         # this many of a file's bottom-rated answers praising in comments (2027.30)
    answers_dropped_below: float | None = None  # counted answers under this share of the last published month's
    pay_change_share: float | None = None       # a worker's total pay moving more than this share
    pay_change_per_day: bool = False            # ... compared per assigned day (a part month is no move); False: total
    pay_change_per_share: bool = False          # ... per share of the month's days (30 and 31 alike); False: as above

    @property
    def compares_months(self) -> bool:
        return self.answers_dropped_below is not None or self.pay_change_share is not None


def get_key(table: dict, dotted: str):
    node = table
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            raise PolicyError(f"policy is missing key '{dotted}'")
        node = node[part]
    return node


def decimal_of(value) -> Decimal:
    # str() first: a TOML float like 0.8 must become Decimal('0.8'), not its binary expansion.
    try:
        return Decimal(str(value))
    except ArithmeticError as exc:           # "15%" (a sixty-eighth trial's: an unexpected error)
        raise PolicyError(f"policy value '{value}' is not a number (a share is written 0.15, not 15%)") from exc


def choice_of(doc: dict, dotted: str, allowed: tuple[str, ...]) -> str:
    value = str(get_key(doc, dotted))
    if value not in allowed:
        raise PolicyError(f"policy {dotted} = '{value}' is not one of {', '.join(allowed)}")
    return value


def thin_grid_rules(doc: dict) -> dict:
    """Pooling and the response-rate watch. A policy written before them names neither key, and is
    read as it was applied then (the neutral rule, no watch), so that its months audit unchanged."""
    scoring = doc.get("scoring", {})
    if "insufficient" not in scoring:
        return {}
    rules = {"insufficient": choice_of(doc, "scoring.insufficient", ("pool", "neutral", "shrunk")),
             "pool_months": int(get_key(doc, "scoring.pool_months")),
             "min_response_rate": float(get_key(doc, "scoring.min_response_rate")),
             "low_rate_months": int(get_key(doc, "scoring.low_rate_months"))}
    if not 1 <= rules["pool_months"] <= 12 or not 1 <= rules["low_rate_months"] <= 12:
        raise PolicyError("policy scoring.pool_months and scoring.low_rate_months must be 1 to 12")
    if not 0 <= rules["min_response_rate"] <= 1:
        raise PolicyError("policy scoring.min_response_rate must be between 0 and 1")
    return rules


def _words(gate: dict, name: str) -> tuple[str, ...]:
    value = gate.get(name, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise PolicyError(f"policy gate.{name} must be a list of words in quotes: [\"扣\", \"罚\"]")
    return tuple(w.strip() for w in value)


BUILDING_AND_SHEET_ROWS = ("other_grid_building_rows", "praised_low_rows", "unlisted_building_rows", "file_invalid_rows")


def outcome_rules(doc: dict) -> OutcomeRules:
    """[gate] unknown_grid_rows, max_excluded_share, ... and [review]: each optional, absent meaning off (OutcomeRules)."""
    gate, review = doc.get("gate", {}), doc.get("review", {})

    def share(table: dict, name: str, section: str) -> float | None:
        if name not in table:
            return None
        value = float(table[name])
        if not 0 <= value <= 1:
            raise PolicyError(f"policy {section}.{name} must be between 0 and 1")
        return value

    def count(table: dict, name: str, default: int | None) -> int | None:
        value = table.get(name, default)
        if value is not None and (not isinstance(value, int) or value < 1):
            raise PolicyError(f"policy gate.{name} must be a whole number of rows, 1 or more")
        return value
    across, within = (str(gate.get(f"response_ids_{where}", "quarantine")) for where in ("across_files", "within_file"))
    for where, value in (("across_files", across), ("within_file", within)):
        if value not in ("stop", "quarantine"):
            raise PolicyError(f"policy gate.response_ids_{where} = '{value}' is not one of stop, quarantine")
    switches = {}       # each "stop" or what a policy without the key does
    for name, before in (("unpaid_adjustments", "said"), ("overlapping_assignments", "largest"),
                         ("verification_dates", "unchecked"), ("verification_drawn", "unchecked"),
                         ("misfiled_downloads", "unchecked"), ("payroll_doubts", "said"),
                         ("published_answers", "unchecked"), ("paid_workers_unassigned", "unchecked"),
                         ("silent_communities", "unchecked"), ("reused_worker_ids", "unchecked"),
                         ("set_aside_answers", "unchecked"), ("published_reviews", "unchecked"),
                         ("reused_grid_ids", "unchecked"), ("early_downloads", "unchecked"),
                         ("unreadable_phones", "said"), ("short_downloads", "said"),
                         ("form_answers", "unchecked"), ("silent_grids", "unchecked"),
                         ("foreign_community_files", "unchecked"), ("unlisted_compounds", "unchecked"),
                         ("lone_file_surges", "unchecked"), ("appeal_dates", "unchecked"),
                         ("downloads_before_month_end", "said")):
        switches[name] = str(gate.get(name, before))
        if switches[name] not in ("stop", before):
            raise PolicyError(f"policy gate.{name} = '{switches[name]}' is not one of stop, {before}")
    return OutcomeRules(
        unknown_grid_rows=count(gate, "unknown_grid_rows", None),
        similar_grid_rows=count(gate, "similar_grid_rows", None),
        ids_across_files=across, ids_within_file=within,
        **switches,
        max_excluded_share=share(gate, "max_excluded_share", "gate"),
        min_excluded_rows=count(gate, "min_excluded_rows", 5),
        max_grid_invalid_share=share(gate, "max_grid_invalid_share", "gate"),
        min_grid_invalid_rows=count(gate, "min_grid_invalid_rows", 5),
        blank_grid_rows=count(gate, "blank_grid_rows", None),
        other_grid_compound_rows=count(gate, "other_grid_compound_rows", None),
        **{name: bool(gate.get(name, False)) for name in ("other_grid_compound_unlisted", "other_grid_compound_by_grid",
                                                          "first_month_downloads", "typed_form_answers")},
        other_community_rows=count(gate, "other_community_rows", None),
        **{name: count(gate, name, None) for name in BUILDING_AND_SHEET_ROWS},
        target_times_median=count(gate, "target_times_median", None),
        deduction_words=_words(gate, "deduction_words"),
        answers_dropped_below=share(review, "answers_dropped_below", "review"),
        pay_change_share=share(review, "pay_change_share", "review"),
        **{name: bool(review.get(name, False)) for name in ("pay_change_per_day", "pay_change_per_share")},
    )


def at_least_two(value) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 2:
        raise PolicyError("policy integrity.shared_phone_households must be a whole number, at least 2")
    return value
