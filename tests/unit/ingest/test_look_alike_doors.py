"""A letter typed for the digit it looks like in a door number (survey.door_number_look_alikes, policy 2027.18): trial
150's volunteer typed the same all-5 forms twice, the copies' doors 6栋2单元4O1, 8栋1单元10l and 4栋1单元1O2: six homes for
three, W01 paid 1845.54 for 1783.26, exit 0, nothing said."""
from hypothesis import given, settings
from hypothesis import strategies as st

from below_cli import quarantined_below_the_cli
from conftest import SURVEY_HEADER, survey, write_csv
from below_cli import kept_by_duckdb
from gridpay.core.policy_file import load_policy
from gridpay.core.settings import DEFAULT_POLICY
from gridpay.transforms.door_numbers import normalized_household
from gridpay.transforms.policy import policy_from_toml

RULES = (True,) * 8           # the shipped policy's other door-number rules


def test_a_letter_beside_digits_is_the_digit_it_looks_like_and_letters_of_a_name_stay():
    for typed, door in (("6栋2单元4O1", "6栋2单元401"), ("8栋1单元10l", "8栋1单元101"), ("4栋1单元1O2", "4栋1单元102"),
                        ("9-2-502\u200b", "9栋2单元502"), ("3-2-4О1", "3栋2单元401"), ("I0栋1单元101", "10栋1单元101"),
                        ("5栋1单元2\u200d01", "5栋1单元201"),
                        # the re-check's (trial 150): a Chinese zero, a CJK stroke, a no-break space inside the room,
                        # a letter between 栋 and 单元, a variation selector, a Hangul filler
                        ("5栋1单元5〇1", "5栋1单元501"), ("1栋1单元10丨", "1栋1单元101"), ("1栋1单元20\u00a02", "1栋1单元202"),
                        ("36栋l单元301", "36栋1单元301"), ("3-2-40\ufe0f1", "3栋2单元401"), ("3-2-4\u316401", "3栋2单元401")):
        assert normalized_household(typed, *RULES, True) == door, typed
        assert normalized_household(typed, *RULES) != door, typed          # a policy without the key
    for kept in ("A座1203", "Block A", "3栋2单元401", "Lotus苑2栋101", "G0001-01-1-101", "OL公寓"):
        assert normalized_household(kept, *RULES, True) == normalized_household(kept, *RULES), kept


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0149OoIlAL-栋幢单元座丨〇 \u200b\u00a0"), max_size=10),
       st.sampled_from([(True,) * 9, (False,) * 8 + (True,)]))
def test_household_ids_duckdb_keeps_as_typed_are_the_ones_the_look_alike_rule_keeps(text, rules):
    """The SQL test of ids DuckDB keeps as typed passes every id the rule would change to Python."""
    kept = kept_by_duckdb(text, rules)
    if kept:
        assert normalized_household(text, *rules) == text


def _inbox(make_inbox):
    inbox = make_inbox({})
    write_csv(inbox / "surveys" / "2026-09" / "paper.csv", SURVEY_HEADER,
              [survey("P1", "G1", "6栋2单元401", ("5",) * 5, "2026-09-10 10:00:00"),
               survey("P2", "G1", "6栋2单元4O1", ("5",) * 5, "2026-09-12 10:00:00"),
               survey("P3", "G1", "8栋1单元101", ("5",) * 5, "2026-09-10 11:00:00"),
               survey("P4", "G1", "8栋1单元10l", ("5",) * 5, "2026-09-12 11:00:00"),
               survey("P5", "G2", "4栋1单元102", ("3",) * 5)])
    return inbox


def test_the_volunteers_copies_are_one_home_each_and_a_policy_before_the_key_is_told(make_inbox, tmp_path, caplog):
    import logging
    from types import SimpleNamespace

    from below_cli import scored_below_the_cli
    from gridpay.pipeline.household_doubts import say_household_doubts
    policy = load_policy(DEFAULT_POLICY)
    assert policy.door_number_look_alikes
    assert quarantined_below_the_cli(_inbox(make_inbox), tmp_path / "now", policy) == {
        "P1": "duplicate_household", "P3": "duplicate_household"}
    before = policy_from_toml(DEFAULT_POLICY.read_text(encoding="utf-8").replace("door_number_look_alikes = true", ""))
    scored_below_the_cli(_inbox(make_inbox), tmp_path / "before", before)[1].close()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="gridpay"):
        say_household_doubts(SimpleNamespace(workdir=tmp_path / "before", month="2026-09", policy=before,
                                             request=SimpleNamespace(output_format=1),
                                             settings=SimpleNamespace(db=tmp_path / "none")))
    assert "'6栋2单元401' and '6栋2单元4O1'" in caplog.text and "'8栋1单元101' and '8栋1单元10l'" in caplog.text
    assert ("2 of the pairs above are one home by survey.door_number_look_alikes (the shipped policy's since 2027.18: "
            "a letter typed for a digit, 4O1 or 10l)") in caplog.text


def test_a_floor_below_ground_keeps_its_sign():
    for typed in ("5栋-1层", "５栋－1层", "5栋负一层", "5栋地下1层", "5栋 负1层"):
        assert normalized_household(typed, *RULES, True, True) == "5栋负1层", typed
    assert normalized_household("5栋-1层", *RULES, True) == "5栋1层"          # a policy without the key
    assert normalized_household("5栋1单元-1层", *RULES, True, True) == "5栋1单元负1层"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("0129-栋单元层楼负一地下 "), max_size=10))
def test_household_ids_duckdb_keeps_as_typed_are_the_ones_the_basement_rule_keeps(text):
    rules = (True,) * 11          # policy 2027.19's SQL keeps 5栋-一层 as typed (ingest/survey_values.py)
    kept = kept_by_duckdb(text, rules)
    if kept:
        assert normalized_household(text, *rules) == text


def test_a_basement_typed_the_ways_the_re_check_did_is_one_home():
    """Trial 152's re-check: 6-1-负一层 beside 6栋1单元地下室, 26栋负1楼 kept as typed (DuckDB's test), two homes each."""
    rules = (True,) * 10
    for typed, door in (("6-1-负一层", "6栋1单元负1层"), ("6栋1单元地下室", "6栋1单元负1层"), ("26栋负1楼", "26栋负1层"),
                        ("22栋负一楼", "22栋负1层")):
        assert normalized_household(typed, *rules) == door, typed
