"""A building, unit and room typed apart by a slash, a dot or a comma (survey.door_number_separators, policy 2027.21):
trial 183's residents typed 4/3/501, 5.3.302 and 4，3，301, each a home of its own beside 4栋3单元501 (three all-1
answers counted twice, 王磊 1525.86 for 1733.22), said only as pairs for HR to set aside by hand."""
from hypothesis import given, settings
from hypothesis import strategies as st

from below_cli import kept_by_duckdb
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.door_numbers import normalized_household

RULES = (True,) * 11          # the shipped policy's other door-number rules


def test_a_door_typed_apart_by_a_slash_a_dot_or_a_comma_is_the_dashed_door():
    assert load_policy(DEFAULT_POLICY).door_number_separators
    for typed, door in (("4/3/501", "4栋3单元501"), ("5.3.302", "5栋3单元302"), ("4，3，301", "4栋3单元301"),
                        ("4、3、301", "4栋3单元301"), ("4／3／501 ", "4栋3单元501"), ("16.1.601", "16栋1单元601")):
        assert normalized_household(typed, *RULES, True) == door, typed
        assert normalized_household(typed, *RULES) != door, typed          # a policy without the key
    # two numbers, a date's four-digit year, a decimal: as the other rules leave them
    for kept in ("5.302", "2012/1/3", "3栋2单元301", "4.5", "A/3/501"):
        assert normalized_household(kept, *RULES, True) == normalized_household(kept, *RULES), kept


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0149/.,、。，-栋单元 "), max_size=10))
def test_household_ids_duckdb_keeps_as_typed_are_the_ones_the_separator_rule_keeps(text):
    """The SQL test of ids DuckDB keeps as typed passes every id the rule would change to Python."""
    rules = RULES + (True,)
    kept = kept_by_duckdb(text, rules)
    if kept:
        assert normalized_household(text, *rules) == text
