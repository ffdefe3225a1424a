"""A totals row at the bottom of a CSV (合计 ...) is set aside and counted, as in an Excel sheet
(survey.csv_totals_rows_set_aside): a twenty-third trial's CSV 合计 row was an invalid answer in the run
while `gridpay inspect` said it was set aside."""
from conftest import HAND_SURVEYS, SURVEY_HEADER, policy_text, write_csv
from gridpay.ingest.survey_files import survey_reading
from gridpay.ingest.survey_stage import stage_surveys, staged_counts
from gridpay.transforms.policy import policy_from_toml


def test_a_csv_totals_row_is_set_aside_as_a_sheets_is(tmp_path):
    path = tmp_path / "2026-09.csv"
    write_csv(path, SURVEY_HEADER, [*HAND_SURVEYS, ("合 计", "", "", "", "", "", "", "4.2", "", "", "", "", "")])
    rows = stage_surveys([path], survey_reading(policy_from_toml(policy_text())), b"k", tmp_path / "now", "2026-09")
    assert rows == len(HAND_SURVEYS)
    assert staged_counts(tmp_path / "now") == (len(HAND_SURVEYS), {"totals rows": 1})
    before = policy_text().replace("csv_totals_rows_set_aside = true\n", "")        # an invalid answer, as before
    assert stage_surveys([path], survey_reading(policy_from_toml(before)), b"k", tmp_path / "before",
                         "2026-09") == len(HAND_SURVEYS) + 1
