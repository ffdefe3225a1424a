"""A form as a colleague made it (policy 2027.16): trial 140's 腾讯问卷 form asked the door as 楼栋 / 单元 / 门牌号 and
added a question on the community as a whole, holding 总体: the door was read from 门牌号 alone and the community's
question as sat_overall, the worker's own 整体评价 unread, wrong pay twice, exit 0."""
import pytest

from conftest import HAND_SURVEYS, policy_text
from downloads import HEADER, wjx_rows, write_xlsx
from gridpay.core.errors import InputError
from gridpay.ingest.formats import Source
from gridpay.ingest.survey_files import read_survey_file, survey_reading
from gridpay.transforms.policy import policy_from_toml

DOOR = HEADER.index("2、您家的门牌号")


def _read(path, **keys):
    return read_survey_file(Source(path.name, path), "2026-09", survey_reading(policy_from_toml(policy_text(**keys))),
                            ["G1", "G2"])


def test_a_door_asked_as_three_questions_is_read_as_one(tmp_path, caplog):
    caplog.set_level("INFO", logger="gridpay")
    header = [*HEADER[:DOOR], "2、楼栋号", "3、单元号", "4、门牌号（如302）", *HEADER[DOOR + 1:]]
    parts = [("12栋", "1", "501"), ("4", "2单元", "502室"), ("", "", "3栋1单元101"), ("7", "", "8-1-202")]
    rows = [[*r[:DOOR], *parts[k % len(parts)], *r[DOOR + 1:]] for k, r in enumerate(wjx_rows(HAND_SURVEYS))]
    path = write_xlsx(tmp_path / "腾讯问卷.xlsx", header, rows)
    doors = list(_read(path).frame["household_id"])
    # a room alone takes its building and unit; a door typed whole stays as typed
    assert doors[:4] == ["12栋1单元501", "4栋2单元502室", "3栋1单元101", "8-1-202"]
    assert "the door number is read from '2、楼栋号', '3、单元号' and '4、门牌号（如302）'" in caplog.text
    before = _read(path, survey__door_parts="[]").frame["household_id"]        # without the key: as typed
    assert list(before[:2]) == ["501", "502室"]


def test_a_column_of_answers_no_text_reads_stops_until_named(tmp_path):
    header = [*HEADER, "12、您对社区的整体工作满意吗"]
    rows = [[*r, "满意(4分)"] for r in wjx_rows(HAND_SURVEYS)]
    path = write_xlsx(tmp_path / "问卷星.xlsx", header, rows)
    with pytest.raises(InputError) as stop:
        _read(path)
    assert stop.value.row == 2
    assert ("column R '12、您对社区的整体工作满意吗' holds answers (满意, 非常满意 ...) on "
            f"{len(HAND_SURVEYS)} rows (first on this row) and is read as no item, while the items are read from: "
            "sat_environment from K '5、您对网格员的环境卫生工作满意吗？'") in str(stop.value)
    assert "add a text of its header to survey.other_questions" in str(stop.value)
    assert len(_read(path, survey__other_questions='["社区的整体"]').frame) == len(HAND_SURVEYS)
    before = policy_text().replace("other_questions = []\n", "")          # a policy without the key: not looked at
    assert len(read_survey_file(Source(path.name, path), "2026-09", survey_reading(policy_from_toml(before)),
                                ["G1", "G2"]).frame) == len(HAND_SURVEYS)
