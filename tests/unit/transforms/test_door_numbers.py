"""Numbers a space apart after a place (survey.door_number_spaced_places, policy 2027.33): trial 284's one address
question read 一区 4 2 301 as 一区42301, each such home counted twice beside 4栋2单元301, exit 0, nothing said."""
from dataclasses import replace

from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.ingest.compound_doors import door_after_compound
from gridpay.ingest.survey_files import survey_reading
from gridpay.transforms.door_numbers import normalized_household


def test_numbers_a_space_apart_after_a_place_are_a_dashed_door_under_spaced_places():
    """Trial 284: 一区 4 2 301 (a compound's short name, then the numbers a space apart) was glued to 一区42301."""
    rules = dict(dashes=True, variants=True, streets=True, look_alikes=True)
    assert normalized_household("一区 4 2 301", **rules) == "一区42301"                        # as before the key
    assert normalized_household("一区 4 2 301", **rules, spaced_places=True) == "一区4-2-301"
    assert normalized_household("二区 4 201", **rules, spaced_places=True) == "二区4-201"
    assert normalized_household("3栋2单元20 2", **rules, spaced_places=True) == "3栋2单元202"   # a room's digits
    assert normalized_household("张三 13812345678", **rules, spaced_places=True) == "张三13812345678"


def test_a_door_after_its_compound_s_short_name_with_numbers_a_space_apart_is_the_door():
    reading = survey_reading(load_policy(DEFAULT_POLICY))
    assert door_after_compound("桂花苑 7 1 101", "桂花苑", reading) == "7栋1单元101"
    assert door_after_compound("一区 4 2 301", "翠苑一区", reading, ("一区",)) == "4栋2单元301"
    assert door_after_compound("一区 4 2 301", "翠苑一区", replace(reading, door_spaced_places=False), ("一区",)) == "42301"
    assert door_after_compound("桂花苑 7栋1单元101 13812345678", "桂花苑", reading) != "7栋1单元101"   # a phone: glued
    assert door_after_compound("桂花苑 3栋2单元20 2", "桂花苑", reading) == "3栋2单元202"      # a room's digits: glued


def test_a_unit_written_men_before_a_room_in_numerals_is_the_unit():
    # trial 291: 5号楼 1门 三零二 beside its 5号楼1单元302, counted twice (survey.door_number_gates, policy 2027.34)
    every = dict(dashes=True, variants=True, suffixes=True, rooms=True, floors=True, houses=True, numerals=True,
                 streets=True, look_alikes=True, basements=True, room_parts=True, separators=True, yards=True)
    for typed in ("5号楼 1门 三零二", "五号楼一门三零二", "5栋1门三零二", "五号楼一门302", "5号楼 1门 三零二号", "5号楼1门302号"):
        assert normalized_household(typed, **every) != "5栋1单元302", typed          # a policy without the key
        assert normalized_household(typed, **every, gates=True) == "5栋1单元302", typed
    assert normalized_household("门面15号", **every, gates=True) == "门面15"           # a shop front is no unit
