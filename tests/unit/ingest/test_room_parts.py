"""A shared flat's rented rooms and a basement's rooms as residents type them (survey.door_number_room_parts, policy
2027.20): trial 155's 9栋1单元401-2 was read as the 401st floor's flat 40102, 3-2-602-1 as 60201, 1-1-地下室6号 kept as
typed, each beside its 之 or 负 form: two homes for one, worker pay 2.32 to 74.56 yuan off, exit 0, nothing said."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from below_cli import kept_by_duckdb
from gridpay.transforms.door_numbers import normalized_household

RULES = (True,) * 10           # the shipped policy's other door-number rules


@pytest.mark.parametrize("forms, home", [
    (("9栋1单元401-2", "9栋1单元401之二", "9-1-401-2"), "9栋1单元401号之2"),
    (("3-2-602-1", "3栋2单元602之一", "3-2-602之1"), "3栋2单元602号之1"),
    (("1-1-地下室6号", "1栋1单元地下室6号", "1栋1单元负一层6号"), "1栋1单元负1层6号"),
    (("2栋1单元B2-08", "2栋1单元负二层8号"), "2栋1单元负2层8号"),
    (("6-1-401之1", "6栋1单元401之1"), "6栋1单元401号之1"),
])
def test_one_rented_room_however_typed_is_one_home(forms, home):
    assert {normalized_household(f, *RULES, True) for f in forms} == {home}


def test_a_floor_and_its_flat_and_a_policy_without_the_key_read_as_before():
    assert normalized_household("3-2-12-01", *RULES, True) == "3栋2单元1201"           # floor 12, flat 01
    assert normalized_household("9栋1单元12-03", *RULES, True) == "9栋1单元1203"
    assert normalized_household("9栋1单元401-2", *RULES) == "9栋1单元40102"             # without the key
    assert normalized_household("2-2-B103", *RULES, True) == "2栋2单元B103"             # B1's 03, or B's 103? named


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0124-栋单元层负一地下室之Bb号 "), max_size=12))
def test_household_ids_duckdb_keeps_as_typed_are_the_ones_the_room_rule_keeps(text):
    rules = (True,) * 11
    kept = kept_by_duckdb(text, rules)
    if kept:
        assert normalized_household(text, *rules) == text
