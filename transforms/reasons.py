"""Why a survey row did not count, as data: every survey validation rule and every exclusion rule
says (code, column, value), and this module alone turns that into the English reason quarantine.csv
shows and into the code it keeps beside it (reason_code). The reports say the same code in their
language (reports/render.py reason_text, reports/strings_*.py `reason_<code>`). Rewording a text
here changes no code; a code is never read back out of a text.

A rule's text is its subject (the column whose typed value it shows), the value where the row has
one ("sat_overall '很好吧'"), then what is wrong with it. An exclusion's text is
"excluded: <code> (<why>)", the why chosen by the code and a variant (duplicate_household: the
policy's household scope; no_items: whether any item was answered at all)."""
from __future__ import annotations

from dataclasses import dataclass

from gridpay.transforms.review_rules import register_review_rules

# survey rule code -> (the column it shows, or None: the rule's own column; what is wrong)
RULES: dict[str, tuple[str | None, str]] = {
    "blank": (None, "is blank"),
    "repeated_response_id": ("response_id", "is used more than once in the month"),
    "unknown_grid": ("grid_id", "is not in grids.csv"),
    "bad_time": ("submitted_at", "is blank or not a date-time"),
    "outside_month": ("submitted_at", "is outside the month"),
    "ambiguous_date": ("submitted_at", "could be day/month/year or month/day/year: write the year first (YYYY-MM-DD)"),
    "unknown_channel": ("channel", "is not one of {channels}"),
    "bad_duration": ("duration_s", "is not a whole number"),
    "long_duration": ("duration_s", "is over {seconds} seconds"),
    "answer_out_of_scale": (None, "is not {low}-{high} or blank"),
    "door_as_date": ("household_id", "is a date: Excel turns a door number such as 1-3-12 into one; format the "
                                     "column as text and type the door number again"),
    "door_unknown": ("household_id", "says the door is not known, so whose home answered cannot be told (every such "
                                     "answer of the grid would be one home's); type the door number if the form shows it"),
}
# codes that name their column in reason_code ("blank:household_id"): the others have one column
COLUMN_CODES = frozenset({"blank", "answer_out_of_scale"})

SAME_TIME = ("given at the same time as the one that counts (the row later in the files): which is the household's "
             "is for HR to check")
SAME_DAY = ("dated by day only, on the day the one that counts was given at a time: which was given later, and so "
            "is the household's, is for HR to check")
# (exclusion code, variant) -> why, in brackets after the code; {value}: the row's own detail
EXCLUSIONS: dict[tuple[str, str], str] = {
    ("self_rating", ""): "the respondent's phone is that of a worker assigned to this grid",
    ("speeder", ""): "answered far faster than the month's median time",
    ("no_items", ""): "no item answered",
    ("no_items", "weighed"): "no item answered that the policy weighs",
    ("duplicate_household", "grid"): "an older answer of the same household in the same grid; its latest answer counts",
    ("duplicate_household", "month"): "an older answer; the household's latest answer counts",
    # integrity.same_time_said: no time tells which is the latest (a paper form dated by day)
    ("duplicate_household", "grid_same_time"): "an answer of the same household in the same grid " + SAME_TIME,
    ("duplicate_household", "month_same_time"): "an answer of the same household " + SAME_TIME,
    # integrity.same_day_said: a paper form dated by day beside an answer of the same day at a time
    ("duplicate_household", "grid_same_day"): "an answer of the same household in the same grid " + SAME_DAY,
    ("duplicate_household", "month_same_day"): "an answer of the same household " + SAME_DAY,
    ("appeal_upheld", ""): "appeal {value}",
    ("verification_denied", ""): "called on {value}",
    ("verification_coached", ""): "called on {value}",
}
EXCLUSION_SQL_MACRO = "exclusion_reason"      # (code, variant, value) -> the English text, in SQL


@dataclass(frozen=True)
class RuleReason:
    """A rule's reason: `shows` is the column whose typed value a failing row's text shows; `code`
    a survey rule's (None: a reference-table rule, rule_says)."""
    code: str | None
    shows: str
    predicate: str

    @property
    def label(self) -> str | None:
        """The rule's part of reason_code: 'answer_out_of_scale:sat_overall', 'unknown_channel'."""
        return f"{self.code}:{self.shows}" if self.code in COLUMN_CODES else self.code

    def text(self, value: str | None = None) -> str:
        """'sat_overall is not 1-5 or blank', with a value "sat_overall '很好吧' is not 1-5 or blank"."""
        shown = "" if value is None else f" '{value}'"
        return f"{self.shows}{shown} {self.predicate}"

    def text_sql(self, value: str) -> str:
        """text() in SQL, `value` an SQL expression (null: no value shown); the rest are literals."""
        return (f"{_literal(self.shows)} || coalesce(' ''' || ({value}) || '''', '') || "
                f"{_literal(' ' + self.predicate)}")

    def meta(self) -> dict:
        """What a GX expectation carries of it (expectations/runner.py reads it back)."""
        return {"reason": self.text(), "code": self.code, "shows": self.shows, "predicate": self.predicate}


def rule_says(column: str, predicate: str) -> dict:
    """A reference-table rule's meta: its reason as data, the column it checks (whose typed value
    the stop's line shows) and what is wrong ("weight '0' is not a number > 0"); no code (such a
    rule stops the run with one line, it marks no row)."""
    return {"reason": RuleReason(None, column, predicate).text(), "shows": column, "predicate": predicate,
            "column": column}


def rule_reason(code: str, column: str | None = None, **params) -> RuleReason:
    """The reason of survey rule `code`; `column` for the codes that check any column."""
    shows, predicate = RULES[code]
    if (shows is None) != (column is not None):
        raise ValueError(f"rule {code}: {'a column is needed' if shows is None else 'has its own column'}")
    return RuleReason(code, shows or column, predicate.format(**params))


# an invalid row's reason: "invalid: " and its failed rules' texts joined by "; " in suite order;
# its reason_code: their labels joined by ";" (expectations/validate.py joins them in SQL)
INVALID_PREFIX, RULE_SEPARATOR, CODE_SEPARATOR = "invalid: ", "; ", ";"


def exclusion_text(code: str, variant: str = "", value: str | None = None) -> str:
    """'excluded: speeder (answered far faster than the month's median time)'."""
    return f"excluded: {code} ({EXCLUSIONS[code, variant].format(value=value)})"


def exclusion_macro_sql() -> str:
    """exclusion_text() as the DuckDB macro exclusion_reason(code, variant, value), built from the
    same EXCLUSIONS, for the exclusion models (a property test holds the two equal)."""
    cases = " ".join(
        f"when code = {_literal(code)} and variant = {_literal(variant)} then "
        + " || coalesce(value, 'None') || ".join(_literal(part) for part in why.split("{value}"))
        for (code, variant), why in EXCLUSIONS.items())
    return (f"create or replace temp macro {EXCLUSION_SQL_MACRO}(code, variant, value) as "
            f"'excluded: ' || code || ' (' || (case {cases} "
            f"else error('no reason text for exclusion ' || code || '/' || variant) end) || ')'")


def register_reasons(con) -> None:
    """The exclusion models' macros on DuckDB connection `con` (store/scoring.py run_params, before
    the models run): their reasons' texts, and which upheld appeals move an answer (transforms/review_rules.py)."""
    con.execute(exclusion_macro_sql())
    register_review_rules(con)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
