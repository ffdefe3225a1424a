"""Every item of the policy is a column of each survey file (survey.items_required): a twenty-second
field trial's 问卷星 question said 整体 for the policy's 总体, a paper sheet headed its column 总体评价,
and each answer was scored on four items, exit 0."""
import re

import pytest

from conftest import HAND_SURVEYS, SURVEY_HEADER, policy_text, write_csv
from downloads import HEADER, wjx_rows, write_xlsx
from gridpay.core.errors import InputError
from gridpay.ingest.survey_files import survey_reading
from gridpay.ingest.survey_stage import stage_surveys
from gridpay.transforms.policy import policy_from_toml

GRIDS = {"G1": "天桥新村一网格", "G2": "井湖村二网格"}


def _stage(path, tmp_path, text=None):
    reading = survey_reading(policy_from_toml(text or policy_text()))
    return stage_surveys([path], reading, b"k", tmp_path / "work", "2026-09", GRIDS)


def test_a_download_whose_item_question_is_worded_otherwise_stops_naming_the_header(tmp_path):
    header = [h.replace("总体", "整体") for h in HEADER]
    path = write_xlsx(tmp_path / "问卷星.xlsx", header, wjx_rows(HAND_SURVEYS))
    with pytest.raises(InputError) as stop:
        _stage(path, tmp_path)
    assert stop.value.column == "sat_overall"
    assert "has no column for the item sat_overall" in str(stop.value)
    assert "9、您对网格员的整体工作满意吗？" in str(stop.value) and "survey.questions.sat_overall = '总体'" in str(stop.value)
    # a policy from before the rule leaves the item out, as it did (and no longer crashes with none found)
    before = policy_text().replace("items_required = true\n", "").replace("other_questions = []\n", "")
    assert _stage(path, tmp_path / "before", before) == len(HAND_SURVEYS)
    every = [re.sub(r"(环境卫生|治安安全|服务态度|响应速度|总体)", "某方面", h) for h in HEADER]
    assert _stage(write_xlsx(tmp_path / "all.xlsx", every, wjx_rows(HAND_SURVEYS)), tmp_path / "all", before) == len(
        HAND_SURVEYS)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_typed_sheet_without_an_item_column_stops_naming_the_header_no_column_took(tmp_path, suffix):
    header = tuple("总体评分" if h == "sat_overall" else h for h in SURVEY_HEADER)
    path = tmp_path / f"2026-09{suffix}"
    if suffix == ".csv":
        write_csv(path, header, HAND_SURVEYS)
    else:
        write_xlsx(path, list(header), [list(r) for r in HAND_SURVEYS])
    with pytest.raises(InputError) as stop:
        _stage(path, tmp_path)
    assert stop.value.column == "sat_overall"
    assert "headers no column took: 总体评分" in str(stop.value) and '("总体评分" = "sat_overall")' in str(stop.value)


def test_a_header_merged_over_the_items_is_said_to_be_two_rows(tmp_path):
    header = [*SURVEY_HEADER[:-6], *(["满意度评价"] * 5), SURVEY_HEADER[-1]]
    path = write_xlsx(tmp_path / "2026-09.xlsx", header, [list(r) for r in HAND_SURVEYS])
    with pytest.raises(InputError, match=r"a merged cell \(满意度评价\) over columns"):
        _stage(path, tmp_path)
