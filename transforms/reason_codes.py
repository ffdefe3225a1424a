"""A code for every reason a survey row did not count, and for every survey validation rule, so
that the CSVs keep a stable code and the reports can say it in the report's language. The reasons
themselves are written by gridpay's own rules (expectations/surveys.py, the exclusion model), so a
code is derived from the stored text and needs no column of its own in the warehouse: a month
published before codes existed gets the same codes."""
from __future__ import annotations

import re

# a rule's reason, with the value it names where there is one ("sat_overall '很好吧' is not 1-5 or blank")
_VALUE = r"(?: '.*')?"
RULES: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), code) for p, code in (
    (rf"^response_id{_VALUE} is used more than once in the month$", "repeated_response_id"),
    (rf"^grid_id{_VALUE} is not in grids\.csv$", "unknown_grid"),
    (rf"^submitted_at{_VALUE} is blank or not a date-time$", "bad_time"),
    (rf"^submitted_at{_VALUE} is outside the month$", "outside_month"),
    (rf"^submitted_at{_VALUE} could be day/month/year or month/day/year: .*$", "bad_time"),
    (rf"^channel{_VALUE} is not one of .*$", "unknown_channel"),
    (rf"^duration_s{_VALUE} is not a whole number$", "bad_duration"),
    (rf"^duration_s{_VALUE} is over \d+ seconds$", "long_duration"),
    (rf"^(?P<column>\w+){_VALUE} is not \d+-\d+ or blank$", "answer_out_of_scale"),
    (r"^(?P<column>\w+) is blank$", "blank"),
))


def rule_code(reason: str) -> tuple[str, str | None]:
    """(code, the column it names, if the code needs one) of one validation rule's reason."""
    for pattern, code in RULES:
        match = pattern.match(reason)
        if match:
            return code, match.groupdict().get("column")
    return "invalid", None


def reason_code(reason: str) -> str:
    """quarantine.csv's reason_code: 'duplicate_household', or the invalid row's rule codes joined
    ('answer_out_of_scale:sat_overall;unknown_channel')."""
    if reason.startswith("excluded: "):
        return reason.removeprefix("excluded: ").split(" ", 1)[0]
    codes: list[str] = []
    for part in reason.removeprefix("invalid: ").split("; "):
        code, column = rule_code(part)
        text = f"{code}:{column}" if column else code
        if text not in codes:
            codes.append(text)
    return ";".join(codes)
