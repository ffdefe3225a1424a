"""The policy's [survey] platform keys as typed values: the questions asked, their sources, a codes export's
option codes, the longest duration, the platforms' layouts and time zone, the phone questions."""
from __future__ import annotations

from gridpay.transforms.platform_layouts import LayoutError, platform_layouts, survey_timezone
from gridpay.transforms.policy_sections import PolicyError
from gridpay.transforms.policy_typing import IDENTIFIER


def survey_platform(doc: dict, items: tuple[str, ...]) -> dict:
    survey = doc.get("survey", {})
    asked = survey.get("questions", {})       # a list: the question's texts before and after an edit (2027.15)
    questions = {str(k): str(v[0] if isinstance(v, list) and v else v) for k, v in asked.items()}
    also = {str(k): tuple(str(t) for t in v[1:]) for k, v in asked.items() if isinstance(v, list) and len(v) > 1}
    if bad := [k for k in questions if not IDENTIFIER.match(k)]:
        raise PolicyError(f"policy survey.questions keys must be column names, not {bad}")
    codes = {str(k).strip(): str(v).strip() for k, v in survey.get("option_codes", {}).items()}
    if any(not v.isdigit() for v in codes.values()):
        raise PolicyError("policy survey.option_codes values must be answers on the item scale (e.g. \"5\")")
    longest = survey.get("max_duration_s")      # absent from policies before it: no upper bound, as then
    if longest is not None and (isinstance(longest, bool) or not isinstance(longest, int) or longest < 1):
        raise PolicyError("policy survey.max_duration_s must be a whole number of seconds, at least 1")
    try:
        platforms, timezone = platform_layouts(survey), survey_timezone(survey)
    except LayoutError as exc:
        raise PolicyError(str(exc)) from exc
    return {"questions": questions, "questions_also": also, "sources": {str(k): str(v) for k, v in survey.get("sources", {}).items()},
            "option_codes": codes, "max_duration_s": longest, "platforms": platforms, "timezone": timezone,
            "phone_questions": tuple(str(w) for w in survey.get("phone_questions", ()) if str(w).strip())}
