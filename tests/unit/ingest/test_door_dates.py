"""A door number Excel turned into a date (1-3-12 saved as 2012-01-03): whose home it was cannot be
told, so the answer is invalid with a reason that says how to type the column (a seventeenth trial's
home answered online as 1栋3单元12 and on a volunteer's sheet as the date, and counted twice)."""
from datetime import date

from below_cli import quarantined_below_the_cli
from conftest import SURVEY_HEADER, survey, write_csv
from downloads import write_xlsx
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.policy import policy_from_toml


def _quarantined(make_inbox, work, policy) -> dict[str, str]:
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09" / "online.csv", SURVEY_HEADER,
              [survey("R1", "G1", "1栋3单元12", ("2",) * 5, "2026-09-10 10:00:00"),
               survey("R2", "G2", "2012/1/3", ("4",) * 5),                  # a CSV Excel saved: its date form
               survey("R3", "G2", "2012-1-3栋", ("4",) * 5),                 # not a date: as typed
               survey("R4", "G2", "3月12日", ("4",) * 5), survey("R5", "G2", "12-Mar", ("4",) * 5)])
    paper = survey("P1", "G1", date(2012, 1, 3), ("5",) * 5, "2026-09-12 10:00:00", channel="paper")
    write_xlsx(inbox / "surveys" / "2026-09" / "paper.xlsx", list(SURVEY_HEADER), [list(paper)])
    return quarantined_below_the_cli(inbox, work, policy)


def test_a_door_number_excel_made_a_date_is_invalid_and_says_how_to_type_it(make_inbox, tmp_path):
    policy = load_policy(DEFAULT_POLICY)
    assert _quarantined(make_inbox, tmp_path / "now", policy) == {
        "P1": "door_as_date", "R2": "door_as_date", "R4": "door_as_date", "R5": "door_as_date"}
    text = DEFAULT_POLICY.read_text(encoding="utf-8").replace('door_number_dates = "invalid"', "")
    # before the rule: the date is a household, and the paper answer counted beside R1's
    assert _quarantined(make_inbox, tmp_path / "before", policy_from_toml(text)) == {}
