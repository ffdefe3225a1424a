"""An old neighbourhood's homes as residents type them (survey.door_number_yards, policy 2027.22): trial 191's 槐树社区
counted 槐树胡同十五号 beside 槐树胡同15, 12号东屋 beside 12号院东屋, and 底商5号, 底商5 and 5号底商 as homes of their own,
nothing said (W06 1449.60 for 1417.76)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from below_cli import kept_by_duckdb
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.door_numbers import normalized_household

RULES = (True,) * 12          # the shipped policy's other door-number rules


def one_home(*typed: str, yards: bool = True) -> bool:
    return len({normalized_household(t, *RULES, yards) for t in typed}) == 1


def test_a_hutong_house_a_yard_room_and_a_shop_under_the_flats_are_one_home_however_typed():
    assert load_policy(DEFAULT_POLICY).door_number_yards
    for typed in (("槐树胡同十五号", "槐树胡同15", "槐树胡同15号", "槐树胡同第15号", "槐树胡同15#"),
                  ("15号", "15", "十五号"),                            # the compound's name read off before it
                  ("12号东屋", "12号院东屋", "12院东屋", "十二号院东屋"),
                  ("底商5号", "底商5", "5号底商", "底铺5", "门面5")):
        assert one_home(*typed), typed
        assert not one_home(*typed, yards=False), typed                # a policy without the key: as typed
    assert normalized_household("底商5号", *RULES, True) == "门面5"


def test_two_rooms_of_one_yard_two_houses_and_two_lanes_stay_apart():
    for apart in (("12号院东屋", "12号院西屋"), ("12号东屋", "12号院南屋"), ("15号", "16"), ("槐树胡同15", "前井胡同15"),
                  ("底商5", "底商6"), ("12号院3户", "12号院4户"), ("3栋2单元302", "302")):
        assert not one_home(*apart), apart
    # a building's room, a lane's house and a street's: as the other rules leave them
    for kept in ("3栋2单元302", "7弄5号301", "梧桐路18号", "12号院3户", "12号之1", "302"):
        assert normalized_household(kept, *RULES, True) == normalized_household(kept, *RULES), kept


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["1", "5", "0", "号", "院", "东", "屋", "胡同", "底商", "槐树", "#", "第", "-"]),
                max_size=8).map("".join))
def test_household_ids_duckdb_keeps_as_typed_are_the_ones_the_yard_rule_keeps(text):
    """The SQL test of ids DuckDB keeps as typed passes every id the rule would change to Python."""
    rules = RULES + (True,)
    kept = kept_by_duckdb(text, rules)
    if kept:
        assert normalized_household(text, *rules) == text
