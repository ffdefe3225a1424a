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
    # inspect says the parts are read (a trial's clerk read '楼栋号 -> (not used)' as buildings merged)
    from gridpay.ingest.survey_inspect import inspect_lines
    lines = inspect_lines(Source(path.name, path), survey_reading(policy_from_toml(policy_text())), ["G1", "G2"])
    assert "  2、楼栋号 -> household_id (joined before the door number: survey.door_parts '楼栋')" in lines
    assert "  3、单元号 -> household_id (joined before the door number: survey.door_parts '单元')" in lines


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


def test_a_unit_and_room_take_their_building_and_a_door_naming_none_is_said(tmp_path, caplog):
    """Trial 140's re-check: 楼栋 12栋 beside 门牌号 1-501 was read as 1栋501, another building's home, nothing said."""
    from gridpay.ingest.form_questions import joined_door
    asked = [("楼栋", "12栋"), ("单元", "1")]
    assert joined_door("1-501", asked) == joined_door("1单元501", asked) == "12栋1单元501"
    assert joined_door("501", [("楼栋", ""), ("单元", "")]) is None and joined_door("5楼501", asked) is None
    assert joined_door("12栋1单元501", asked) is None
    # trial 194: the unit and room as residents type them (survey.door_parts_typed, policy 2027.23)
    eleven = [("楼栋", "11栋"), ("单元", "")]
    for typed in ("2单元 202", "2 202", "2/202", "2单元202", " 2单元 202 "):
        assert joined_door(typed, eleven, typed=True) == "11栋2单元202", typed
    assert joined_door("2单元 202", eleven) is None                       # a policy without the key: as typed
    assert joined_door("1单元3楼02", [("楼栋", "90栋")], typed=True) == "90栋1单元3楼02"     # the floor rules go on
    assert joined_door("1-302", [("楼栋", "第90栋")], typed=True) == "90栋1单元302"
    for kept in ("2单元", "5楼501", "12栋1单元501", "A座1203"):                          # no room, a building named
        assert joined_door(kept, eleven, typed=True) is None, kept
    # trial 279: a room read out in numerals, or by floor and flat, kept as typed without its building and unit
    # (三栋 一单元 二零一 beside the home's 3栋1单元201, counted twice, exit 0): survey.door_parts_rooms, policy 2027.33
    three = [("楼栋", "三栋"), ("单元", "一单元")]
    assert joined_door("二零一", three, typed=True) is None                     # a policy without the key: as typed
    assert joined_door("二零一", three, typed=True, rooms=True) == "三栋一单元二零一"
    assert joined_door("6楼01", [("楼栋", "4"), ("单元", "2")], typed=True, rooms=True) == "4栋2单元6楼01"
    assert joined_door("6层01室", [("楼栋", "4"), ("单元", "2")], rooms=True) == "4栋2单元6层01室"
    # its re-check: the building and unit answered as numerals alone (三 / 一), a room in formal numerals (贰零壹)
    assert joined_door("二零一", [("楼栋", "三"), ("单元", "一")], typed=True, rooms=True) == "三栋一单元二零一"
    assert joined_door("201", [("楼栋", "三"), ("单元", "一")], typed=True) == "三一201"      # without the key: as before
    assert joined_door("贰零壹", three, typed=True, rooms=True) == "三栋一单元贰零壹"
    for kept in ("5号楼501", "一单元", "A座1203", "十二", "六楼01", "2零1"):     # what the door rules cannot read                        # a building named; no room
        assert joined_door(kept, three, typed=True, rooms=True) is None, kept
    from gridpay.transforms.door_numbers import normalized_household
    every = dict(dashes=True, variants=True, suffixes=True, rooms=True, floors=True)
    assert normalized_household("三栋一单元二零一", **every) == "3栋1单元201"       # the door rules read the rest
    assert normalized_household("4栋2单元6楼01", **every) == "4栋2单元601"
    caplog.set_level("INFO", logger="gridpay")
    header = [*HEADER[:DOOR], "2、楼栋号", "3、单元号", "4、门牌号（如302）", *HEADER[DOOR + 1:]]
    parts = [("12栋", "1", "501"), ("", "", "5楼501")]
    rows = [[*r[:DOOR], *parts[k % len(parts)], *r[DOOR + 1:]] for k, r in enumerate(wjx_rows(HAND_SURVEYS))]
    path = write_xlsx(tmp_path / "腾讯问卷.xlsx", header, rows)
    _read(path)
    assert "name no building and are read as typed, without the parts asked beside them (e.g. 5楼501): check" in caplog.text
    # a policy copied before 2027.16 reads the room alone, and is told so
    before = policy_text().replace('door_parts = ["楼栋", "单元"]\n', "")
    read_survey_file(Source(path.name, path), "2026-09", survey_reading(policy_from_toml(before)), ["G1", "G2"])
    assert ("the form asks the door in parts ('2、楼栋号', '3、单元号' and '4、门牌号（如302）'), which this policy does "
            "not join (survey.door_parts, policy 2027.16)") in caplog.text


def test_an_item_read_from_a_question_named_as_rating_no_worker_stops_and_an_old_policy_is_told(tmp_path, caplog):
    """Trial 140's re-check: other_questions named the community's question while sat_overall = "总体" still read it;
    a policy copied before 2027.16 read the community's question as sat_overall, nothing said."""
    header = [*HEADER, "12、您对社区的总体工作满意吗"]
    rows = [[*r, "满意(4分)"] for r in wjx_rows(HAND_SURVEYS)]
    header[HEADER.index("9、您对网格员的总体工作满意吗？")] = "9、您对网格员的整体工作满意吗？"
    path = write_xlsx(tmp_path / "问卷星.xlsx", header, rows)
    with pytest.raises(InputError, match="column R '12、您对社区的总体工作满意吗' is read as sat_overall "
                                         r"\(survey.questions.sat_overall\) and named by survey.other_questions"):
        _read(path, survey__other_questions='["社区的总体"]')
    before = policy_text().replace("other_questions = []\n", "")
    read_survey_file(Source(path.name, path), "2026-09", survey_reading(policy_from_toml(before)), ["G1", "G2"])
    assert ("column O '9、您对网格员的整体工作满意吗？' holds answers (满意, 非常满意 ...) on" in caplog.text
            and "This policy reads on (survey.other_questions, policy 2027.16, stops on it)" in caplog.text)


def test_a_matrix_question_merged_over_the_items_is_told_to_be_two_header_rows(tmp_path):
    """Trial 147's 腾讯问卷 matrix question merged over K:O: inspect said 'the items are read from: .', the run told
    HR to take the item out of the policy."""
    from gridpay.ingest.survey_inspect import inspect_lines
    header = [*HEADER[:10], *["5.请对网格员的以下工作进行评价"] * 5, *HEADER[15:]]
    path = write_xlsx(tmp_path / "腾讯问卷.xlsx", header, wjx_rows(HAND_SURVEYS))
    with pytest.raises(InputError) as stop:
        _read(path)
    assert "The header seems to be two rows, a merged cell (5.请对网格员的以下工作进行评价)" in str(stop.value)
    assert "take it out of the policy's survey.items" not in str(stop.value)
    with pytest.raises(InputError) as told:
        inspect_lines(Source(path.name, path), survey_reading(policy_from_toml(policy_text())), ["G1", "G2"])
    assert "columns K to O hold answers (满意, 非常满意 ...) under one header" in str(told.value)


def test_a_door_part_answered_in_numerals_is_no_column_of_answers(tmp_path):
    """Trial 279's re-check: 楼栋 answered 三 and 五 (numerals alone) was read as a column of answer words, and the run
    stopped telling HR the column rated the worker or something else; it is a part of the door."""
    header = [*HEADER[:DOOR], "2、楼栋号", "3、单元号", "4、门牌号（如302）", *HEADER[DOOR + 1:]]
    parts = [("三", "一", "二零一"), ("五", "二", "301")]
    rows = [[*r[:DOOR], *parts[k % len(parts)], *r[DOOR + 1:]] for k, r in enumerate(wjx_rows(HAND_SURVEYS))]
    path = write_xlsx(tmp_path / "金数据.xlsx", header, rows)
    doors = list(_read(path).frame["household_id"])
    assert doors[:2] == ["三栋一单元二零一", "五栋二单元301"], doors
